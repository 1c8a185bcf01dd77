import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** The version actually installed (node_modules), not the range package.json asks for. */
const installed = (name: string) => (JSON.parse(readFileSync(path.join("node_modules", name, "package.json"), "utf8")) as { version: string }).version;

/** a >= b for plain x.y.z versions (pre-release tags compared as text after the numbers). */
function atLeast(a: string, b: string): boolean {
  const parse = (v: string) => v.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const [p, q] = [x[i] ?? 0, y[i] ?? 0];
    if (p === q) continue;
    return typeof p === "number" && typeof q === "number" ? p > q : String(p) > String(q);
  }
  return true;
}

/**
 * Known advisories for what we run, and the first fixed version on our major line.
 * (npm audit's bulk endpoint is not reachable from every mirror; this check is.)
 */
const FIXED: [pkg: string, fixedIn: string, advisory: string][] = [
  ["next", "15.2.3", "CVE-2025-29927: middleware bypass with x-middleware-subrequest"],
  ["next", "16.0.7", "CVE-2025-66478: React Server Components remote code execution in Next.js (React2Shell)"],
  ["react", "19.2.1", "CVE-2025-55182: React Server Components remote code execution"],
  ["react-dom", "19.2.1", "CVE-2025-55182 (react-dom ships with react)"],
];

describe("dependencies are past the fixes for known advisories", () => {
  for (const [pkg, fixedIn, advisory] of FIXED) {
    it(`${pkg} ≥ ${fixedIn} (${advisory})`, () => {
      expect(atLeast(installed(pkg), fixedIn), `${pkg} ${installed(pkg)}`).toBe(true);
    });
  }

  it("next-auth is pinned at 5.0.0-beta.32", () => {
    expect(installed("next-auth")).toBe("5.0.0-beta.32");
  });

  it("compares versions the way semver does for these cases", () => {
    expect(atLeast("16.4.6", "16.0.7")).toBe(true);
    expect(atLeast("16.0.6", "16.0.7")).toBe(false);
    expect(atLeast("19.10.0", "19.2.1")).toBe(true);
    expect(atLeast("15.2.2", "15.2.3")).toBe(false);
  });
});
