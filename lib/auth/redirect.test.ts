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
  ])("refuses %j and falls back to the newsroom", (input) => {
    const out = safeNextPath(input);
    expect(out.startsWith("/")).toBe(true);
    expect(out.startsWith("//")).toBe(false);
    expect(new URL(out, "http://ours.test").host).toBe("ours.test");
  });

  it("falls back for anything that is not a string", () => {
    expect(safeNextPath(undefined)).toBe("/newsroom");
    expect(safeNextPath(["/a", "/b"])).toBe("/newsroom");
    expect(safeNextPath(null, "/login")).toBe("/login");
  });
});
