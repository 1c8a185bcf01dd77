import { describe, expect, it } from "vitest";
import { withOwnDatabase } from "@/testing/own-database";

/** The front page is about every public story, so this file gets a database of its own. */
withOwnDatabase("front");

describe("the front page", () => {
  it("fills the top by recency after the pins, then the latest, then up to four per section with nothing repeated", async () => {
    const { prisma } = await import("@/lib/db/client");
    const { getFrontPage } = await import("./front");
    const { makeUser } = await import("@/testing/factories");
    const user = await makeUser();
    const sections = ["section_news", "section_world"];
    // 30 stories, newest last; one embargoed story that must not show anywhere.
    for (let i = 0; i < 30; i++) {
      await prisma.story.create({
        data: {
          headline: `Story ${i}`,
          slug: `story-${i}`,
          body: { type: "doc", content: [] },
          status: "PUBLISHED",
          publishedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
          sectionId: sections[i % 2]!,
          createdById: user.id,
        },
      });
    }
    await prisma.story.create({
      data: {
        headline: "Embargoed",
        slug: "embargoed",
        body: { type: "doc", content: [] },
        status: "PUBLISHED",
        publishedAt: new Date(),
        embargoUntil: new Date(Date.now() + 3_600_000),
        sectionId: "section_news",
        createdById: user.id,
      },
    });
    const pinned = await prisma.story.findUniqueOrThrow({ where: { slug: "story-3" } });
    await prisma.frontPagePin.create({ data: { storyId: pinned.id, position: 0 } });

    const front = await getFrontPage();
    expect(front.lead?.headline).toBe("Story 3");
    expect(front.top.map((s) => s.headline)).toEqual(["Story 29", "Story 28", "Story 27", "Story 26"]);
    expect(front.latest).toHaveLength(12);
    expect(front.latest[0]!.headline).toBe("Story 25");
    expect(front.rails.map((r) => [r.section.slug, r.stories.map((s) => s.headline)])).toEqual([
      ["news", ["Story 12", "Story 10", "Story 8", "Story 6"]],
      ["world", ["Story 13", "Story 11", "Story 9", "Story 7"]],
    ]);
    const all = [front.lead!, ...front.top, ...front.latest, ...front.rails.flatMap((r) => r.stories)].map((s) => s.headline);
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain("Embargoed");
  });
});
