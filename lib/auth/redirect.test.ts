import { describe, expect, it } from "vitest";
import { safeNextPath } from "./redirect";

describe("safeNextPath", () => {
  it.each([
    ["/newsroom/stories?status=DRAFT", "/newsroom/stories?status=DRAFT"],
    ["/newsroom#top", "/newsroom#top"],
    ["/", "/"],
  ])("keeps the path on our site: %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    ".evil.example",
    "@evil.example",
    "javascript:alert(1)",
    "/\tevil",
    "/%0a",
    "",
    "x".repeat(3000),
    // Paths that only become another host once their dot segments are resolved (as the browser will).
    "/.//evil.example/x",
    "/..//evil.example/x",
    "/%2e//evil.example/x",
    "/%2E%2E//evil.example/x",
    "/x/..//evil.example/x",
    "/x/y/../..//evil.example",
    "/./.././/evil.example",
    "/.%2e//evil.example",
    "/x/%2e%2e//evil.example",
    "/./\\evil.example",
    "/.\\/evil.example",
    // Encoded and odd slashes, whitespace the URL parser drops, scheme-relative tricks.
    "/%2f%2fevil.example",
    "/%5c%5cevil.example",
    "/%2F/evil.example",
    "/\\evil",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/.\r//evil.example",
    "\t//evil.example",
    " //evil.example",
    "https:evil.example",
    "https:/evil.example",
    "http:/\\/evil.example",
    "//evil.example@ours.test",
    "/\u0000//evil.example",
  ])("refuses %j and falls back to the newsroom, or keeps it on our site", (input) => {
    const out = safeNextPath(input);
    expect(out.startsWith("/")).toBe(true);
    expect(out.startsWith("//")).toBe(false);
    expect(out.startsWith("/\\")).toBe(false);
    expect(new URL(out, "http://ours.test").host).toBe("ours.test");
    // What a browser does with it as a Location, read again: still ours, still the same path.
    expect(safeNextPath(out)).toBe(out);
  });

  it("resolves dot segments instead of passing them on", () => {
    expect(safeNextPath("/newsroom/./stories/../media")).toBe("/newsroom/media");
    expect(safeNextPath("/.//evil.example/x")).toBe("/newsroom");
  });

  it("falls back for anything that is not a string", () => {
    expect(safeNextPath(undefined)).toBe("/newsroom");
    expect(safeNextPath(["/a", "/b"])).toBe("/newsroom");
    expect(safeNextPath(null, "/login")).toBe("/login");
  });
});
