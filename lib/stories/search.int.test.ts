import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { makeUser } from "@/testing/factories";
import { SEARCH_MAX_HITS, SEARCH_PAGE_SIZE, searchStories, splitHighlights } from "./search";

const word = () => `zq${randomBytes(4).toString("hex")}`;
const body = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** A story straight in the database, published unless said otherwise. */
async function story(data: { headline: string; dek?: string; text: string; status?: "PUBLISHED" | "DRAFT"; embargoUntil?: Date; publishedAt?: Date }) {
  const user = await makeUser();
  return prisma.story.create({
    data: {
      headline: data.headline,
      dek: data.dek ?? null,
      body: body(data.text),
      slug: `s-${randomBytes(5).toString("hex")}`,
      status: data.status ?? "PUBLISHED",
      publishedAt: data.publishedAt ?? new Date(),
      embargoUntil: data.embargoUntil ?? null,
      createdById: user.id,
    },
  });
}

describe("search", () => {
  it("ranks a headline match above a dek match above a body match, with stemming and highlighted snippets", async () => {
    const w = word();
    const inBody = await story({ headline: "Other news", text: `The council talked about ${w} for hours.` });
    const inHeadline = await story({ headline: `Council approves ${w} plan`, text: "Details follow." });
    const inDek = await story({ headline: "Another story", dek: `A vote on ${w}`, text: "Nothing more." });
    const result = await searchStories(w);
    expect(result.hits.map((h) => h.id)).toEqual([inHeadline.id, inDek.id, inBody.id]);
    // English stemming: "talks" finds "talked".
    expect((await searchStories(`${w} talks`)).hits.map((h) => h.id)).toEqual([inBody.id]);
    expect(
      splitHighlights(result.hits[2]!.snippet)
        .filter((p) => p.match)
        .map((p) => p.text),
    ).toContain(w);
  });

  it("understands phrases and exclusions", async () => {
    const w = word();
    const a = await story({ headline: `${w} harbor plan`, text: "The city council met." });
    const b = await story({ headline: `${w} harbor vote`, text: "Council city planners met." });
    expect((await searchStories(`${w} "city council"`)).hits.map((h) => h.id)).toEqual([a.id]);
    expect((await searchStories(`${w} -vote`)).hits.map((h) => h.id)).toEqual([a.id]);
    expect((await searchStories(`${w}`)).hits.map((h) => h.id).sort()).toEqual([a.id, b.id].sort());
  });

  it("finds nothing unpublished or embargoed", async () => {
    const w = word();
    await story({ headline: `${w} draft`, text: "x", status: "DRAFT" });
    await story({ headline: `${w} embargoed`, text: "x", embargoUntil: new Date(Date.now() + 3_600_000) });
    expect((await searchStories(w)).total).toBe(0);
  });

  it("follows every write: a story is found while it is published, by its current words only", async () => {
    const [w, later] = [word(), word()];
    const s = await story({ headline: `${w} first headline`, text: "x", status: "DRAFT" });
    expect((await searchStories(w)).total).toBe(0);
    await prisma.story.update({ where: { id: s.id }, data: { status: "PUBLISHED" } });
    expect((await searchStories(w)).hits.map((h) => h.id)).toEqual([s.id]);
    await prisma.story.update({ where: { id: s.id }, data: { headline: `${later} second headline` } });
    expect((await searchStories(w)).total).toBe(0);
    expect((await searchStories(later)).hits.map((h) => h.id)).toEqual([s.id]);
    await prisma.story.update({ where: { id: s.id }, data: { status: "UNPUBLISHED" } });
    expect((await searchStories(later)).total).toBe(0);
  });

  it("counts and lists at most SEARCH_MAX_HITS matches, newest first among equals", async () => {
    const w = word();
    const user = await makeUser();
    const now = Date.now();
    await prisma.story.createMany({
      data: Array.from({ length: SEARCH_MAX_HITS + 5 }, (_, i) => ({
        headline: `Story ${i}`,
        body: body(`About ${w} again.`),
        slug: `cap-${w}-${i}`,
        status: "PUBLISHED" as const,
        publishedAt: new Date(now - i * 60_000),
        createdById: user.id,
      })),
    });
    const first = await searchStories(w);
    expect(first).toMatchObject({ total: SEARCH_MAX_HITS, capped: true, pages: SEARCH_MAX_HITS / SEARCH_PAGE_SIZE });
    expect(first.hits.map((h) => h.slug).slice(0, 3)).toEqual([`cap-${w}-0`, `cap-${w}-1`, `cap-${w}-2`]);
    // A page past the last one shows the last one.
    const beyond = await searchStories(w, 999);
    expect(beyond.page).toBe(first.pages);
    expect(beyond.hits).toHaveLength(SEARCH_PAGE_SIZE);
  });

  it("treats hostile input as text and never fails", async () => {
    for (const q of ["' OR '1'='1", '\'; DROP TABLE "Story"; --', "!!! ??? ***", "&|!():*<->", "a".repeat(5000), "\u0000\u0001", '"', "-", "or or or"]) {
      await expect(searchStories(q)).resolves.toMatchObject({ hits: expect.any(Array) });
    }
    expect((await searchStories("   ")).query).toBe("");
    expect((await searchStories("a".repeat(5000))).query).toHaveLength(200);
  });
});
