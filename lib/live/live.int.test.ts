import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { latestEventId } from "@/lib/events/stream";
import { createStory } from "@/lib/stories/mutations";
import { publishStory } from "@/lib/stories/transitions";
import { actorOf, makeReadyStory, makeUser, paragraphDoc } from "@/testing/factories";
import { editLiveEntry, pinLiveEntry, postLiveEntry, publishLiveEntry, removeLiveEntry, setLiveCoverageEnded, startLiveCoverage } from "./mutations";
import { getLiveCoverage, getLiveDesk, getPublicLiveRevision, liveEntryPage } from "./queries";
import { LIVE_PAGE_SIZE } from "./schemas";

/** Issue 18, item 1: live stories — entries, versions, pins, key events, corrections, the end, and who may do what. */

const unique = (label: string) => `${label} ${randomBytes(3).toString("hex")}`;
const editorActor = async () => actorOf(await makeUser({ role: "EDITOR" }));

async function liveStory(editor: TActor) {
  const ready = await makeReadyStory(editor, unique("Election night"));
  await publishStory({ actor: editor, storyId: ready.id, baseVersion: ready.version });
  await startLiveCoverage({ actor: editor, storyId: ready.id });
  return prisma.story.findUniqueOrThrow({ where: { id: ready.id } });
}

const coverage = async (storyId: string, page = 1) => getLiveCoverage(await prisma.story.findUniqueOrThrow({ where: { id: storyId } }), page);

