/**
 * The shape every operator command shares (npm run user, api-key, webhook): parse
 * the arguments (a UsageError prints what is wrong and the usage), read the
 * configuration, find the database (DATABASE_URL, else the embedded one), run as
 * the system actor, and turn a refusal into a sentence and exit code 1.
 */
import { ConfigError, assertConfig } from "../lib/config/config";
import { loadEnvFiles } from "../lib/config/env-files";
import { resolveDatabase } from "../lib/db/embedded";
import { UsageError } from "./usage-error";

/** Prisma's codes for "no such database" and "no such table": the schema is not there yet. */
const SCHEMA_MISSING = new Set(["P1003", "P2021"]);

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export const utc = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never");

export function runCli<T extends { command: string }>(
  parse: (argv: string[]) => T,
  usage: string,
  run: (command: Exclude<T, { command: "help" }>) => Promise<void>,
) {
  const main = async () => {
    let command: T;
    try {
      command = parse(process.argv.slice(2));
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      console.error(`${err.message}\n\n${usage}`);
      process.exitCode = 1;
      return;
    }
    if (command.command === "help") return console.log(usage);
    loadEnvFiles();
    assertConfig();
    const db = await resolveDatabase();
    process.env.DATABASE_URL = db.url;
    const { prisma } = await import("../lib/db/client");
    try {
      await run(command as Exclude<T, { command: "help" }>);
    } finally {
      await prisma.$disconnect();
      await db.stop();
    }
  };
  main().catch((err) => {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    if (SCHEMA_MISSING.has(err?.code)) {
      console.error("This database has no Newsroom tables yet. Apply the migrations first: npm run db:deploy (or start the app once).");
      process.exit(1);
    }
    const fieldErrors = err?.fieldErrors as Record<string, string[]> | undefined;
    console.error(err?.message ?? err);
    for (const [field, messages] of Object.entries(fieldErrors ?? {})) console.error(`  --${field}: ${messages.join(" ")}`);
    process.exit(1);
  });
}
