/**
 * The app as Playwright tests it: the real production launcher (scripts/serve.ts,
 * so `next build` + `next start`) on a fresh, migrated database, with accounts
 * made for the run through the same domain function admins use.
 *
 * Database: DATABASE_URL's server when set, else the tests' own embedded
 * PostgreSQL (.data/test). The accounts and the database URL are written to
 * .data/test/e2e-accounts.json for the specs. Everything is removed on exit.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataRoot } from "../lib/db/embedded";
import { onShutdown, requestShutdown, stopChild } from "../lib/process/shutdown";
import { createMigratedTestDatabase, startTestServer, sweepTestDatabases } from "../testing/test-database";
import { startFakeWeather } from "../testing/fake-weather";
import { E2E_ACCOUNTS_FILE, E2E_MAX_UPLOAD_MB, E2E_PORT, E2E_TIME_ZONE, E2E_UPLOAD_IDLE_SECONDS, E2E_WEATHER_PORT, type TE2eAccounts } from "./accounts";

async function main() {
  const server = await startTestServer();
  // Only one e2e run at a time (it owns E2E_PORT), so any older e2e database is a leftover.
  await sweepTestDatabases(server.serverUrl, { label: "e2e", olderThanMs: 0 });
  const db = await createMigratedTestDatabase(server.serverUrl, "e2e");
  let app: ChildProcess | null = null;
  let weather: Awaited<ReturnType<typeof startFakeWeather>> | null = null;
  onShutdown(async () => {
    await stopChild(app);
    await weather?.stop();
    // When Playwright stops the embedded server along with us, the next run sweeps it.
    await db.drop().catch(() => console.log(`[e2e] ${db.name} is left for the next run to drop.`));
    await server.stop();
  });

  process.env.DATABASE_URL = db.url;
  const { SYSTEM_ACTOR } = await import("../lib/auth/actor");
  const { createUser } = await import("../lib/users/mutations");
  const { prisma } = await import("../lib/db/client");
  const make = async (label: string, role: "ADMIN" | "EDITOR" | "CONTRIBUTOR") => {
    const account = {
      email: `${label}-${randomBytes(4).toString("hex")}@e2e.newsroom.invalid`,
      password: `pw-${randomBytes(9).toString("base64url")}`,
      name: `E2E ${label}`,
      role,
    };
    await createUser({ actor: SYSTEM_ACTOR, data: account });
    return account;
  };
  const accounts: TE2eAccounts = {
    databaseUrl: db.url,
    admin: await make("admin", "ADMIN"),
    editor: await make("editor", "EDITOR"),
    contributor: await make("contributor", "CONTRIBUTOR"),
    leaver: await make("leaver", "CONTRIBUTOR"),
  };
  await prisma.$disconnect();
  mkdirSync(path.dirname(E2E_ACCOUNTS_FILE), { recursive: true });
  writeFileSync(E2E_ACCOUNTS_FILE, JSON.stringify(accounts, null, 2), { mode: 0o600 });

  // The run's uploads, apart from the app's own media; a small limit so the size test stays small.
  const mediaDir = path.join(dataRoot(), "test", "media-e2e");
  weather = await startFakeWeather(E2E_WEATHER_PORT);
  rmSync(mediaDir, { recursive: true, force: true });
  app = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/serve.ts"], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: String(E2E_PORT),
      AUTH_SECRET: randomBytes(33).toString("base64"),
      NEWSROOM_DATA_DIR: dataRoot(),
      NEWSROOM_MEDIA_DIR: mediaDir,
      NEWSROOM_MAX_UPLOAD_MB: String(E2E_MAX_UPLOAD_MB),
      NEWSROOM_UPLOAD_IDLE_SECONDS: String(E2E_UPLOAD_IDLE_SECONDS),
      NEWSROOM_TIME_ZONE: E2E_TIME_ZONE,
      // Short first sign-in lock (doubling from there) so the throttling tests can wait it out.
      NEWSROOM_LOGIN_LOCK_SECONDS: "3",
      // The specs play the one trusted proxy: the X-Forwarded-For they send names the client (each test its own
      // address). The default (no proxy: the socket is the client) is tested on a second server of its own.
      NEWSROOM_TRUSTED_PROXIES: "1",
      // Scheduled stories go out within 2 s of their time here (10 s by default).
      NEWSROOM_SCHEDULER_INTERVAL_MS: "2000",
      // Forecasts from the local fake provider, refreshed every 2 s.
      NEWSROOM_WEATHER_URL: weather.url,
      NEWSROOM_WEATHER_LOCATIONS: "Beijing:39.9042,116.4074",
      NEWSROOM_WEATHER_INTERVAL_MS: "2000",
      // The webhook tests' receivers listen on loopback, which webhooks may not reach by default.
      NEWSROOM_WEBHOOK_ALLOW_PRIVATE: "on",
    },
  });
  app.on("exit", () => requestShutdown());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
