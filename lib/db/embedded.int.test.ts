import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dataRoot, databaseUrl, ensureDatabase, freePort, startEmbeddedPostgres } from "./embedded";
import { isAlive } from "./embedded-process";

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

// With DATABASE_URL, nothing embedded may start, so this part is skipped.
describe.skipIf(inject("externalDatabase"))("embedded PostgreSQL", () => {
  /** A real embedded PostgreSQL in a throwaway data directory. */
  let root = "";
  beforeAll(() => {
    mkdirSync(path.join(dataRoot(), "test"), { recursive: true });
    root = mkdtempSync(path.join(dataRoot(), "test", "embedded-"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("takes another port when its usual one is busy, keeps data across restarts, and leaves no process behind", async () => {
    const busyPort = await freePort();
    const blocker = net.createServer().listen(busyPort, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    try {
      const first = await startEmbeddedPostgres({ root, port: busyPort });
      expect(first.owned).toBe(true);
      expect(first.port).not.toBe(busyPort);
      await ensureDatabase(first.serverUrl, "keep");
      await sql(databaseUrl(first.serverUrl, "keep"), "CREATE TABLE note (body text); INSERT INTO note VALUES ('survives a restart')");

      // A second start on the same data directory joins the running server.
      const joined = await startEmbeddedPostgres({ root, port: busyPort });
      expect(joined).toMatchObject({ owned: false, port: first.port });
      await joined.stop(); // not ours: must not stop it
      expect(await sql(first.serverUrl, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);

      const pid = Number(readFileSync(path.join(root, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
      await first.stop();
      expect(isAlive(pid)).toBe(false);
      expect(existsSync(path.join(root, "postgres", "postmaster.pid"))).toBe(false);

      const second = await startEmbeddedPostgres({ root, port: busyPort });
      try {
        expect(await sql(databaseUrl(second.serverUrl, "keep"), "SELECT body FROM note")).toEqual([{ body: "survives a restart" }]);
        // UTF-8 and Unicode-aware case rules, for accented names and headlines.
        expect(await sql(second.serverUrl, "SELECT upper('élodie ğ') AS up")).toEqual([{ up: "ÉLODIE Ğ" }]);
      } finally {
        await second.stop();
      }
    } finally {
      blocker.close();
    }
  });
});
