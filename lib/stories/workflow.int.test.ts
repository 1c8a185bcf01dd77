import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { getPublicPerson } from "@/lib/people/queries";
import { actorOf, makeReadyStory, makeUser, paragraphDoc } from "@/testing/factories";
import { updateStory } from "./mutations";
import { changeStoryState, publishStory, setEmbargo } from "./transitions";
import { findCurrentSlug, getPublishedStoryBySlug, getStoryForEditor, listLatestPublished } from "./queries";
import { runScheduledTransitions } from "./scheduler";

const body = paragraphDoc;
const unique = (label: string) => `${label} ${randomBytes(3).toString("hex")}`;
const minutes = (n: number, from = new Date()) => new Date(from.getTime() + n * 60_000);

const readyStory = (editor: TActor, headline = unique("Ready")) => makeReadyStory(editor, headline);

const editorActor = async () => actorOf(await makeUser({ role: "EDITOR" }));
const statusOf = async (id: string) => (await prisma.story.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const publishRevisions = (id: string) => prisma.storyRevision.count({ where: { storyId: id, summary: "Published as scheduled" } });

describe("scheduled publishing", () => {
  it("two scheduler loops running at once publish a due story exactly once", async () => {
    const editor = await editorActor();
    const story = await readyStory(editor);
    const scheduled = await changeStoryState({ actor: editor, storyId: story.id, baseVersion: story.version, action: "schedule", at: minutes(1) });
    expect(scheduled.status).toBe("SCHEDULED");
    // Not yet due: nothing happens.
    await runScheduledTransitions(new Date());
    expect(await statusOf(story.id)).toBe("SCHEDULED");

    const due = minutes(2);
    const runs = await Promise.all([runScheduledTransitions(due), runScheduledTransitions(due), runScheduledTransitions(due)]);
    expect(runs.flatMap((r) => r.published).filter((id) => id === story.id)).toHaveLength(1);
    expect(await statusOf(story.id)).toBe("PUBLISHED");
    expect(await publishRevisions(story.id)).toBe(1);
    expect(await prisma.auditEvent.count({ where: { storyId: story.id, action: "story.publish-scheduled" } })).toBe(1);
  });

  it("a story that fell due while the app was down publishes at the first run", async () => {
    const editor = await editorActor();
    const story = await readyStory(editor);
    await changeStoryState({ actor: editor, storyId: story.id, baseVersion: story.version, action: "schedule", at: minutes(1) });
    // The app was down when it fell due: simulate by moving its time into the past.
    await prisma.story.update({ where: { id: story.id }, data: { scheduledAt: minutes(-90) } });
    const run = await runScheduledTransitions();
    expect(run.published).toContain(story.id);
    expect(await getPublishedStoryBySlug(story.slug)).toMatchObject({ id: story.id });
  });

  it("rescheduling 10:00 → 10:05 → 10:00 publishes once, at 10:00", async () => {
    const editor = await editorActor();
    const story = await readyStory(editor);
    const ten = minutes(60);
    let s = await changeStoryState({ actor: editor, storyId: story.id, baseVersion: story.version, action: "schedule", at: ten });
    s = await changeStoryState({ actor: editor, storyId: story.id, baseVersion: s.version, action: "schedule", at: minutes(5, ten) });
    s = await changeStoryState({ actor: editor, storyId: story.id, baseVersion: s.version, action: "schedule", at: ten });
    expect(s.scheduledAt).toEqual(ten);
    await runScheduledTransitions(minutes(-1, ten));
    expect(await statusOf(story.id)).toBe("SCHEDULED");
    await Promise.all([runScheduledTransitions(ten), runScheduledTransitions(minutes(5, ten))]);
    expect(await statusOf(story.id)).toBe("PUBLISHED");
    expect(await publishRevisions(story.id)).toBe(1);
  });

  it("cancelling before it fires keeps the story unpublished", async () => {
    const editor = await editorActor();
    const story = await readyStory(editor);
    const s = await changeStoryState({ actor: editor, storyId: story.id, baseVersion: story.version, action: "schedule", at: minutes(5) });
    await changeStoryState({ actor: editor, storyId: story.id, baseVersion: s.version, action: "unschedule" });
    await runScheduledTransitions(minutes(10));
    expect(await statusOf(story.id)).toBe("IN_REVIEW");
  });

  it("a story that can no longer be published goes back to review with a notice", async () => {
    const editor = await editorActor();
    const story = await readyStory(editor);
    await changeStoryState({ actor: editor, storyId: story.id, baseVersion: story.version, action: "schedule", at: minutes(1) });
    await prisma.storyCredit.deleteMany({ where: { storyId: story.id } }); // the byline went away meanwhile
    const run = await runScheduledTransitions(minutes(2));
    expect(run.failed).toContain(story.id);
    const after = await prisma.story.findUniqueOrThrow({ where: { id: story.id } });
    expect(after).toMatchObject({ status: "IN_REVIEW", scheduledAt: null, notice: expect.stringMatching(/failed: Add at least one byline/) });
  });

  it("takes a published story down at its time", async () => {
    const editor = await editorActor();
    const story = await readyStory(editor);
    const live = await publishStory({ actor: editor, storyId: story.id, baseVersion: story.version });
    await changeStoryState({ actor: editor, storyId: story.id, baseVersion: live.version, action: "scheduleUnpublish", at: minutes(30) });
    await runScheduledTransitions(minutes(29));
    expect(await statusOf(story.id)).toBe("PUBLISHED");
    await runScheduledTransitions(minutes(31));
    expect(await statusOf(story.id)).toBe("UNPUBLISHED");
  });
});

describe("embargoes", () => {
  it("keep a story from being published or scheduled early, and out of every public listing even if it slips out", async () => {
    const editor = await editorActor();
    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const story = await readyStory(editor, unique("Embargoed results"));
    const until = minutes(120);
    const embargoed = await setEmbargo({ actor: editor, storyId: story.id, baseVersion: story.version, until });
    await expect(publishStory({ actor: admin, storyId: story.id, baseVersion: embargoed.version })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: /under embargo/,
    });
    await expect(
      changeStoryState({ actor: editor, storyId: story.id, baseVersion: embargoed.version, action: "schedule", at: minutes(60) }),
    ).rejects.toMatchObject({
      message: /or later/,
    });
    // Someone forces it live in the database: readers still see nothing.
    await prisma.story.update({ where: { id: story.id }, data: { status: "PUBLISHED", publishedAt: new Date(), firstPublishedAt: new Date() } });
    await prisma.storySlug.create({ data: { slug: `${story.slug}-old`, storyId: story.id } });
    expect(await getPublishedStoryBySlug(story.slug)).toBeNull();
    expect((await listLatestPublished(500)).map((s) => s.id)).not.toContain(story.id);
    expect(await findCurrentSlug(`${story.slug}-old`)).toBeNull();
    expect(await getPublicPerson(story.personSlug)).toBeNull();
    // Once the embargo passes, the same story is public.
    await prisma.story.update({ where: { id: story.id }, data: { embargoUntil: minutes(-1) } });
    expect(await getPublishedStoryBySlug(story.slug)).toMatchObject({ id: story.id });
  });

  it("may be scheduled for the embargo time, and then publishes on time", async () => {
    const editor = await editorActor();
    const story = await readyStory(editor);
    const until = minutes(30);
    const e = await setEmbargo({ actor: editor, storyId: story.id, baseVersion: story.version, until });
    await changeStoryState({ actor: editor, storyId: story.id, baseVersion: e.version, action: "schedule", at: until });
    await runScheduledTransitions(until);
    expect(await statusOf(story.id)).toBe("PUBLISHED");
  });
});

