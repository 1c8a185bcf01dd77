import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

export type TScriptRun = { code: number; stdout: string; stderr: string };

/**
 * An operator's script (scripts/<name>.ts) as the operator runs it: in its own
 * process, in a folder whose .env names the test's database (no DATABASE_URL
 * in its environment), so this also proves .env is read. Call at the top of a
 * test file, after withOwnDatabase; returns the runner.
 */
export function scriptRunner(name: string, extraEnv: Record<string, string> = {}) {
  let folder = "";
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), `newsroom-${name}-cli-`));
    writeFileSync(path.join(folder, ".env"), `DATABASE_URL=${process.env.DATABASE_URL}\n`);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  return (args: string[], stdin?: string): Promise<TScriptRun> =>
    new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ["--conditions=react-server", "--import", path.join(ROOT, "node_modules/tsx/dist/loader.mjs"), path.join(ROOT, `scripts/${name}.ts`), ...args],
        {
          cwd: folder,
          // Only these (no DATABASE_URL: the folder's .env names the database).
          env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json"),
            ...extraEnv,
          } as unknown as NodeJS.ProcessEnv,
          stdio: ["pipe", "pipe", "pipe"],
        },
      );
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
      child.stdin.end(stdin ?? "");
    });
}
