import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { actorOf, makeReadyStory, makeUser, paragraphDoc } from "@/testing/factories";
import { storyFacts } from "./facts";
import { createStory, updateStory } from "./mutations";
import { changeStoryState } from "./transitions";
import { findTag, getTagPage, listFeedStories } from "./public-queries";
import { getPublishedStoryBySlug } from "./queries";

const unique = (label: string) => `${label} ${randomBytes(3).toString("hex")}`;
const editorActor = async () => actorOf(await makeUser({ role: "EDITOR" }));

describe("story tags", () => {
  it("are kept as written, with their addresses, and an editor that sends none leaves them alone", async () => {
    const editor = await editorActor();
    const story = await createStory({
      actor: editor,
      data: { headline: unique("Tagged"), body: paragraphDoc("Text."), tags: "Trade talks, Border,  trade TALKS " },
    });
    const row = await prisma.story.findUniqueOrThrow({ where: { id: story.id }, select: { tags: true, tagSlugs: true } });
    expect(row).toEqual({ tags: ["Trade talks", "Border"], tagSlugs: ["trade-talks", "border"] });

    const kept = await updateStory({
      actor: editor,
      storyId: story.id,
      baseVersion: story.version,
      data: { headline: "Tagged, renamed", body: paragraphDoc("Text.") },
    });
    expect((await prisma.story.findUniqueOrThrow({ where: { id: story.id } })).tags).toEqual(["Trade talks", "Border"]);

    await updateStory({
      actor: editor,
      storyId: story.id,
      baseVersion: kept.version,
      data: { headline: "Tagged, renamed", body: paragraphDoc("Text."), tags: [] },
    });
    expect((await prisma.story.findUniqueOrThrow({ where: { id: story.id } })).tags).toEqual([]);
  });

  it("refuses too many or too long tags with a sentence, and stores nothing", async () => {
    const editor = await editorActor();
    const story = await createStory({ actor: editor, data: { headline: unique("Careful"), body: paragraphDoc("Text."), tags: "Kept" } });
    const tooMany = Array.from({ length: 11 }, (_, i) => `Tag ${i}`).join(",");
    await expect(
      updateStory({ actor: editor, storyId: story.id, baseVersion: story.version, data: { headline: "Careful", body: paragraphDoc("Text."), tags: tooMany } }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(
      updateStory({
        actor: editor,
        storyId: story.id,
        baseVersion: story.version,
        data: { headline: "Careful", body: paragraphDoc("Text."), tags: "x".repeat(41) },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect((await prisma.story.findUniqueOrThrow({ where: { id: story.id } })).tags).toEqual(["Kept"]);
  });

  it("list a story on its tag's page and feed once it is public, and a change of tags waits for the update to be published", async () => {
    const editor = await editorActor();
    const tag = unique("Harbour");
    const slug = tag.toLowerCase().replace(/\s+/g, "-");
    const story = await makeReadyStory(editor, unique("Harbour reopens"), { tags: tag });
    expect(await getTagPage(slug)).toBeNull(); // in review: not public

    const published = await changeStoryState({ actor: editor, storyId: story.id, baseVersion: story.version, action: "publish" });
    const page = await getTagPage(slug);
    expect(page?.tag).toEqual({ name: tag, slug });
    expect(page?.stories.map((s) => s.id)).toEqual([story.id]);
    expect((await listFeedStories({ tagSlug: slug })).map((s) => s.tags)).toEqual([[tag]]);
    expect((await getPublishedStoryBySlug(published.slug))?.tags).toEqual([tag]);
    expect((await storyFacts(story.id))?.tagSlugs).toEqual([slug]);

    // Retagging a published story is a pending update: readers keep the old tag until it is published.
    const retagged = await updateStory({
      actor: editor,
      storyId: story.id,
      baseVersion: published.version,
      data: { headline: "Harbour reopens", body: paragraphDoc("Words for readers."), tags: "Ports" },
    });
    expect(await findTag(slug)).not.toBeNull();
    await changeStoryState({ actor: editor, storyId: story.id, baseVersion: retagged.version, action: "publish" });
    expect(await findTag(slug)).toBeNull();
    expect((await prisma.story.findUniqueOrThrow({ where: { id: story.id } })).tagSlugs).toEqual(["ports"]);
  });
});
