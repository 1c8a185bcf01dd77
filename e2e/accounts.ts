import { readFileSync } from "node:fs";
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT) || 3100;
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

/** The admin's signed-in browser state, saved by auth.setup.ts. */
export const ADMIN_STATE = path.resolve(process.env.NEWSROOM_DATA_DIR || ".data", "test", "e2e-admin-state.json");
