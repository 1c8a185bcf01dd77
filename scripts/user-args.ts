/**
 * `npm run user -- <command>`'s arguments, parsed (pure; scripts/user.ts runs them).
 * A mistake is a UsageError whose message says what is wrong; the usage text follows it.
 */
import { parseArgs } from "node:util";
import { ROLES } from "../lib/users/schemas";
import { UsageError } from "./usage-error";

export const USAGE = `Usage: npm run user -- <command>

  list                                   every account: email, name, role, active, last sign-in
  create --email EMAIL --name "NAME" --role CONTRIBUTOR|EDITOR|ADMIN [--password-stdin]
                                         asks for the password twice (hidden), or reads it from stdin
  reset-password EMAIL [--password-stdin]
                                         a new password (made and printed, or read from stdin); ends
                                         the account's sessions and lifts its sign-in lock
  set-role EMAIL CONTRIBUTOR|EDITOR|ADMIN
                                         ends the account's sessions; the last active admin stays one
  deactivate EMAIL                       ends its sessions; the last active admin cannot be
  activate EMAIL

  (npm run user:create -- … is create.) DATABASE_URL, from the environment, .env or .env.local,
  names the database; unset, the embedded one is used.`;

type TRole = (typeof ROLES)[number];

export type TUserCommand =
  | { command: "help" }
  | { command: "list" }
  | { command: "create"; email: string; name: string; role: TRole; passwordStdin: boolean }
  | { command: "reset-password"; email: string; passwordStdin: boolean }
  | { command: "set-role"; email: string; role: TRole }
  | { command: "activate" | "deactivate"; email: string };

export { UsageError };

function role(given: string | undefined): TRole {
  const upper = given?.trim().toUpperCase();
  if (!upper) throw new UsageError("Name the role: CONTRIBUTOR, EDITOR or ADMIN.");
  if (!(ROLES as readonly string[]).includes(upper)) throw new UsageError(`"${given}" is not a role. Choose CONTRIBUTOR, EDITOR or ADMIN.`);
  return upper as TRole;
}

export function parseUserArgs(argv: string[]): TUserCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { positionals, values } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === "help") return { command: "help" };
  if (!command) throw new UsageError("Name a command.");

  // The account comes first, positional or as --email; then whatever the command takes.
  const [account, ...others] = values.email ? [values.email, ...rest] : rest;
  const needAccount = () => {
    if (!account) throw new UsageError(`Name the account: npm run user -- ${command} EMAIL`);
    return account;
  };
  const noMore = (extra: string[]) => {
    if (extra.length) throw new UsageError(`Unexpected: ${extra.join(" ")}`);
  };

  switch (command) {
    case "list":
      noMore(rest);
      return { command };
    case "create":
      noMore(rest);
      if (!values.email) throw new UsageError("Give the new account's --email.");
      if (!values.name) throw new UsageError('Give the new account\'s --name "NAME".');
      return { command, email: values.email, name: values.name, role: role(values.role), passwordStdin: values["password-stdin"] };
    case "reset-password":
      noMore(others);
      return { command, email: needAccount(), passwordStdin: values["password-stdin"] };
    case "set-role": {
      const email = needAccount();
      noMore(values.role ? others : others.slice(1));
      return { command, email, role: role(values.role ?? others[0]) };
    }
    case "activate":
    case "deactivate":
      noMore(others);
      return { command, email: needAccount() };
    default:
      throw new UsageError(`"${command}" is not a command.`);
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}
