import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { freePort } from "../testing/ports";
import { e2eAccounts } from "./accounts";

export type TPlainServer = { port: number; stop: () => Promise<void> };

/**
 * A second app server for settings the main e2e server does not have: the
 * same production build, started plainly as the launcher starts it
 * (server/main.ts: every address of the machine), on the run's database, with the
 * defaults plus `env` (given the port it will listen on).
 */
export async function startPlainServer(env: (port: number) => Record<string, string> = () => ({})): Promise<TPlainServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.resolve("server/main.ts")], {
    stdio: "ignore",
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PORT: String(port),
      TSX_TSCONFIG_PATH: "tsconfig.server.json",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: e2eAccounts().databaseUrl,
      AUTH_SECRET: randomBytes(33).toString("base64"),
      NEWSROOM_SCHEDULER: "off",
      NEWSROOM_WEATHER: "off",
      ...env(port),
    },
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The second server exited (code ${child.exitCode}).`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error("The second server did not start within 60 s.");
    }
    if (
      await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { port, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
}
