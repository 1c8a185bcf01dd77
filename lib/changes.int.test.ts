import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { updateMedia, uploadMedia } from "@/lib/media/mutations";
import { createPerson, mergePeople, updatePerson } from "@/lib/people/mutations";
import { setPins } from "@/lib/stories/front";
import { updateStory } from "@/lib/stories/mutations";
import { changeStoryState, setEmbargo } from "@/lib/stories/transitions";
import { addStoryNote } from "@/lib/stories/notes";
import { runScheduledTransitions } from "@/lib/stories/scheduler";
import { actorOf, makeReadyStory, makeUser, paragraphDoc } from "@/testing/factories";
import { makePng } from "@/testing/images";
import { recordChanges } from "./changes";
import { latestEventId } from "./events/stream";

/**
 * The domain says what changed (issue 14, item 4), in the outbox (issue 16,
 * item 1): each public change writes its event row in the change's own
 * transaction, from the domain function itself (no caller arranges it), with
 * the labels the page cache needs; a refused change writes nothing. Integration
 * tests share one database, so each test reads only the rows about its own
 * subjects written since it began.
 */
type TRow = { type: string; subject: string; labels: string[]; payload: unknown };
let since = "0";
beforeEach(async () => {
  since = await latestEventId();
});

/** The events written since the last call (or the test's start) about these subjects. */
async function written(...subjects: string[]): Promise<TRow[]> {
  const rows = await prisma.$queryRaw<(TRow & { id: bigint })[]>`
    SELECT id, type, subject, labels, payload FROM "Event" WHERE id > ${BigInt(since)} AND subject = ANY(${subjects}) ORDER BY id`;
  if (rows.length) since = String(rows.at(-1)!.id);
  return rows.map(({ type, subject, labels, payload }) => ({ type, subject, labels, payload }));
}

const unique = (label: string) => `${label} ${randomBytes(3).toString("hex")}`;
const admin = async () => actorOf(await makeUser({ role: "ADMIN" }));

describe("domain functions write an event for what readers can see change, in the change's transaction", () => {
  it("publishing writes story.published with the story's facts and labels; a save of a draft and a refused step write nothing", async () => {
    const editor = await admin();
    const story = await makeReadyStory(editor, unique("Changes"));
    const subject = `story:${story.id}`;
    await written(subject);
    const saved = await updateStory({
      actor: editor,
      storyId: story.id,
      baseVersion: story.version,
      data: { headline: unique("Still in review"), body: paragraphDoc("Words for readers, changed.") },
      kind: "SAVE",
    });
    expect(await written(subject)).toEqual([]);
    await expect(changeStoryState({ actor: editor, storyId: story.id, baseVersion: saved.version - 1, action: "publish" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await written(subject)).toEqual([]);

    const published = await changeStoryState({ actor: editor, storyId: story.id, baseVersion: saved.version, action: "publish" });
    const [event, ...more] = await written(subject);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      type: "story.published",
      payload: { before: { id: story.id, status: "IN_REVIEW" }, after: { id: story.id, status: "PUBLISHED", slugs: [published.slug] } },
    });
    expect(event!.labels).toEqual(expect.arrayContaining([`story:${story.id}`, `story-slug:${published.slug}`, "front", `person-slug:${story.personSlug}`]));

    await setEmbargo({ actor: editor, storyId: story.id, baseVersion: published.version, until: null });
    expect(await written(subject)).toMatchObject([{ type: "story.updated" }]);
    await addStoryNote({ actor: editor, storyId: story.id, data: { kind: "CORRECTION", body: "An earlier version misspelled a name." } });
    expect(await written(subject)).toMatchObject([{ type: "story.corrected", labels: expect.arrayContaining([`story:${story.id}`, "corrections"]) }]);
    await setPins({ actor: editor, storyIds: [story.id] });
    expect(await written("front")).toMatchObject([{ type: "front.updated", labels: ["front"] }]);
    await setPins({ actor: editor, storyIds: [] });
    const current = await prisma.story.findUniqueOrThrow({ where: { id: story.id }, select: { version: true } });
    await changeStoryState({ actor: editor, storyId: story.id, baseVersion: current.version, action: "unpublish" });
    expect(await written(subject)).toMatchObject([{ type: "story.unpublished", labels: expect.arrayContaining([`story:${story.id}`]) }]);
  });

  it("a change whose transaction fails leaves no event (the event is written inside it)", async () => {
    const editor = await admin();
    const story = await makeReadyStory(editor, unique("Rolled back"));
    const subject = `story:${story.id}`;
    await written(subject);
    // The same story published twice on the same version: one commits, the other is refused after its own writes began.
    const results = await Promise.allSettled([
      changeStoryState({ actor: editor, storyId: story.id, baseVersion: story.version, action: "publish" }),
      changeStoryState({ actor: editor, storyId: story.id, baseVersion: story.version, action: "publish" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await written(subject)).toMatchObject([{ type: "story.published" }]);
    // An event written and then rolled back with its transaction is never seen.
    await expect(
      prisma.$transaction(async (tx) => {
        await recordChanges(tx, [{ kind: "story-note", storyId: story.id }]);
        throw new Error("the change failed after its event was written");
      }),
    ).rejects.toThrow("the change failed");
    expect(await written(subject)).toEqual([]);
  });

  it("the scheduler writes one event for each story it publishes", async () => {
    const editor = await admin();
    const story = await makeReadyStory(editor, unique("Scheduled"));
    await changeStoryState({ actor: editor, storyId: story.id, baseVersion: story.version, action: "schedule", at: new Date(Date.now() + 60_000) });
    await written(`story:${story.id}`);
    await runScheduledTransitions(new Date(Date.now() + 120_000));
    expect(await written(`story:${story.id}`)).toMatchObject([{ type: "story.published" }]);
  });

  it("image and person edits write the image and the people (both sides of a merge)", async () => {
    const actor = await admin();
    const { media } = await uploadMedia({ actor, filename: "changes.png", data: await makePng() });
    await updateMedia({ actor, mediaId: media.id, baseVersion: media.version, data: { alt: "A border village at dusk." } });
    expect(await written(`media:${media.id}`)).toMatchObject([{ type: "media.updated", labels: expect.arrayContaining([`media:${media.id}`]) }]);
    await expect(updateMedia({ actor, mediaId: media.id, baseVersion: media.version, data: { alt: "Stale" } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await written(`media:${media.id}`)).toEqual([]);

    const a = await createPerson({ actor, data: { name: unique("Jane Roe") } });
    const b = await createPerson({ actor, data: { name: unique("Jane Roe") } });
    const people = [`person:${a.id}`, `person:${b.id}`];
    expect(await written(...people)).toEqual([]); // a new person is on no public page yet
    await updatePerson({ actor, personId: a.id, data: { name: a.name, affiliation: "Agency" } });
    expect(await written(...people)).toMatchObject([
      { type: "person.updated", subject: `person:${a.id}`, labels: expect.arrayContaining([`person-slug:${a.slug}`]) },
    ]);
    await mergePeople({ actor, survivorId: a.id, duplicateId: b.id });
    expect((await written(...people)).map((e) => e.subject)).toEqual(people);
    expect(await prisma.person.findUnique({ where: { id: b.id } })).toBeNull();
  });
});
