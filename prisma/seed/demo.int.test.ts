import { describe, expect, it } from "vitest";
import { withOwnDatabase } from "@/testing/own-database";

/** Seeding is about an empty database, so this file gets one of its own. */
withOwnDatabase("seed");

describe("seedDemoContent", () => {
  it("seeds one account per role once, and the documented passwords work", async () => {
    const { seedDemoContent, DEMO_USERS, listDemoLogins } = await import("./demo");
    const { authenticate } = await import("@/lib/auth/sessions");
    const { prisma } = await import("@/lib/db/client");

    const [first, concurrent] = await Promise.all([seedDemoContent(), seedDemoContent()]);
    expect([first, concurrent].sort()).toEqual([false, true]);
    expect(await seedDemoContent()).toBe(false);
    expect(await prisma.user.count()).toBe(DEMO_USERS.length);
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(["ADMIN", "EDITOR", "CONTRIBUTOR"]));
    for (const demo of DEMO_USERS) {
      await expect(authenticate({ email: demo.email, password: demo.password })).resolves.toMatchObject({ user: { role: demo.role } });
    }
    expect((await listDemoLogins()).map((u) => u.email)).toEqual(DEMO_USERS.map((u) => u.email));

    const { DEMO_STORIES } = await import("./demo-stories");
    const { listLatestPublished, getPublishedStoryBySlug } = await import("@/lib/stories/queries");
    const published = await listLatestPublished(50);
    expect(published).toHaveLength(DEMO_STORIES.filter((s) => s.state === "PUBLISHED").length);
    // Every state of the workflow, a scheduled story, an embargoed one, a correction and an update.
    for (const status of ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "UNPUBLISHED", "ARCHIVED"] as const) {
      expect(await prisma.story.count({ where: { status } }), status).toBeGreaterThan(0);
    }
    expect(await prisma.story.count({ where: { embargoUntil: { gt: new Date() }, status: "SCHEDULED" } })).toBe(1);
    expect(await prisma.storyNote.count({ where: { kind: "CORRECTION" } })).toBe(1);
    expect(await prisma.storyNote.count({ where: { kind: "UPDATE" } })).toBe(1);
    expect(await prisma.storyRevision.count()).toBe(DEMO_STORIES.length);
    // Every section has stories, and the front page is curated: the border story leads.
    const { getFrontPage } = await import("@/lib/stories/front");
    const front = await getFrontPage();
    expect(front.lead?.headline).toBe("Border village waits as talks resume");
    expect(front.lead?.image?.alt).toMatch(/soldiers/i);
    const { getSectionPage } = await import("@/lib/stories/public-queries");
    for (const section of await prisma.section.findMany()) expect((await getSectionPage(section.slug))!.total, section.slug).toBeGreaterThan(0);
    const { storedForecasts, weatherLocations } = await import("@/lib/weather/forecasts");
    expect((await weatherLocations()).map((l) => l.name)).toEqual(["Beijing", "Portland"]);
    // Offline, the box still shows: a sample forecast for each place, marked as such.
    expect((await storedForecasts()).map((f) => [f.name, f.sample, f.days.length])).toEqual([
      ["Beijing", true, 4],
      ["Portland", true, 4],
    ]);
    const lead = await getPublishedStoryBySlug(published.at(-1)!.slug);
    expect(lead).toMatchObject({ dateline: "Panmunjom", dek: expect.any(String) });
    expect(JSON.stringify(lead!.body)).toMatch(/"heading".*"bulletList"|"bulletList".*"heading"/s);
    expect(JSON.stringify(lead!.body)).toContain('"link"');
    expect(JSON.stringify(lead!.body)).toContain('"blockquote"');
    // Several bylines, a contributor with a place, a photographer; people with and without logins.
    expect(lead!.credits.map((c) => [c.role, c.person.name, c.location])).toEqual([
      ["BYLINE", "John Doe", null],
      ["BYLINE", "Min-ji Kim", null],
      ["CONTRIBUTOR", "Jane Roe", "Beijing"],
      ["PHOTOGRAPHER", "Jane Roe", null],
    ]);
    // A lead photo with full metadata and an image in the body, all made here (nothing downloaded).
    expect(lead!.media.get(lead!.leadMediaId!)).toMatchObject({ alt: expect.stringMatching(/soldiers/i), credit: "(Jane Roe/Agency Copyright 2018)" });
    expect(lead!.body.content!.some((n) => n.type === "mediaImage" && lead!.media.has(String(n.attrs!.mediaId)))).toBe(true);
    expect(await prisma.storyMedia.count({ where: { storyId: lead!.id } })).toBe(2);
    // A live story with a dozen entries: key events, one pinned, one corrected.
    const live = await prisma.story.findFirstOrThrow({ where: { liveStartedAt: { not: null } }, include: { liveEntries: true } });
    expect(live.liveEntries).toHaveLength(12);
    expect(live.liveEntries.filter((e) => e.keyEvent).length).toBeGreaterThan(1);
    expect(live.liveEntries.some((e) => e.correction)).toBe(true);
    expect(live.livePinnedId).not.toBeNull();
    expect(live.liveEntries.every((e) => e.publishedAt! <= new Date())).toBe(true);
    expect(await prisma.person.count({ where: { userId: null } })).toBeGreaterThan(0);
    expect(await prisma.person.count({ where: { userId: { not: null } } })).toBeGreaterThan(0);
  });
});
