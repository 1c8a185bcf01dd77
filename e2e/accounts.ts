import { readFileSync } from "node:fs";
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT) || 3100;
/** The upload limit the app under test runs with (NEWSROOM_MAX_UPLOAD_MB): the default, so the uploads security test proves a 19 MB photo goes through. */
export const E2E_MAX_UPLOAD_MB = 20;
/** How long the app under test waits for more of a stalled upload (NEWSROOM_UPLOAD_IDLE_SECONDS; 30 by default). */
export const E2E_UPLOAD_IDLE_SECONDS = 3;
/** The newsroom's time zone in the app under test: not the machine's, so schedules prove they use it. */
export const E2E_TIME_ZONE = "Asia/Shanghai";
/** The local fake of the weather provider (Open-Meteo's API) the app under test uses. */
export const E2E_WEATHER_PORT = E2E_PORT + 1;
export const E2E_ACCOUNTS_FILE = path.resolve(process.env.NEWSROOM_DATA_DIR || ".data", "test", "e2e-accounts.json");

export type TE2eAccount = { email: string; password: string; name: string; role: "ADMIN" | "EDITOR" | "CONTRIBUTOR" };
export type TE2eAccounts = {
  databaseUrl: string;
  admin: TE2eAccount;
  editor: TE2eAccount;
  contributor: TE2eAccount;
  /** Deactivated during the run. */
  leaver: TE2eAccount;
};

/** The accounts e2e/server.ts made for this run. */
export function e2eAccounts(): TE2eAccounts {
  return JSON.parse(readFileSync(E2E_ACCOUNTS_FILE, "utf8"));
}

/** Signed-in browser states, saved by auth.setup.ts. */
const stateFile = (role: string) => path.resolve(process.env.NEWSROOM_DATA_DIR || ".data", "test", `e2e-${role}-state.json`);
export const ADMIN_STATE = stateFile("admin");
export const EDITOR_STATE = stateFile("editor");
export const CONTRIBUTOR_STATE = stateFile("contributor");
