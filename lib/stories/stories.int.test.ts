import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import type { TRichDoc } from "@/lib/richtext/types";
import { makeUser } from "@/testing/factories";
import { createStory, updateStory } from "./mutations";
import { publishStory, unpublishStory } from "./transitions";
import { findCurrentSlug, getPublishedStoryBySlug, getStoryForEditor, listLatestPublished, listStoriesForDesk } from "./queries";

const actorOf = (u: { id: string; role: "CONTRIBUTOR" | "EDITOR" | "ADMIN"; name: string; email: string }): TActor => ({ kind: "user", ...u });
const body = (text: string): TRichDoc => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const unique = (label: string) => `${label} ${randomBytes(3).toString("hex")}`;
const fields = (headline: string, text = "Some words.") => ({ headline, dek: null, dateline: "BEIJING", body: body(text) });

/** Credit a byline straight in the database (the credits rules have their own tests). */
async function withByline(story: { id: string }) {
  const person = await prisma.person.create({ data: { name: "Test Byline", slug: `test-byline-${randomBytes(4).toString("hex")}` } });
  await prisma.storyCredit.create({ data: { storyId: story.id, personId: person.id, role: "BYLINE", position: 0 } });
}

async function people() {
  const [contributor, other, editor] = await Promise.all([makeUser(), makeUser(), makeUser({ role: "EDITOR" })]);
  return { contributor: actorOf(contributor), other: actorOf(other), editor: actorOf(editor) };
}

describe("stories", () => {
  it("of two saves based on the same version, exactly one wins", async () => {
    const { editor } = await people();
    const story = await createStory({ actor: editor, data: fields(unique("Race")) });
    const results = await Promise.allSettled(
      ["first text", "second text", "third text"].map((t) =>
        updateStory({ actor: editor, storyId: story.id, baseVersion: story.version, data: fields("Race", t) }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(2);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    const saved = await getStoryForEditor({ actor: editor, storyId: story.id });
    expect(saved.version).toBe(story.version + 1);
  });

  it("refuses a save based on an old version and keeps the other person's text", async () => {
    const { editor } = await people();
    const story = await createStory({ actor: editor, data: fields(unique("Stale")) });
    await updateStory({ actor: editor, storyId: story.id, baseVersion: story.version, data: fields("Stale", "their words") });
    await expect(updateStory({ actor: editor, storyId: story.id, baseVersion: story.version, data: fields("Stale", "my words") })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await getStoryForEditor({ actor: editor, storyId: story.id })).body).toEqual(body("their words"));
  });

  it("makes slugs unique, and a published story's old slug redirects to the new one", async () => {
    const { editor } = await people();
    const headline = unique("Élection à Montréal");
    const a = await createStory({ actor: editor, data: fields(headline) });
    const b = await createStory({ actor: editor, data: fields(headline) });
    expect(a.slug).toMatch(/^election-a-montreal-/);
    expect(b.slug).toBe(`${a.slug}-2`);

    await withByline(a);
    const published = await publishStory({ actor: editor, storyId: a.id, baseVersion: a.version });
    const edited = await updateStory({ actor: editor, storyId: a.id, baseVersion: published.version, data: { ...fields(headline), slug: `${a.slug} moved` } });
    // On a published story the new slug waits, with the rest of the update, until it is published.
    expect(edited.slug).toBe(a.slug);
    const moved = await publishStory({ actor: editor, storyId: a.id, baseVersion: edited.version });
    expect(moved.slug).toBe(`${a.slug}-moved`);
    expect(await findCurrentSlug(a.slug)).toBe(moved.slug);
    expect(await getPublishedStoryBySlug(moved.slug)).toMatchObject({ id: a.id });
    expect(await getPublishedStoryBySlug(a.slug)).toBeNull();

    // The old slug stays reserved for the redirect.
    const c = await createStory({ actor: editor, data: { ...fields("x"), slug: a.slug } });
    expect(c.slug).not.toBe(a.slug);
  });

  it("keeps drafts and unpublished stories away from readers", async () => {
    const { editor } = await people();
    const draft = await createStory({ actor: editor, data: fields(unique("Secret draft")) });
    expect(await getPublishedStoryBySlug(draft.slug)).toBeNull();
    await withByline(draft);
    const live = await publishStory({ actor: editor, storyId: draft.id, baseVersion: draft.version });
    expect(await getPublishedStoryBySlug(draft.slug)).toMatchObject({ id: draft.id });
    expect((await listLatestPublished(100)).map((s) => s.id)).toContain(draft.id);
    await unpublishStory({ actor: editor, storyId: draft.id, baseVersion: live.version });
    expect(await getPublishedStoryBySlug(draft.slug)).toBeNull();
    expect((await listLatestPublished(100)).map((s) => s.id)).not.toContain(draft.id);
  });

  it("lets a contributor write but not publish, and not touch another contributor's story", async () => {
    const { contributor, other, editor } = await people();
    const mine = await createStory({ actor: contributor, data: fields(unique("Mine")) });
    const saved = await updateStory({ actor: contributor, storyId: mine.id, baseVersion: mine.version, data: fields("Mine", "edited") });
    await expect(publishStory({ actor: contributor, storyId: mine.id, baseVersion: saved.version })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // Another contributor's story does not even exist for them.
    await expect(updateStory({ actor: other, storyId: mine.id, baseVersion: saved.version, data: fields("Hijack") })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getStoryForEditor({ actor: other, storyId: mine.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listStoriesForDesk({ actor: other, filter: {} })).stories.map((s) => s.id)).not.toContain(mine.id);

    // Once the desk has published it, its author can no longer change it alone.
    await withByline(mine);
    const published = await publishStory({ actor: editor, storyId: mine.id, baseVersion: saved.version });
    await expect(updateStory({ actor: contributor, storyId: mine.id, baseVersion: published.version, data: fields("Changed") })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await getPublishedStoryBySlug(published.slug))?.headline).toMatch(/^Mine/);
    await expect(updateStory({ actor: null, storyId: mine.id, baseVersion: published.version, data: fields("x") })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("refuses to store an unsafe body, whoever sends it", async () => {
    const { editor } = await people();
    await expect(
      createStory({ actor: editor, data: { headline: "x", body: { type: "doc", content: [{ type: "script", text: "alert(1)" }] } } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const story = await createStory({
      actor: editor,
      data: {
        headline: unique("Links"),
        body: {
          type: "doc",
          content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }],
        },
      },
    });
    const stored = await prisma.story.findUniqueOrThrow({ where: { id: story.id } });
    expect(JSON.stringify(stored.body)).not.toContain("javascript");
  });

  it("will not publish a story without a byline", async () => {
    const { editor } = await people();
    const story = await createStory({ actor: editor, data: fields(unique("Unsigned")) });
    await expect(publishStory({ actor: editor, storyId: story.id, baseVersion: story.version })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("byline"),
    });
    await withByline(story);
    await expect(publishStory({ actor: editor, storyId: story.id, baseVersion: story.version })).resolves.toMatchObject({ status: "PUBLISHED" });
  });

  it("will not publish a story without a headline or text", async () => {
    const { editor } = await people();
    const empty = await createStory({ actor: editor, data: { headline: "", body: { type: "doc", content: [{ type: "paragraph" }] } } });
    expect(empty.slug).toMatch(/^untitled/);
    await expect(publishStory({ actor: editor, storyId: empty.id, baseVersion: empty.version })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