describe("editing a published story", () => {
  it("does not change the public page until the update is published", async () => {
    const editor = await editorActor();
    const story = await readyStory(editor, unique("Live story"));
    const live = await publishStory({ actor: editor, storyId: story.id, baseVersion: story.version });
    const edited = await updateStory({
      actor: editor,
      storyId: story.id,
      baseVersion: live.version,
      data: { headline: `${story.slug} corrected`, body: body("New words."), slug: `${story.slug}-corrected` },
    });
    expect(edited.hasPending).toBe(true);
    expect(edited.slug).toBe(story.slug);
    const page = await getPublishedStoryBySlug(story.slug);
    expect(page!.body).toEqual(body("Words for readers."));
    // The newsroom works on the pending update.
    const desk = await getStoryForEditor({ actor: editor, storyId: story.id });
    expect(desk).toMatchObject({ hasPending: true, headline: `${story.slug} corrected`, body: body("New words.") });
    expect(desk.credits.map((c) => c.role)).toEqual(["BYLINE"]);

    const updated = await publishStory({ actor: editor, storyId: story.id, baseVersion: edited.version });
    expect(updated).toMatchObject({ hasPending: false, slug: `${story.slug}-corrected` });
    expect((await getPublishedStoryBySlug(updated.slug))!.body).toEqual(body("New words."));
    expect(await findCurrentSlug(story.slug)).toBe(updated.slug);
    await expect(publishStory({ actor: editor, storyId: story.id, baseVersion: updated.version })).rejects.toMatchObject({ message: /no unpublished changes/ });
  });
});
