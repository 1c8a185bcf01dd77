/**
 * `npm run prisma -- <args>`: Prisma's CLI, offline, against our database:
 * DATABASE_URL from the environment, .env or .env.local (read as Next reads them).
 *
 * Without DATABASE_URL it starts (or joins) the embedded PostgreSQL for the
 * duration of the command. `generate`, `format`, `validate` and `version` need
 * no database and start nothing.
 */
import { assertConfig } from "../lib/config/config";
import { loadEnvFiles } from "../lib/config/env-files";
import { resolveDatabase } from "../lib/db/embedded";
import { runPrismaCli } from "../lib/db/prisma-cli";

const NO_DATABASE = new Set(["generate", "format", "validate", "version", "-v", "--version", "--help", "-h", "init"]);

async function main() {
  loadEnvFiles();
  const args = process.argv.slice(2);
  const needsDatabase = args.length > 0 && !NO_DATABASE.has(args[0]!) && !args.includes("--help");
  // `generate` runs at npm install, before anyone has a configuration to check.
  if (needsDatabase) assertConfig();
  const db = needsDatabase ? await resolveDatabase() : null;
  let code = 1;
  try {
    ({ code } = await runPrismaCli(args, { databaseUrl: db?.url }));
    // Prisma 7's `migrate dev` no longer regenerates the client; keep it in step with the schema.
    if (code === 0 && args[0] === "migrate" && args[1] === "dev") ({ code } = await runPrismaCli(["generate"]));
  } finally {
    await db?.stop();
  }
  process.exit(code);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
