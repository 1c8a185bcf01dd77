/**
 * The embedded PostgreSQL's postmaster as a process: its pid file (and telling a
 * stale one from a live server on this data directory), starting it and waiting
 * for it to accept connections, and waiting for it to exit. embedded.ts
 * supervises it with these.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, realpathSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

type TPidFile = { pid: number; port: number };

function readPidFile(pgData: string): TPidFile | null {
  const pidFile = path.join(pgData, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: line 1 pid, line 4 port (PostgreSQL's documented layout).
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return pid && port ? { pid, port } : null;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive but owned by another user (postgres, when we are root).
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

const samePath = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
};

/**
 * Whether a live `pid` is a PostgreSQL postmaster on `pgData`, judged from its
 * command line (/proc, Linux). A PID from an old pid file may since have gone
 * to any other process; PostgreSQL then refuses to start ("lock file already
 * exists") and joining it would wait for a server that is not there.
 * Null where the command line cannot be read (no /proc): the caller checks the port.
 */
function isPostmasterOf(pid: number, pgData: string): boolean | null {
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return null;
  }
  if (!["postgres", "postmaster"].includes(path.basename(argv[0] ?? ""))) return false;
  const dir = argv[argv.indexOf("-D") + 1];
  return argv.includes("-D") && dir ? samePath(dir, pgData) : true;
}

/** The pid and port of a server already running on this data directory, if any. */
export function runningServer(pgData: string): TPidFile | null {
  const found = readPidFile(pgData);
  if (!found || !isAlive(found.pid)) return null; // no server, or a dead one: PostgreSQL reclaims its file
  return isPostmasterOf(found.pid, pgData) === false ? null : found;
}

/**
 * A pid file naming a live process that is not a postmaster on this data
 * directory is what a crash leaves once its PID has been reused: remove it,
 * so PostgreSQL starts instead of refusing.
 */
export function removeStalePidFile(pgData: string, log: (line: string) => void): void {
  const found = readPidFile(pgData);
  if (!found || !isAlive(found.pid) || isPostmasterOf(found.pid, pgData) !== false) return;
  rmSync(path.join(pgData, "postmaster.pid"), { force: true });
  log(`Removed a stale ${path.join(pgData, "postmaster.pid")}: its PID ${found.pid} now belongs to another program, not PostgreSQL.`);
}

export async function waitUntilAccepting(serverUrl: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: serverUrl });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const READY_LINE = "database system is ready to accept connections";
export const STOP_GRACE_MS = 15_000;
export const RESTART_MAX_DELAY_MS = 30_000;
/** A server that stayed up this long before dying restarts after the shortest delay again. */
export const RESTART_RESET_AFTER_MS = 60_000;

/**
 * Run one postmaster until it is ready: resolves with the process, rejects if
 * it exits (or has not said it is ready within 60 s) first.
 */
export function launchPostmaster(o: {
  binary: string;
  pgData: string;
  port: number;
  flags: string[];
  ids?: { uid: number; gid: number };
  onLog: (text: string) => void;
}): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(o.binary, ["-D", o.pgData, "-p", String(o.port), ...o.flags], {
      ...o.ids,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, LC_MESSAGES: "C" },
    });
    let ready = false;
    const timeout = setTimeout(() => {
      child.kill("SIGINT");
      reject(new Error("PostgreSQL did not say it was ready within 60 s."));
    }, 60_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      o.onLog(text);
      if (!ready && text.includes(READY_LINE)) {
        ready = true;
        clearTimeout(timeout);
        resolve(child);
      }
    });
    child.once("error", (err) => {
      clearTimeout(timeout);
      reject(err);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timeout);
      if (!ready) reject(new Error(`PostgreSQL exited while starting (${signal ?? `code ${code}`}).`));
    });
  });
}

/** Wait until `pid` has exited, up to `timeoutMs`; true when it did. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}
