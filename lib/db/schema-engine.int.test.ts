import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dataRoot, databaseUrl, dropDatabase } from "./embedded";
import { runPrismaCli, SCHEMA_ENGINE_BRIDGE } from "./prisma-cli";

/**
 * The offline schema engine, driven by Prisma's real CLI exactly as a developer
 * would: no mocks, a real PostgreSQL, and a throwaway database per test.
 */
const serverUrl = inject("serverUrl");
const created: string[] = [];
const uniqueName = (label: string) => {
  const name = `bridge_${label}_${Date.now().toString(36)}_${Math.floor(performance.now())}`;
  created.push(name);
  return name;
};

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const shadowDatabases = async () =>
  (await query<{ datname: string }>(serverUrl, "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'")).map((r) => r.datname);

let workDir: string;
beforeAll(() => {
  // A private copy of prisma/ and its config so that schema changes here never
  // touch the real ones (inside the checkout, so "prisma/config" resolves).
  mkdirSync(path.join(dataRoot(), "test"), { recursive: true });
  workDir = mkdtempSync(path.join(dataRoot(), "test", "bridge-"));
  cpSync("prisma/migrations", path.join(workDir, "prisma/migrations"), { recursive: true });
  cpSync("prisma/schema.prisma", path.join(workDir, "prisma/schema.prisma"));
  cpSync("prisma.config.ts", path.join(workDir, "prisma.config.ts"));
});

afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
  for (const name of created) await dropDatabase(serverUrl, name);
});

