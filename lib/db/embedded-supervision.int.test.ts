import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dataRoot, startEmbeddedPostgres } from "./embedded";
import { isAlive } from "./embedded-process";

/*
 * Issue 12, item 8: a stale postmaster.pid, PostgreSQL stopped or killed from
 * outside while the launcher holds it. Real PostgreSQL, real processes.
 */

const pidFile = (root: string) => path.join(root, "postgres", "postmaster.pid");
const postmasterPid = (root: string) => Number(readFileSync(pidFile(root), "utf8").split("\n")[0]);

async function until<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function accepts(port: number, password: string): Promise<boolean> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres", connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The launcher's way of holding the server (supervised, onShutdown), in its own process. */
function startHolder(root: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "testing/embedded-holder.ts", root], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += String(chunk)));
  child.stderr!.on("data", (chunk) => (output += String(chunk)));
  const ready = until("the holder to start PostgreSQL", () => /READY (\{.*\})/.exec(output)?.[1], 60_000).then((json) => JSON.parse(json) as { port: number });
  return { child, ready, output: () => output };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));

describe.skipIf(inject("externalDatabase"))("embedded PostgreSQL: stale pid file, outside stops, supervision", () => {
  let root = "";
  let password = "";
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    mkdirSync(path.join(dataRoot(), "test"), { recursive: true });
    root = mkdtempSync(path.join(dataRoot(), "test", "embedded-supervision-"));
    // initdb once; the tests below reuse the data directory.
    const first = await startEmbeddedPostgres({ root });
    await first.stop();
    password = readFileSync(path.join(root, "postgres-password"), "utf8").trim();
  }, 120_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    try {
      const pid = postmasterPid(root);
      if (pid && isAlive(pid)) process.kill(pid, "SIGINT");
      await until("PostgreSQL to stop", () => !isAlive(pid), 10_000);
    } catch {
      // no pid file: nothing running
    }
    rmSync(root, { recursive: true, force: true });
  });

  it("starts although postmaster.pid names a live process that is not PostgreSQL (a reused PID)", async () => {
    const unrelated = spawn("sleep", ["300"], { stdio: "ignore" });
    children.push(unrelated);
    // What a crash leaves: PostgreSQL's own pid-file layout, with a PID that now belongs to someone else.
    writeFileSync(
      pidFile(root),
      `${unrelated.pid}\n${path.join(root, "postgres")}\n${Math.floor(Date.now() / 1000)}\n54987\n\n127.0.0.1\n  1234567     0\nready   \n`,
    );
    const startedAt = Date.now();
    const server = await startEmbeddedPostgres({ root });
    try {
      expect(server.owned).toBe(true);
      expect(await accepts(server.port, password)).toBe(true);
      expect(Date.now() - startedAt).toBeLessThan(10_000);
      expect(isAlive(unrelated.pid!)).toBe(true); // never touched
    } finally {
      await server.stop();
      unrelated.kill("SIGKILL");
    }
  });

  it("restarts PostgreSQL killed from outside, on the same port, and says so", async () => {
    const holder = startHolder(root);
    children.push(holder.child);
    const { port } = await holder.ready;
    const firstPid = postmasterPid(root);
    process.kill(firstPid, "SIGKILL");
    await until("the holder to report the crash", () => /exited|killed/i.test(holder.output()));
    await until("PostgreSQL to accept connections again", () => accepts(port, password), 30_000);
    const secondPid = postmasterPid(root);
    expect(secondPid).not.toBe(firstPid);
    expect(holder.output()).toMatch(/was killed \(SIGKILL\); restarting it/);
    expect(holder.output()).toMatch(/running again on port/);

    holder.child.kill("SIGTERM");
    await exited(holder.child);
    expect(isAlive(secondPid)).toBe(false);
  });

  it("shuts down within seconds when PostgreSQL was stopped from outside", async () => {
    const holder = startHolder(root);
    children.push(holder.child);
    await holder.ready;
    const pid = postmasterPid(root);
    process.kill(pid, "SIGINT"); // what `pg_ctl stop -m fast` sends
    await until("PostgreSQL to stop", () => !isAlive(pid));
    const askedAt = Date.now();
    holder.child.kill("SIGTERM");
    await exited(holder.child);
    const tookMs = Date.now() - askedAt;
    console.log(`Shutdown after an outside stop took ${tookMs} ms`);
    expect(tookMs).toBeLessThan(5_000);
    expect(holder.output()).toContain("STOPPED");
    // Nothing left running on the data directory (no late restart either).
    await new Promise((r) => setTimeout(r, 1500));
    let leftover: number | null = null;
    try {
      leftover = postmasterPid(root);
    } catch {
      // no pid file
    }
    expect(leftover !== null && isAlive(leftover)).toBe(false);
  });
});
