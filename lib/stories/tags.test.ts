import { describe, expect, it } from "vitest";
import { MAX_TAGS, normalizeTags, tagSlug, tagsProblem } from "./tags";

describe("tags", () => {
  it("reads what the editor typed: commas, spaces, repeats", () => {
    expect(normalizeTags(" Border ,trade   talks,, border, Trade Talks ,Beijing ")).toEqual(["Border", "trade talks", "Beijing"]);
    expect(normalizeTags(["Border", " Border "])).toEqual(["Border"]);
    expect(normalizeTags("")).toEqual([]);
    expect(normalizeTags(undefined)).toEqual([]);
  });

  it("gives each tag a readable address", () => {
    expect(tagSlug("Trade talks")).toBe("trade-talks");
    expect(tagSlug("Über Beijing")).toBe("uber-beijing");
  });

  it("says what is wrong with too many, too long or unaddressable tags", () => {
    expect(tagsProblem(["Border"])).toBeNull();
    expect(tagsProblem(Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`))).toMatch(/at most 10 tags/);
    expect(tagsProblem(["x".repeat(41)])).toMatch(/too long/);
    expect(tagsProblem(["!!!"])).toMatch(/no letters or digits/);
  });
});
