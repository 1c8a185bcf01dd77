import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * What the production build is made from, for the launcher's "is the build up
 * to date?" check: every source `next build` reads (the app, its components and
 * domain, the proxy, the instrumentation hook, configuration, public files), the
 * reader site's, whose class names the built stylesheet holds (site/), and the
 * installed packages (the lockfile). Tests, scripts, docs and migrations are not
 * build inputs.
 */
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "site",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "prisma/schema.prisma",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

/** Files in build-input folders that are not build inputs: Prisma's generated client (made from the schema), the bench's static file. */
const NOT_INPUTS = [/(^|\/)generated(\/|$)/, /^public\/bench-static-[^/]*\.html$/];

/** A fingerprint of the build inputs under `root` (paths, sizes, modification times). */
export function sourceFingerprint(root = "."): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const posix = relative.split(path.sep).join("/");
    if (NOT_INPUTS.some((re) => re.test(posix))) return;
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) for (const entry of readdirSync(full).sort()) visit(path.join(relative, entry));
    else hash.update(`${posix}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

/** Where a finished build records the fingerprint of the sources it was made from. */
const BUILD_STAMP = path.join(".next", "newsroom-source-fingerprint");

/** Whether .next holds a finished build of exactly these sources (then `npm start` and every test run it as it is). */
export function buildIsCurrent(fingerprint = sourceFingerprint()): boolean {
  return existsSync(path.join(".next", "BUILD_ID")) && existsSync(BUILD_STAMP) && readFileSync(BUILD_STAMP, "utf8") === fingerprint;
}

/** Record that the build in .next is made from these sources (the last step of every build: `npm run build` and the launcher's). */
export function stampBuild(fingerprint: string): void {
  writeFileSync(BUILD_STAMP, fingerprint);
}
