import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUILD_INPUTS, sourceFingerprint } from "./build-inputs";

/** Issue 15, item 5: the launcher rebuilds for any source change, and not for the bench's static file. */
describe("the production build's fingerprint", () => {
  const root = mkdtempSync(path.join(tmpdir(), "newsroom-fingerprint-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const file = (name: string, text = "x") => {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  };
  const touch = (name: string, seconds: number) => utimesSync(path.join(root, name), seconds, seconds);

  it("changes when the proxy, the instrumentation hook or an app file changes", () => {
    for (const name of ["app/page.tsx", "proxy.ts", "instrumentation.ts", "lib/site.ts", "public/robots.txt"]) file(name);
    let before = sourceFingerprint(root);
    for (const name of ["proxy.ts", "instrumentation.ts", "app/page.tsx"]) {
      touch(name, 1_700_000_000 + before.length);
      const after = sourceFingerprint(root);
      expect(after, name).not.toBe(before);
      before = after;
    }
  });

  it("stays the same when the bench writes its static file into public/, or Prisma regenerates its client", () => {
    file("app/page.tsx");
    const before = sourceFingerprint(root);
    file("public/bench-static-a1b2c3.html", "<!doctype html>xxxx");
    file("lib/db/generated/client.ts", "export {}");
    expect(sourceFingerprint(root)).toBe(before);
  });

  it("lists every file at the top of this checkout that next build reads", () => {
    for (const name of ["proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"])
      expect(BUILD_INPUTS).toContain(name);
  });
});
