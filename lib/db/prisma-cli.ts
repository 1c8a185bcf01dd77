/**
 * Running Prisma's CLI offline: every call points PRISMA_SCHEMA_ENGINE_BINARY at
 * our WebAssembly bridge (lib/db/schema-engine.mjs) unless the user set their own.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export const SCHEMA_ENGINE_BRIDGE = fileURLToPath(new URL("./schema-engine.mjs", import.meta.url));
const require = createRequire(import.meta.url);

export function prismaEnv(databaseUrl?: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || SCHEMA_ENGINE_BRIDGE,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
}

/** Run `prisma <args>`; resolves with its exit code. Output is inherited unless `quiet`. */
export function runPrismaCli(args: string[], options: { databaseUrl?: string; quiet?: boolean } = {}): Promise<{ code: number; output: string }> {
  const cli = require.resolve("prisma/build/index.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: prismaEnv(options.databaseUrl),
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
