import { beforeEach, describe, expect, it } from "vitest";
import { forgetSlugs, rememberedSlug } from "./slug-memo";

const memo = () => (globalThis as Record<symbol, Map<string, unknown>>)[Symbol.for("newsroom.slugMemo")]!;

beforeEach(() => forgetSlugs());

describe("the proxy's slug memory", () => {
  it("remembers an answer instead of asking again", async () => {
    let asked = 0;
    const lookup = async () => (asked++, "tide-tables");
    await rememberedSlug("stories/old-tide", lookup);
    expect(await rememberedSlug("stories/old-tide", lookup)).toBe("tide-tables");
    expect(asked).toBe(1);
  });

  it("stays bounded under a flood of made-up slugs, dropping the oldest answers first", async () => {
    for (let i = 0; i < 25_000; i++) await rememberedSlug(`stories/made-up-${i}`, async () => null);
    expect(memo().size).toBeLessThanOrEqual(10_000);
    expect(memo().has("stories/made-up-24999")).toBe(true);
    expect(memo().has("stories/made-up-0")).toBe(false);
  });

  it("does not remember keys longer than any slug can be", async () => {
    await rememberedSlug(`stories/${"x".repeat(5_000)}`, async () => null);
    expect(memo().size).toBe(0);
  });
});
