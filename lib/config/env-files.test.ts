import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

/**
 * Each case runs in a fresh Node process with a made-up environment, as the
 * commands do: Next's loader remembers the environment it first saw, and that
 * first sight is the thing under test.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/loader.mjs");
const BASE_ENV = { PATH: process.env.PATH, HOME: process.env.HOME, TSX_TSCONFIG_PATH: path.join(ROOT, "tsconfig.json") };
/** Only these variables; no NODE_ENV, as the commands run (NODE_ENV=test would pick .env.test and skip .env.local). */
const only = (vars: Record<string, string | undefined>) => vars as unknown as NodeJS.ProcessEnv;

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "newsroom-env-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** In `dir`, with only `env` as the real environment: the files read, the values seen, and the database chosen. */
function loadIn(dir: string, env: Record<string, string> = {}, dev = false) {
  const script = `
    const { loadEnvFiles } = require(${JSON.stringify(path.join(ROOT, "lib/config/env-files.ts"))});
    const { config } = require(${JSON.stringify(path.join(ROOT, "lib/config/config.ts"))});
    const { resolveDatabase } = require(${JSON.stringify(path.join(ROOT, "lib/db/embedded.ts"))});
    const files = loadEnvFiles({ dev: ${dev} });
    const values = Object.fromEntries(["A", "B", "C", "D"].map((k) => [k, process.env[k] ?? null]));
    const port = config("PORT");
    // With DATABASE_URL set nothing is started: resolveDatabase answers at once.
    (process.env.DATABASE_URL ? resolveDatabase() : Promise.resolve(null)).then((db) => console.log(JSON.stringify({ files, values, port, db })));
  `;
  const run = spawnSync(process.execPath, ["--import", TSX, "-e", script], { cwd: dir, env: only({ ...BASE_ENV, ...env }), encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { files: string[]; values: Record<string, string | null>; port: number; db: { url: string; embedded: boolean } | null };
}

describe("loadEnvFiles (Next's own loader)", () => {
  it("takes .env.local over .env, and the real environment over both", () => {
    const dir = project({ ".env": "A=env\nB=env\nC=env\nPORT=4100\n", ".env.local": "A=local\nB=local\n" });
    const seen = loadIn(dir, { B: "real" });
    expect(seen.files).toEqual([".env.local", ".env"]);
    expect(seen.values).toEqual({ A: "local", B: "real", C: "env", D: null });
    expect(seen.port).toBe(4100);
  });

  it("reads .env.development(.local) for npm run dev and .env.production(.local) otherwise", () => {
    const dir = project({
      ".env": "A=env\n",
      ".env.development": "A=development\nB=development\n",
      ".env.development.local": "A=development-local\n",
      ".env.production": "A=production\nC=production\n",
      ".env.local": "D=local\n",
    });
    const dev = loadIn(dir, {}, true);
    expect(dev.files).toEqual([".env.development.local", ".env.local", ".env.development", ".env"]);
    expect(dev.values).toEqual({ A: "development-local", B: "development", C: null, D: "local" });
    const prod = loadIn(dir);
    expect(prod.files).toEqual([".env.local", ".env.production", ".env"]);
    expect(prod.values).toEqual({ A: "production", B: null, C: "production", D: "local" });
  });

  it("leaves .env.local out under NODE_ENV=test, as Next does", () => {
    const dir = project({ ".env": "A=env\n", ".env.local": "A=local\n", ".env.test": "B=test\n" });
    expect(loadIn(dir, { NODE_ENV: "test" }).values).toMatchObject({ A: "env", B: "test" });
  });

  it("uses a DATABASE_URL from .env instead of starting the embedded PostgreSQL", () => {
    const dir = project({ ".env": "DATABASE_URL=postgresql://newsroom@db.example:5432/paper\n" });
    expect(loadIn(dir).db).toMatchObject({ url: "postgresql://newsroom@db.example:5432/paper", embedded: false });
    expect(loadIn(dir, { DATABASE_URL: "postgresql://real@db.example/other" }).db).toMatchObject({ url: "postgresql://real@db.example/other" });
  });

  it("runs with no .env files at all", () => {
    expect(loadIn(project({}))).toMatchObject({ files: [], port: 3000, db: null });
  });
});

describe("npm start with a bad value in .env", () => {
  it("stops before starting anything, listing every problem and hiding secrets", () => {
    const dir = project({ ".env": "PORT=lots\nNEWSROOM_MAX_UPLOAD_MB=-1\nAUTH_SECRET=tiny-hunter2\n" });
    const run = spawnSync(process.execPath, ["--conditions=react-server", "--import", TSX, path.join(ROOT, "scripts/serve.ts")], {
      cwd: dir,
      env: only(BASE_ENV),
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("[newsroom] Read .env.");
    expect(run.stdout).not.toContain("PostgreSQL");
    expect(run.stderr).toContain("The configuration has 3 problems");
    expect(run.stderr).toContain('PORT="lots": expected a port number from 1 to 65535');
    expect(run.stderr).toContain('NEWSROOM_MAX_UPLOAD_MB="-1": expected a number of megabytes above 0');
    expect(run.stderr).toContain("AUTH_SECRET (value hidden): expected at least 32 characters");
    expect(run.stderr).not.toContain("hunter2");
  });
});