describe("Prisma CLI through the wasm schema engine", () => {
  it("migrates a database that does not exist yet, then reports it up to date", async () => {
    const url = databaseUrl(serverUrl, uniqueName("deploy"));

    const deploy = await runPrismaCli(["migrate", "deploy"], { databaseUrl: url, quiet: true });
    expect(deploy.output).toContain("All migrations have been successfully applied");
    expect(deploy.code).toBe(0);

    const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["User", "Session", "SiteSetting", "_prisma_migrations"]));

    const status = await runPrismaCli(["migrate", "status"], { databaseUrl: url, quiet: true });
    expect(status.output).toContain("Database schema is up to date");
    expect(status.code).toBe(0);
  });

  it("reports pending migrations on an empty database, with a failing exit code", async () => {
    const url = databaseUrl(serverUrl, uniqueName("pending"));
    await query(serverUrl, `CREATE DATABASE "${new URL(url).pathname.slice(1)}"`);
    const status = await runPrismaCli(["migrate", "status"], { databaseUrl: url, quiet: true });
    expect(status.output).toMatch(/have not yet been applied/);
    expect(status.code).not.toBe(0);
  });

  it("turns a schema change into the expected migration SQL and leaves no shadow database behind", async () => {
    const url = databaseUrl(serverUrl, uniqueName("dev"));
    expect((await runPrismaCli(["migrate", "deploy"], { databaseUrl: url, quiet: true })).code).toBe(0);
    const before = await shadowDatabases();

    const schemaFile = path.join(workDir, "prisma/schema.prisma");
    const schema = readFileSync(schemaFile, "utf8").replace(/model SiteSetting \{/, "model SiteSetting {\n  note String?");
    writeFileSync(schemaFile, schema);

    // `migrate dev --create-only` writes the migration without applying it.
    const config = path.join(workDir, "prisma.config.ts");
    const dev = await runPrismaCli(["migrate", "dev", "--name", "add_note", "--create-only", "--config", config], { databaseUrl: url, quiet: true });
    expect(dev.code, dev.output).toBe(0);
    const dir = readdirSync(path.join(workDir, "prisma/migrations")).find((d) => d.endsWith("_add_note"));
    expect(dir).toBeDefined();
    const sql = readFileSync(path.join(workDir, "prisma/migrations", dir!, "migration.sql"), "utf8");
    expect(sql).toMatch(/ALTER TABLE "SiteSetting" ADD COLUMN\s+"note" TEXT;/);

    // `migrate diff` replays migrations in a shadow database and compares them with a schema.
    const diffFrom = (migrations: string) =>
      runPrismaCli(["migrate", "diff", "--from-migrations", migrations, "--to-schema", schemaFile, "--script", "--config", config], {
        databaseUrl: url,
        quiet: true,
      });
    const fromOriginal = await diffFrom(path.resolve("prisma/migrations"));
    expect(fromOriginal.code, fromOriginal.output).toBe(0);
    expect(fromOriginal.output).toMatch(/ALTER TABLE "SiteSetting" ADD COLUMN\s+"note" TEXT;/);
    const fromUpdated = await diffFrom(path.join(workDir, "prisma/migrations"));
    expect(fromUpdated.code, fromUpdated.output).toBe(0);
    expect(fromUpdated.output).not.toContain("ALTER TABLE");
    expect(fromUpdated.output).toContain("empty migration");

    expect(await shadowDatabases()).toEqual(before);
  });

  it("applies a migration whose semicolons sit in comments, strings and function bodies, all or nothing", async () => {
    const migrations = path.join(workDir, "semicolons/migrations");
    cpSync("prisma/migrations", migrations, { recursive: true });
    mkdirSync(path.join(migrations, "29991231000000_semicolons"));
    writeFileSync(
      path.join(migrations, "29991231000000_semicolons/migration.sql"),
      `-- A comment; with a semicolon
INSERT INTO "SiteSetting" ("key", "value", "updatedAt") VALUES ('motto', '"Facts; then opinions"', now());
CREATE FUNCTION newsroom_shout(t text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN upper(t) || '!';
END;
$$;
`,
    );
    const config = path.join(workDir, "semicolons/prisma.config.ts");
    writeFileSync(
      config,
      `import { defineConfig } from "prisma/config";\nexport default defineConfig({ schema: "../prisma/schema.prisma", migrations: { path: "migrations" }, datasource: { url: process.env.DATABASE_URL ?? "" } });\n`,
    );
    const url = databaseUrl(serverUrl, uniqueName("semicolons"));
    const deploy = await runPrismaCli(["migrate", "deploy", "--config", config], { databaseUrl: url, quiet: true });
    expect(deploy.code, deploy.output).toBe(0);
    expect(await query(url, `SELECT value, newsroom_shout('ok') AS shout FROM "SiteSetting" WHERE key = 'motto'`)).toEqual([
      { value: "Facts; then opinions", shout: "OK!" },
    ]);

    // A failing statement leaves nothing of its migration behind.
    writeFileSync(path.join(migrations, "29991231000000_semicolons/migration.sql"), `CREATE TABLE half_done (id int);\nSELECT no_such_function();\n`);
    const brokenUrl = databaseUrl(serverUrl, uniqueName("broken"));
    expect((await runPrismaCli(["migrate", "deploy", "--config", config], { databaseUrl: brokenUrl, quiet: true })).code).not.toBe(0);
    expect(await query(brokenUrl, "SELECT to_regclass('half_done') AS t")).toEqual([{ t: null }]);
  });

  it("applies a schema directly with db push", async () => {
    const url = databaseUrl(serverUrl, uniqueName("push"));
    const push = await runPrismaCli(["db", "push"], { databaseUrl: url, quiet: true });
    expect(push.code, push.output).toBe(0);
    const columns = await query<{ column_name: string }>(url, "SELECT column_name FROM information_schema.columns WHERE table_name = 'User'");
    expect(columns.map((c) => c.column_name)).toEqual(expect.arrayContaining(["email", "passwordHash", "role", "active"]));
  });

  it("answers `cli can-connect-to-database` with Prisma's P1003 for a missing database", async () => {
    const url = databaseUrl(serverUrl, "no_such_database_here");
    const run = promisify(execFile);
    const failure = await run(process.execPath, [SCHEMA_ENGINE_BRIDGE, "--datasource", JSON.stringify({ url }), "cli", "can-connect-to-database"]).catch(
      (e) => e,
    );
    expect(failure.code).toBe(1);
    const [, jsonLine] = String(failure.stderr).trim().split("\n");
    expect(JSON.parse(jsonLine!)).toMatchObject({ level: "ERROR", fields: { error_code: "P1003" } });
  });
});