describe("live coverage", () => {
  it("two reporters posting at once both get their entries up, each an event that expires the story's pages", async () => {
    const [a, b] = [await editorActor(), await editorActor()];
    const story = await liveStory(a);
    const since = BigInt(await latestEventId());
    const posts = await Promise.all(
      Array.from({ length: 10 }, (_, i) => postLiveEntry({ actor: i % 2 ? a : b, storyId: story.id, data: { body: paragraphDoc(`Update ${i}`) } })),
    );
    expect(new Set(posts.map((p) => p.id)).size).toBe(10);
    const shown = await coverage(story.id);
    expect(shown!.entries).toHaveLength(10);
    expect(shown!.revision).toBeGreaterThanOrEqual(11);
    // Newest first.
    const times = shown!.entries.map((e) => e.publishedAt.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    const events = await prisma.event.findMany({ where: { id: { gt: since }, type: "story.live" } });
    expect(events).toHaveLength(10);
    expect(events.every((e) => e.labels.includes(`story:${story.id}`))).toBe(true);
    expect(await getPublicLiveRevision(story.id)).toEqual({ revision: shown!.revision, ended: false });
  });

  it("an edit from an older version is refused; the winner's text stands and the earlier text is kept with its correction note", async () => {
    const editor = await editorActor();
    const story = await liveStory(editor);
    const entry = await postLiveEntry({ actor: editor, storyId: story.id, data: { headline: "Polls close", body: paragraphDoc("Polls closed at 8 p.m.") } });
    const results = await Promise.allSettled([
      editLiveEntry({
        actor: editor,
        entryId: entry.id,
        baseVersion: entry.version,
        data: { body: paragraphDoc("Polls closed at 9 p.m."), correction: "An earlier version gave the wrong time." },
      }),
      editLiveEntry({ actor: editor, entryId: entry.id, baseVersion: entry.version, data: { body: paragraphDoc("Polls closed at 10 p.m.") } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT" });
    const desk = await getLiveDesk({ actor: editor, storyId: story.id });
    const row = desk.entries.find((e) => e.id === entry.id)!;
    expect(row.version).toBe(2);
    expect(row.history).toHaveLength(1);
    expect(JSON.stringify(row.history[0]!.body)).toContain("8 p.m.");
    const shown = (await coverage(story.id))!.entries[0]!;
    expect(JSON.stringify(shown.body)).toMatch(/9 p\.m\.|10 p\.m\./);
  });

  it("pins one entry and lists key events on every page with their page's address; removing the pinned entry unpins it and keeps it in the history", async () => {
    const editor = await editorActor();
    const story = await liveStory(editor);
    const first = await postLiveEntry({
      actor: editor,
      storyId: story.id,
      data: { headline: "Results expected", body: paragraphDoc("Counting begins."), keyEvent: true },
    });
    // Enough entries for a second page, so the first key event is on page 2.
    for (let i = 0; i < LIVE_PAGE_SIZE; i++)
      await prisma.liveEntry.create({
        data: {
          storyId: story.id,
          body: paragraphDoc(`Filler ${i}`),
          createdById: (editor as { id: string }).id,
          publishedAt: new Date(Date.now() + 1000 + i),
        },
      });
    await pinLiveEntry({ actor: editor, storyId: story.id, entryId: first.id });
    const page1 = (await coverage(story.id))!;
    expect(page1.pages).toBe(2);
    expect(page1.pinned?.id).toBe(first.id);
    expect(page1.entries.some((e) => e.id === first.id)).toBe(false);
    expect(page1.keyEvents).toEqual([
      expect.objectContaining({ id: first.id, title: "Results expected", href: `/stories/${story.slug}/page/2#entry-${first.id}` }),
    ]);
    const page2 = (await coverage(story.id, 2))!;
    expect(page2.entries.map((e) => e.id)).toEqual([first.id]);
    expect(page2.keyEvents[0]!.href).toBe(`#entry-${first.id}`);
    // Its permalink finds it on page 2; the newest is on page 1.
    expect(await liveEntryPage(story.id, first.id)).toBe(2);
    expect(await liveEntryPage(story.id, page1.entries[0]!.id)).toBe(1);
    expect(await liveEntryPage(story.id, "nosuchentry")).toBeNull();
    expect(await coverage(story.id, 3)).toBeNull();

    const current = await prisma.liveEntry.findUniqueOrThrow({ where: { id: first.id } });
    await removeLiveEntry({ actor: editor, entryId: first.id, baseVersion: current.version });
    const after = (await coverage(story.id))!;
    expect(after.pinned).toBeNull();
    expect(after.keyEvents).toEqual([]);
    expect(after.total).toBe(LIVE_PAGE_SIZE);
    const desk = await getLiveDesk({ actor: editor, storyId: story.id });
    expect(desk.entries.find((e) => e.id === first.id)).toMatchObject({
      state: "REMOVED",
      history: [expect.objectContaining({ headline: "Results expected" })],
    });
  });

  it("a contributor's entry waits for the desk; the desk publishes it; contributors cannot pin, end or touch others' entries", async () => {
    const editor = await editorActor();
    const contributorUser = await makeUser({ role: "CONTRIBUTOR" });
    const contributor = actorOf(contributorUser);
    // Contributors see their own stories: one of theirs, published and made live by the desk.
    const own = await createStory({ actor: contributor, data: { headline: unique("Storm"), body: paragraphDoc("The storm nears.") } });
    await prisma.story.update({ where: { id: own.id }, data: { status: "PUBLISHED", publishedAt: new Date(), firstPublishedAt: new Date() } });
    await startLiveCoverage({ actor: editor, storyId: own.id });

    const pending = await postLiveEntry({ actor: contributor, storyId: own.id, data: { body: paragraphDoc("Winds at 100 km/h.") } });
    expect(pending.state).toBe("PENDING");
    expect((await coverage(own.id))!.entries).toHaveLength(0);
    await expect(pinLiveEntry({ actor: contributor, storyId: own.id, entryId: pending.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setLiveCoverageEnded({ actor: contributor, storyId: own.id, ended: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const edited = await editLiveEntry({
      actor: contributor,
      entryId: pending.id,
      baseVersion: pending.version,
      data: { body: paragraphDoc("Winds at 120 km/h.") },
    });
    const published = await publishLiveEntry({ actor: editor, entryId: pending.id, baseVersion: edited.version });
    expect(published.state).toBe("PUBLISHED");
    expect((await coverage(own.id))!.entries.map((e) => e.id)).toEqual([pending.id]);
    await expect(
      editLiveEntry({ actor: contributor, entryId: pending.id, baseVersion: published.version, data: { body: paragraphDoc("Changed.") } }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    // Someone else's live story is not there for a contributor at all.
    const theirs = await liveStory(editor);
    await expect(postLiveEntry({ actor: contributor, storyId: theirs.id, data: { body: paragraphDoc("Hi") } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const deskEntry = await postLiveEntry({ actor: editor, storyId: theirs.id, data: { body: paragraphDoc("Desk") } });
    await expect(removeLiveEntry({ actor: contributor, entryId: deskEntry.id, baseVersion: deskEntry.version })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(postLiveEntry({ actor: null, storyId: theirs.id, data: { body: paragraphDoc("Hi") } })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses bad input in words and keeps nothing: unknown markup, an empty entry, an author not in People, a post to ended coverage", async () => {
    const editor = await editorActor();
    const story = await liveStory(editor);
    await expect(
      postLiveEntry({ actor: editor, storyId: story.id, data: { body: { type: "doc", content: [{ type: "script", text: "x" }] } } }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(postLiveEntry({ actor: editor, storyId: story.id, data: { body: { type: "doc", content: [{ type: "paragraph" }] } } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "Write the entry.",
    });
    await expect(postLiveEntry({ actor: editor, storyId: story.id, data: { body: paragraphDoc("x"), authorId: "nobody" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(postLiveEntry({ actor: editor, storyId: story.id, data: { body: paragraphDoc("x"), headline: "h".repeat(201) } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    // A javascript: link is unlinked, its words kept.
    const linked = await postLiveEntry({
      actor: editor,
      storyId: story.id,
      data: {
        body: {
          type: "doc",
          content: [{ type: "paragraph", content: [{ type: "text", text: "click", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }],
        },
      },
    });
    expect(JSON.stringify(linked.body)).not.toContain("javascript");

    await setLiveCoverageEnded({ actor: editor, storyId: story.id, ended: true });
    expect((await coverage(story.id))!.state).toBe("ended");
    expect(await getPublicLiveRevision(story.id)).toMatchObject({ ended: true });
    await expect(postLiveEntry({ actor: editor, storyId: story.id, data: { body: paragraphDoc("Late") } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await setLiveCoverageEnded({ actor: editor, storyId: story.id, ended: false });
    await postLiveEntry({ actor: editor, storyId: story.id, data: { body: paragraphDoc("Back") } });
    expect(await prisma.liveEntry.count({ where: { storyId: story.id } })).toBe(2);
    const actions = (await prisma.auditEvent.findMany({ where: { storyId: story.id, action: { startsWith: "live." } }, orderBy: { at: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["live.start", "live.end", "live.reopen"]);
  });

  it("a draft's coverage is nobody's outside the newsroom: no public page data, no update stream", async () => {
    const editor = await editorActor();
    const draft = await createStory({ actor: editor, data: { headline: unique("Draft live"), body: paragraphDoc("Not yet.") } });
    await startLiveCoverage({ actor: editor, storyId: draft.id });
    await postLiveEntry({ actor: editor, storyId: draft.id, data: { body: paragraphDoc("Prepared entry") } });
    expect(await getPublicLiveRevision(draft.id)).toBeNull();
  });
});
