import { describe, expect, it } from "vitest";
import { apiStoryWhere, isPublicStory, type TApiClient } from "./access";

const now = new Date("2026-12-03T10:00:00Z");
const key = (...scopes: TApiClient["scopes"][number][]): TApiClient => ({ keyId: "k", name: "k", scopes });

/** Evaluate the where-builder's output on a plain story, the way PostgreSQL would. */
function matches(where: ReturnType<typeof apiStoryWhere>, s: { status: string; embargoUntil: Date | null }): boolean {
  const one = (w: Record<string, unknown>): boolean =>
    Object.entries(w).every(([k, v]) => {
      if (k === "OR") return (v as Record<string, unknown>[]).some(one);
      if (k === "status") return typeof v === "string" ? s.status === v : (v as { in: string[] }).in.includes(s.status);
      if (k === "embargoUntil") {
        if (v === null) return s.embargoUntil === null;
        const c = v as { lte?: Date; gt?: Date };
        if (!s.embargoUntil) return false;
        return c.lte ? s.embargoUntil <= c.lte : s.embargoUntil > c.gt!;
      }
      throw new Error(`unexpected ${k}`);
    });
  return one(where as Record<string, unknown>);
}

const past = new Date("2026-12-01T00:00:00Z");
const future = new Date("2026-12-05T00:00:00Z");

describe("what an API key may read", () => {
  const cases: [string, { status: string; embargoUntil: Date | null }, Record<string, boolean>][] = [
    ["published", { status: "PUBLISHED", embargoUntil: null }, { content: true, preview: true, embargoed: true }],
    ["published after its embargo", { status: "PUBLISHED", embargoUntil: past }, { content: true, preview: true, embargoed: true }],
    ["draft", { status: "DRAFT", embargoUntil: null }, { content: false, preview: true, embargoed: false }],
    ["in review", { status: "IN_REVIEW", embargoUntil: null }, { content: false, preview: true, embargoed: false }],
    ["scheduled", { status: "SCHEDULED", embargoUntil: null }, { content: false, preview: true, embargoed: false }],
    ["scheduled under embargo", { status: "SCHEDULED", embargoUntil: future }, { content: false, preview: false, embargoed: true }],
    ["draft under embargo", { status: "DRAFT", embargoUntil: future }, { content: false, preview: false, embargoed: false, both: true }],
    ["unpublished", { status: "UNPUBLISHED", embargoUntil: null }, { content: false, preview: false, embargoed: false, both: false }],
    ["archived", { status: "ARCHIVED", embargoUntil: null }, { content: false, preview: false, embargoed: false, both: false }],
  ];
  for (const [what, story, expected] of cases) {
    it(what, () => {
      for (const [scope, yes] of Object.entries(expected)) {
        const client = scope === "both" ? key("content", "preview", "embargoed") : key("content", ...(scope === "content" ? [] : [scope as "preview"]));
        expect(matches(apiStoryWhere(client, now), story), `${what} with ${scope}`).toBe(yes);
      }
    });
  }
  it("calls only published stories past their embargo public", () => {
    expect(isPublicStory({ status: "PUBLISHED", embargoUntil: null }, now)).toBe(true);
    expect(isPublicStory({ status: "PUBLISHED", embargoUntil: future }, now)).toBe(false);
    expect(isPublicStory({ status: "SCHEDULED", embargoUntil: null }, now)).toBe(false);
  });
});
