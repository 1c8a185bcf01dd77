/**
 * Accounts from the command line, on any database (DATABASE_URL, else the
 * embedded one). For the operator who has database access, e.g. to create the
 * first admin of a real installation.
 *
 *   npm run user:create -- --email jane@paper.example --name "Jane Roe" --role ADMIN
 *       asks for the password (twice, hidden); or pipe it in with --password-stdin
 *   npm run user -- deactivate --email jane@paper.example
 *   npm run user -- activate --email jane@paper.example
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { resolveDatabase } from "../lib/db/embedded";

const USAGE = `Usage:
  npm run user:create -- --email EMAIL --name "NAME" --role CONTRIBUTOR|EDITOR|ADMIN [--password-stdin]
  npm run user -- deactivate --email EMAIL
  npm run user -- activate --email EMAIL`;

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

async function password(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin();
  if (!process.stdin.isTTY) throw new Error("No terminal to ask for the password: pipe it in and add --password-stdin.");
  const first = await askHidden("Password: ");
  const second = await askHidden("Repeat the password: ");
  if (first !== second) throw new Error("The two passwords differ; nothing was created.");
  return first;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command || !values.email) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 1;
    return;
  }

  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  const { SYSTEM_ACTOR } = await import("../lib/auth/actor");
  const { createUser, setUserActive } = await import("../lib/users/mutations");
  const { findUserByEmail } = await import("../lib/users/queries");
  const { prisma } = await import("../lib/db/client");
  try {
    if (command === "create") {
      const user = await createUser({
        actor: SYSTEM_ACTOR,
        data: { email: values.email, name: values.name ?? "", role: (values.role ?? "") as "ADMIN", password: await password(values["password-stdin"]) },
      });
      console.log(`Created ${user.role} ${user.email} (${user.name}).`);
    } else if (command === "deactivate" || command === "activate") {
      const user = await findUserByEmail(values.email);
      if (!user) throw new Error(`No account has the email ${values.email}.`);
      await setUserActive({ actor: SYSTEM_ACTOR, userId: user.id, active: command === "activate" });
      console.log(`${command === "activate" ? "Activated" : "Deactivated"} ${user.email}.`);
    } else {
      console.log(USAGE);
      process.exitCode = 1;
    }
  } finally {
    await prisma.$disconnect();
    await db.stop();
  }
}

/** Prisma's codes for "no such database" and "no such table": the schema is not there yet. */
const SCHEMA_MISSING = new Set(["P1003", "P2021"]);

main().catch((err) => {
  if (SCHEMA_MISSING.has(err?.code)) {
    console.error("This database has no Newsroom tables yet. Apply the migrations first: npm run db:deploy (or start the app once).");
    process.exit(1);
  }
  const fieldErrors = err?.fieldErrors as Record<string, string[]> | undefined;
  console.error(err?.message ?? err);
  for (const [field, messages] of Object.entries(fieldErrors ?? {})) console.error(`  --${field}: ${messages.join(" ")}`);
  process.exit(1);
});
