import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deleteMedia, updateMedia, uploadMedia } from "@/lib/media/mutations";
import { getMediaForEdit } from "@/lib/media/queries";
import { actorOf, makeReadyStory, makeUser, paragraphDoc } from "@/testing/factories";
import { makeJpeg } from "@/testing/images";
import { getDesk } from "./desk";
import { createStory } from "./mutations";
import { changeStoryState, setEmbargo } from "./transitions";
import { heartbeat } from "./presence";
import { getStoryForEditor, listStoriesForDesk } from "./queries";
import { listRevisions } from "./revisions";

/**
 * Issue 12, item 3: what a contributor may see of other people's stories. The
 * library's images are shared (everyone picks photos for their stories), but
 * the stories that use an image are listed only as far as the viewer may see
 * them, everywhere: the image's page, the refusal to delete it, every list.
 */
const tag = () => randomBytes(3).toString("hex");
const HOUR = 3_600_000;

async function scene() {
  const [contributorUser, editorUser] = await Promise.all([makeUser(), makeUser({ role: "EDITOR" })]);
  const contributor = actorOf(contributorUser);
  const editor = actorOf(editorUser);
  // The contributor uploads a photo (so may edit and try to delete it); the desk uses it.
  const { media } = await uploadMedia({ actor: contributor, filename: "harbour.jpg", data: await makeJpeg(800, 600) });
  await updateMedia({
    actor: contributor,
    mediaId: media.id,
    baseVersion: (await getMediaForEdit({ actor: contributor, mediaId: media.id })).version,
    data: { alt: "A harbour at dawn" },
  });
  const t = tag();
  const secret = { draft: `Secret draft ${t}`, scheduled: `Secret scheduled ${t}`, embargoed: `Secret embargoed ${t}` };

  await createStory({ actor: editor, data: { headline: secret.draft, body: paragraphDoc("x"), leadMediaId: media.id } });
  const ready = await makeReadyStory(editor, secret.scheduled, { leadMediaId: media.id });
  await changeStoryState({ actor: editor, storyId: ready.id, baseVersion: ready.version, action: "schedule", at: new Date(Date.now() + 24 * HOUR) });
  const embargoed = await createStory({ actor: editor, data: { headline: secret.embargoed, body: paragraphDoc("x"), leadMediaId: media.id } });
  await setEmbargo({ actor: editor, storyId: embargoed.id, baseVersion: embargoed.version, until: new Date(Date.now() + 48 * HOUR) });
  const ownHeadline = `My own story ${t}`;
  const own = {
    ...(await createStory({ actor: contributor, data: { headline: ownHeadline, body: paragraphDoc("x"), leadMediaId: media.id } })),
    headline: ownHeadline,
  };
  return { contributor, editor, media, secret, own, others: [ready.id, embargoed.id] };
}

describe("story visibility for contributors", () => {
  it("an image's page lists only the stories the viewer may see, and says how many others use it", async () => {
    const { contributor, editor, media, secret, own } = await scene();
    const seen = await getMediaForEdit({ actor: contributor, mediaId: media.id });
    const text = JSON.stringify(seen);
    for (const headline of Object.values(secret)) expect(text).not.toContain(headline);
    expect(seen.usedIn.map((u) => u.story.id)).toEqual([own.id]);
    expect(seen.hiddenUses).toBe(3);

    const desk = await getMediaForEdit({ actor: editor, mediaId: media.id });
    expect(desk.usedIn.map((u) => u.story.headline).sort()).toEqual([...Object.values(secret), own.headline].sort());
    expect(desk.hiddenUses).toBe(0);
  });

  it("the refusal to delete an image in use names only the stories the actor may see", async () => {
    const { contributor, editor, media, secret, own } = await scene();
    const refusal = await deleteMedia({ actor: contributor, mediaId: media.id }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: "CONFLICT" });
    const message = (refusal as Error).message;
    for (const headline of Object.values(secret)) expect(message).not.toContain(headline);
    expect(message).toContain(`“${own.headline}”`);
    expect(message).toMatch(/3 stories you can’t see/);

    // The desk sees them all, so is told them all.
    await expect(deleteMedia({ actor: editor, mediaId: media.id })).rejects.toMatchObject({ code: "CONFLICT", message: new RegExp(secret.draft) });
  });

  it("other people's stories are not found by a contributor through any newsroom read", async () => {
    const { contributor, secret, others } = await scene();
    const list = await listStoriesForDesk({ actor: contributor, filter: {} });
    const desk = await getDesk({ actor: contributor, filter: {} });
    const text = JSON.stringify([list, desk]);
    for (const headline of Object.values(secret)) expect(text).not.toContain(headline);
    for (const storyId of others) {
      await expect(getStoryForEditor({ actor: contributor, storyId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(listRevisions({ actor: contributor, storyId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(heartbeat({ actor: contributor, storyId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
