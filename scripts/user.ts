/**
 * Accounts from the command line, on any database (DATABASE_URL from the
 * environment, .env or .env.local; else the embedded one). For the operator
 * who has database access: the first admin of a real installation, and the
 * way back in when the last admin is locked out. Acts as the system actor, so
 * the audit log says the command line did it. `npm run user -- --help` lists
 * the commands (scripts/user-args.ts).
 *
 *   npm run user -- list
 *   npm run user:create -- --email jane@paper.example --name "Jane Roe" --role ADMIN
 *   npm run user -- reset-password jane@paper.example
 *   npm run user -- set-role jane@paper.example EDITOR
 *   npm run user -- deactivate jane@paper.example
 */
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import { runCli, table, utc } from "./cli";
import { parseUserArgs, USAGE, type TUserCommand } from "./user-args";

async function readStdin(): Promise<string> {
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  return data.replace(/\r?\n$/, "");
}

/** Ask for a secret on the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      if (!asked) {
        process.stdout.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

async function newPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin();
  if (!process.stdin.isTTY) throw new Error("No terminal to ask for the password: pipe it in and add --password-stdin.");
  const first = await askHidden("Password: ");
  const second = await askHidden("Repeat the password: ");
  if (first !== second) throw new Error("The two passwords differ; nothing was changed.");
  return first;
}

/** A password for reset-password when none is piped in: 24 characters, 144 random bits. */
const madePassword = () => randomBytes(18).toString("base64url");

async function run(command: Exclude<TUserCommand, { command: "help" }>) {
  const { SYSTEM_ACTOR: actor } = await import("../lib/auth/actor");
  const users = await import("../lib/users/mutations");
  const { findUserByEmail, listUsersWithLastSignIn } = await import("../lib/users/queries");
  const account = async (email: string) => {
    const user = await findUserByEmail(email);
    if (!user) throw new Error(`No account has the email ${email}. npm run user -- list shows them all.`);
    return user;
  };

  switch (command.command) {
    case "list": {
      const all = await listUsersWithLastSignIn({ actor });
      if (!all.length) return console.log('No accounts yet. Create the first admin: npm run user:create -- --email EMAIL --name "NAME" --role ADMIN');
      console.log(
        table([
          ["EMAIL", "NAME", "ROLE", "ACTIVE", "LAST SIGN-IN"],
          ...all.map((u) => [u.email, u.name, u.role, u.active ? "yes" : "no", utc(u.lastSignInAt)]),
        ]),
      );
      return;
    }
    case "create": {
      const user = await users.createUser({
        actor,
        data: { email: command.email, name: command.name, role: command.role, password: await newPassword(command.passwordStdin) },
      });
      return console.log(`Created ${user.role} ${user.email} (${user.name}).`);
    }
    case "reset-password": {
      const user = await account(command.email);
      const made = !command.passwordStdin;
      const password = made ? madePassword() : await readStdin();
      await users.resetUserPassword({ actor, userId: user.id, password });
      // The way back in: a sign-in lock on this email (too many wrong guesses) is lifted too.
      const { emailKey, recordSuccess } = await import("../lib/auth/throttle");
      await recordSuccess(emailKey(user.email));
      console.log(`Set a new password for ${user.email}; its sessions have ended.`);
      if (made) console.log(`New password: ${password}\n(Shown once. Sign in and change it under Account.)`);
      if (!user.active) console.log(`This account is deactivated: npm run user -- activate ${user.email}`);
      return;
    }
    case "set-role": {
      const user = await account(command.email);
      const updated = await users.changeUserRole({ actor, userId: user.id, role: command.role });
      return console.log(
        user.role === updated.role
          ? `${updated.email} is already ${updated.role}.`
          : `${updated.email} is now ${updated.role} (was ${user.role}); its sessions have ended.`,
      );
    }
    case "activate":
    case "deactivate": {
      const user = await account(command.email);
      await users.setUserActive({ actor, userId: user.id, active: command.command === "activate" });
      return console.log(`${command.command === "activate" ? "Activated" : "Deactivated"} ${user.email}.`);
    }
  }
}

runCli(parseUserArgs, USAGE, run);
