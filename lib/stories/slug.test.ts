import { describe, expect, it } from "vitest";
import { slugCandidates, slugify, SLUG_MAX_LENGTH } from "./slug";

describe("slugify", () => {
  it.each([
    ["South Korea welcomes talks", "south-korea-welcomes-talks"],
    ["Ça va? Élodie's café in Düsseldorf", "ca-va-elodie-s-cafe-in-dusseldorf"],
    ["北京 talks", "bei-jing-talks"],
    ["Москва и Санкт-Петербург", "moskva-i-sankt-peterburg"],
    ["  --Rain, rain!!  go away--  ", "rain-rain-go-away"],
    ["<script>alert(1)</script>", "script-alert-1-script"],
    ["!!!", ""],
  ])("%j → %j", (input, slug) => {
    expect(slugify(input)).toBe(slug);
  });

  it("keeps slugs short, cutting at a word", () => {
    const slug = slugify("word ".repeat(60));
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug.endsWith("-")).toBe(false);
    expect(slug).toMatch(/^(word-)*word$/);
  });

  it("numbers the alternatives", () => {
    expect(slugCandidates("election", 3)).toEqual(["election", "election-2", "election-3"]);
  });
});
