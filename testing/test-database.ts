/**
 * Databases for tests: on the server of DATABASE_URL when set (its role needs
 * CREATEDB), else on an embedded PostgreSQL of its own under .data/test, so
 * tests never touch the data of `npm start`. Every run gets fresh databases.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { dataRoot, databaseUrl, dropDatabase, ensureDatabase, startEmbeddedPostgres } from "@/lib/db/embedded";
import { runPrismaCli } from "@/lib/db/prisma-cli";

export type TTestServer = { serverUrl: string; stop: () => Promise<void> };

export async function startTestServer(): Promise<TTestServer> {
  if (process.env.DATABASE_URL) {
    return { serverUrl: databaseUrl(process.env.DATABASE_URL, "postgres"), stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ root: path.join(dataRoot(), "test"), port: 54329 });
  return { serverUrl: server.serverUrl, stop: server.stop };
}

/** A new, empty database with a unique name; returns its URL and a way to drop it. */
export async function createTestDatabase(serverUrl: string, label: string) {
  const name = `newsroom_test_${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await ensureDatabase(serverUrl, name);
  return { name, url: databaseUrl(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

/** A new database with every migration applied, through the offline Prisma CLI. */
export async function createMigratedTestDatabase(serverUrl: string, label: string) {
  const db = await createTestDatabase(serverUrl, label);
  const { code, output } = await runPrismaCli(["migrate", "deploy"], { databaseUrl: db.url, quiet: true });
  if (code !== 0) throw new Error(`migrate deploy failed for the test database:\n${output}`);
  return db;
}

/**
 * Drop test databases left by runs that could not clean up (a killed run; or
 * Playwright stopping the embedded server together with the app). Names carry
 * their creation time, so a run only sweeps what is older than `olderThanMs`.
 */
export async function sweepTestDatabases(serverUrl: string, { label, olderThanMs }: { label?: string; olderThanMs: number }) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'newsroom\\_test\\_%'");
    for (const { datname } of rows) {
      const match = /^newsroom_test_([a-z0-9]+)_([a-z0-9]+)_[0-9a-f]+$/.exec(datname);
      if (!match || (label && match[1] !== label)) continue;
      if (Date.now() - parseInt(match[2]!, 36) < olderThanMs) continue;
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(datname)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}
