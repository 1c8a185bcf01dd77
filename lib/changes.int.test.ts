import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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
import { onChanges, type TChange } from "./changes";

/**
 * Issue 14, item 4: the domain says what changed. Each public change is recorded
 * by the domain function itself (no caller arranges it), with what the page
 * cache needs; a refused change records nothing.
 */
let heard: TChange[] = [];
let stop = () => {};
beforeEach(() => {
  heard = [];
  stop = onChanges((changes) => void heard.push(...changes));
});
afterEach(() => stop());

const unique = (label: string) => `${label} ${randomBytes(3).toString("hex")}`;
const admin = async () => actorOf(await makeUser({ role: "ADMIN" }));

describe("domain functions record what readers can see change", () => {
  it("publishing records the story with its facts before and after; a save of a draft and a refused step record nothing", async () => {
    const editor = await admin();
    const story = await makeReadyStory(editor, unique("Changes"));
    heard = [];
    const saved = await updateStory({
      actor: editor,
      storyId: story.id,
      baseVersion: story.version,
      data: { headline: unique("Still in review"), body: paragraphDoc("Words for readers, changed.") },
      kind: "SAVE",
    });
    expect(heard).toEqual([]);
    await expect(changeStoryState({ actor: editor, storyId: story.id, baseVersion: saved.version - 1, action: "publish" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(heard).toEqual([]);

    const published = await changeStoryState({ actor: editor, storyId: story.id, baseVersion: saved.version, action: "publish" });
    expect(heard).toHaveLength(1);
    const [change] = heard;
    expect(change).toMatchObject({ kind: "story", before: { id: story.id }, after: { id: story.id, slugs: [published.slug] } });
    if (change?.kind === "story") expect(change.after?.people.map((p) => p.slug)).toEqual([story.personSlug]);

    heard = [];
    await setEmbargo({ actor: editor, storyId: story.id, baseVersion: published.version, until: null });
    expect(heard).toMatchObject([{ kind: "story", after: { id: story.id } }]);
    heard = [];
    await addStoryNote({ actor: editor, storyId: story.id, data: { kind: "CORRECTION", body: "An earlier version misspelled a name." } });
    expect(heard).toEqual([{ kind: "story-note", storyId: story.id }]);
    heard = [];
    await setPins({ actor: editor, storyIds: [story.id] });
    expect(heard).toEqual([{ kind: "front" }]);
    await setPins({ actor: editor, storyIds: [] });
  });

  it("the scheduler records each story it publishes", async () => {
    const editor = await admin();
    const story = await makeReadyStory(editor, unique("Scheduled"));
    await changeStoryState({ actor: editor, storyId: story.id, baseVersion: story.version, action: "schedule", at: new Date(Date.now() + 60_000) });
    heard = [];
    await runScheduledTransitions(new Date(Date.now() + 120_000));
    expect(heard.filter((c) => c.kind === "story" && c.after?.id === story.id)).toHaveLength(1);
  });

  it("image and person edits record the image and the people (both sides of a merge)", async () => {
    const actor = await admin();
    const { media } = await uploadMedia({ actor, filename: "changes.png", data: await makePng() });
    heard = [];
    await updateMedia({ actor, mediaId: media.id, baseVersion: media.version, data: { alt: "A border village at dusk." } });
    expect(heard).toEqual([{ kind: "media", mediaId: media.id }]);
    await expect(updateMedia({ actor, mediaId: media.id, baseVersion: media.version, data: { alt: "Stale" } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(heard).toHaveLength(1);

    heard = [];
    const a = await createPerson({ actor, data: { name: unique("Jane Roe") } });
    const b = await createPerson({ actor, data: { name: unique("Jane Roe") } });
    expect(heard).toEqual([]); // a new person is on no public page yet
    await updatePerson({ actor, personId: a.id, data: { name: a.name, affiliation: "Agency" } });
    expect(heard).toEqual([{ kind: "person", personId: a.id }]);
    heard = [];
    await mergePeople({ actor, survivorId: a.id, duplicateId: b.id });
    expect(heard).toEqual([
      { kind: "person", personId: a.id },
      { kind: "person", personId: b.id },
    ]);
    expect(await prisma.person.findUnique({ where: { id: b.id } })).toBeNull();
  });
});
