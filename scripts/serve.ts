/**
 * `npm start` (production) and `npm run dev`: everything the app needs, then the app's server.
 *
 *   0. the configuration: .env files read as Next reads them (lib/config/env-files.ts),
 *      then every variable checked; a bad value stops here, with the list of problems
 *   1. the database: DATABASE_URL, or the embedded PostgreSQL (started or joined;
 *      one we started is restarted on the same port if it dies while we run)
 *   2. AUTH_SECRET: from the environment, or made once and kept in .data/
 *   3. pending migrations applied (Prisma's CLI through the offline engine bridge)
 *   4. demo content seeded once on an empty embedded database
 *   5. production only: `next build` and the reader site's stylesheet when the sources
 *      changed since the last build
 *   6. the app's server (server/main.ts: the reader site, Next for everything else,
 *      in production or development mode) on PORT (3000), with the URL and demo logins printed
 *
 * Ctrl-C or SIGTERM stops the server, then the embedded PostgreSQL: nothing is left running.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { assertConfig, ConfigError, type TConfig } from "../lib/config/config";
import { loadEnvFiles } from "../lib/config/env-files";
import { dataRoot, describeEmbedded, isPortFree, resolveDatabase, type TDatabase } from "../lib/db/embedded";
import { runPrismaCli } from "../lib/db/prisma-cli";
import { writeStylesheet } from "../site/stylesheet";
import { buildIsCurrent, sourceFingerprint, stampBuild } from "./build-inputs";
import { onShutdown, requestShutdown, stopChild } from "../lib/process/shutdown";

const dev = process.argv.includes("--dev");
const say = (line: string) => console.log(`[newsroom] ${line}`);

/** Fail with a message a person can act on, and no stack trace. */
class StartupError extends Error {}

function authSecret(db: TDatabase, settings: TConfig): string {
  if (settings.AUTH_SECRET) return settings.AUTH_SECRET;
  if (!db.embedded && !dev) {
    throw new StartupError(
      "AUTH_SECRET is not set. With an external database (DATABASE_URL) the production server needs a secret that stays the same across restarts:\n" +
        "  export AUTH_SECRET=$(openssl rand -base64 33)",
    );
  }
  const file = path.join(dataRoot(), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataRoot(), { recursive: true });
  const secret = randomBytes(33).toString("base64");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  say(`Generated AUTH_SECRET and kept it in ${file}`);
  return secret;
}

function nextBin(): string {
  return require.resolve("next/dist/bin/next");
}

/** The app's own server (server/main.ts: the reader site, and Next for the rest). */
function serverArgs(dev: boolean): string[] {
  return ["--import", "tsx", "server/main.ts", ...(dev ? ["--dev"] : [])];
}

function serverEnv(env: NodeJS.ProcessEnv, port: number, dev: boolean): NodeJS.ProcessEnv {
  return { ...env, PORT: String(port), NODE_ENV: dev ? "development" : "production", TSX_TSCONFIG_PATH: "tsconfig.server.json" };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
}

async function ensureBuild(env: NodeJS.ProcessEnv) {
  const fingerprint = sourceFingerprint();
  if (buildIsCurrent(fingerprint)) {
    say("Production build is up to date.");
    return;
  }
  say("Building the production app (next build); this takes a minute the first time…");
  const code = await run(process.execPath, [nextBin(), "build"], env);
  if (code !== 0) throw new StartupError("next build failed; see the output above.");
  await writeStylesheet();
  stampBuild(fingerprint);
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

let db: TDatabase | null = null;

async function main() {
  const envFiles = loadEnvFiles({ dev });
  if (envFiles.length) say(`Read ${envFiles.join(", ")}.`);
  const settings = assertConfig();
  const port = settings.PORT;
  if (!(await isPortFree(port))) {
    throw new StartupError(`Port ${port} is already in use. Stop what is using it, or choose another: PORT=3001 npm ${dev ? "run dev" : "start"}`);
  }

  say(settings.DATABASE_URL ? "Using the database in DATABASE_URL." : "Starting the embedded PostgreSQL…");
  db = await resolveDatabase({ supervise: true });
  if (db.server) say(describeEmbedded(db.server));
  const database = db;
  let child: ChildProcess | null = null;
  let stopping = false;

  onShutdown(async () => {
    stopping = true;
    await stopChild(child);
    await database.stop();
  });
  // If whoever started us goes away without passing the signal on (npm's `sh -c`
  // does that with SIGTERM), we are orphaned: shut down rather than linger.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && requestShutdown(), 1000).unref();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    AUTH_SECRET: authSecret(db, settings),
    NODE_ENV: dev ? "development" : "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  say("Applying pending database migrations…");
  const migrate = await runPrismaCli(["migrate", "deploy"], { databaseUrl: db.url, quiet: true });
  if (migrate.code !== 0) throw new StartupError(`Applying migrations failed:\n${migrate.output}`);

  let demoLogins: string[] = [];
  if (db.embedded || settings.NEWSROOM_SEED_DEMO) {
    process.env.DATABASE_URL = db.url;
    const demo = await import("../prisma/seed/demo");
    if (await demo.seedDemoContent()) say("Seeded demo content.");
    demoLogins = (await demo.listDemoLogins()).map((u) => `${u.role.padEnd(11)} ${u.email}  password: ${u.password}`);
    await (await import("../lib/db/client")).prisma.$disconnect();
  }

  if (!dev) await ensureBuild(env);

  child = spawn(process.execPath, serverArgs(dev), { env: serverEnv(env, port, dev), stdio: "inherit" });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    say(`The server exited (${signal ?? code}); stopping.`);
    requestShutdown();
  });

  if (await waitForHealth(`http://127.0.0.1:${port}/api/health`, child)) {
    say(`Ready: http://localhost:${port}  (newsroom: http://localhost:${port}/newsroom)`);
    if (demoLogins.length) say(`Demo logins (demo database only):\n  ${demoLogins.join("\n  ")}`);
  }
}

main().catch(async (err) => {
  console.error(`[newsroom] ${err instanceof StartupError || err instanceof ConfigError ? err.message : (err?.stack ?? err)}`);
  await db?.stop().catch(() => {});
  process.exit(1);
});
