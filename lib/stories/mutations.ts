import "server-only";
import { z } from "zod";
import { hasRole, type TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { checkStoryMedia, recordStoryMedia, requireAltText } from "@/lib/media/mutations";
import { mediaIdsIn, plainText } from "@/lib/richtext/text";
import { EMPTY_DOC } from "@/lib/richtext/types";
import { validateRichText } from "@/lib/richtext/validate";
import { canEditStory, canPublish, canViewStory } from "./permissions";
import { ZStoryFields, type TStoryFields } from "./schemas";
import { firstFreeSlug, slugify } from "./slug";

type Tx = Prisma.TransactionClient;

/** What a save returns to the editor. */
const SAVED = { id: true, slug: true, version: true, status: true, updatedAt: true } as const;

function requireUserActor(actor: TActor | null): asserts actor is TActor {
  if (!actor) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again; your work on this page is kept.");
}

function parseFields(data: TStoryFields) {
  const parsed = ZStoryFields.safeParse(data);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Some fields need attention.", z.flattenError(parsed.error).fieldErrors);
  // A validated body is plain JSON: objects, arrays, strings and numbers.
  return { ...parsed.data, body: validateRichText(parsed.data.body ?? EMPTY_DOC) as Prisma.InputJsonObject };
}

/** The columns a save writes, from parsed fields. */
function contentColumns(fields: ReturnType<typeof parseFields>, slug: string, sectionId: string | null) {
  return {
    headline: fields.headline,
    dek: fields.dek ?? null,
    dateline: fields.dateline ?? null,
    slug,
    body: fields.body,
    sectionId,
    leadMediaId: fields.leadMediaId ?? null,
    leadCaption: fields.leadMediaId ? (fields.leadCaption ?? null) : null,
  };
}

/** The library images a save uses: the lead photo and the body's. */
function usedMedia(fields: ReturnType<typeof parseFields>) {
  return { lead: fields.leadMediaId ?? null, body: mediaIdsIn(fields.body as never) };
}

async function checkSection(tx: Tx, sectionId: string | null | undefined) {
  if (!sectionId) return null;
  const section = await tx.section.findUnique({ where: { id: sectionId }, select: { id: true } });
  if (!section) throw new AppError("INVALID_INPUT", "That section does not exist.", { sectionId: ["Choose a section from the list."] });
  return section.id;
}

/**
 * The first free slug from `wanted`: not the current slug of another story,
 * and not an old slug another story's readers may still follow.
 */
async function freeSlug(tx: Tx, wanted: string, storyId: string | null): Promise<string> {
  const slug = await firstFreeSlug(wanted || "untitled", async (candidates) => {
    const [current, old] = await Promise.all([
      tx.story.findMany({ where: { slug: { in: candidates }, id: { not: storyId ?? "" } }, select: { slug: true } }),
      tx.storySlug.findMany({ where: { slug: { in: candidates }, storyId: { not: storyId ?? "" } }, select: { slug: true } }),
    ]);
    return [...current, ...old].map((s) => s.slug);
  });
  if (!slug) throw new AppError("CONFLICT", "Too many stories share that URL; choose another slug.", { slug: ["Choose another slug."] });
  return slug;
}

/** Load a story the actor may see, or NOT_FOUND (for "not yours" too). */
async function loadForActor(tx: Tx, actor: TActor, storyId: string) {
  const story = await tx.story.findUnique({
    where: { id: storyId },
    select: { id: true, slug: true, status: true, version: true, createdById: true, firstPublishedAt: true, headline: true, body: true, leadMediaId: true },
  });
  if (!story || !canViewStory(actor, story)) throw new AppError("NOT_FOUND", "That story does not exist, or you cannot open it.");
  return story;
}

function conflict(): AppError {
  return new AppError("CONFLICT", "Someone else saved this story while you were editing it. Your text is kept; compare and choose what to keep.");
}

/** Create a draft. Any signed-in member of the newsroom may. */
export async function createStory({ actor, data }: { actor: TActor | null; data: TStoryFields }) {
  requireUserActor(actor);
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Stories are created by newsroom accounts.");
  const fields = parseFields(data);
  return prisma.$transaction(async (tx) => {
    const sectionId = await checkSection(tx, fields.sectionId);
    const slug = await freeSlug(tx, fields.slug || slugify(fields.headline), null);
    await checkStoryMedia(tx, usedMedia(fields));
    const story = await tx.story.create({ data: { ...contentColumns(fields, slug, sectionId), createdById: actor.id }, select: SAVED });
    await recordStoryMedia(tx, story.id, usedMedia(fields));
    return story;
  });
}

/**
 * Save the editor's fields, based on `baseVersion`. The write itself checks the
 * version (updateMany … where version = baseVersion), so of two saves based on
 * the same version exactly one succeeds; the other gets CONFLICT.
 */
export async function updateStory({ actor, storyId, baseVersion, data }: { actor: TActor | null; storyId: string; baseVersion: number; data: TStoryFields }) {
  requireUserActor(actor);
  const fields = parseFields(data);
  return prisma.$transaction(async (tx) => {
    const story = await loadForActor(tx, actor, storyId);
    if (!canEditStory(actor, story)) {
      throw new AppError("FORBIDDEN", story.status === "DRAFT" ? "Only its author or an editor can edit this story." : "Only editors can change a story once it has been published.");
    }
    const sectionId = await checkSection(tx, fields.sectionId);
    const slug = fields.slug ? await freeSlug(tx, fields.slug, story.id) : story.slug;
    await checkStoryMedia(tx, usedMedia(fields));
    const { count } = await tx.story.updateMany({
      where: { id: story.id, version: baseVersion },
      data: { ...contentColumns(fields, slug, sectionId), contentUpdatedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    await recordStoryMedia(tx, story.id, usedMedia(fields));
    if (slug !== story.slug) {
      // Readers may have the old URL: keep it answering with a redirect.
      if (story.firstPublishedAt) await tx.storySlug.upsert({ where: { slug: story.slug }, create: { slug: story.slug, storyId: story.id }, update: {} });
      await tx.storySlug.deleteMany({ where: { slug, storyId: story.id } });
    }
    return tx.story.findUniqueOrThrow({ where: { id: story.id }, select: SAVED });
  });
}

/** Publish the saved version the editor is looking at (`baseVersion`). Editors and admins. */
export async function publishStory({ actor, storyId, baseVersion }: { actor: TActor | null; storyId: string; baseVersion: number }) {
  requireUserActor(actor);
  return prisma.$transaction(async (tx) => {
    const story = await loadForActor(tx, actor, storyId);
    if (!canPublish(actor)) throw new AppError("FORBIDDEN", "Only editors and admins can publish. Ask the desk to publish this story.");
    if (!story.headline.trim()) throw new AppError("INVALID_INPUT", "Give the story a headline before publishing.", { headline: ["A published story needs a headline."] });
    if (!plainText(story.body as never).trim()) throw new AppError("INVALID_INPUT", "The story has no text yet.", { body: ["Write the story before publishing it."] });
    if (!(await tx.storyCredit.count({ where: { storyId: story.id, role: "BYLINE" } }))) {
      throw new AppError("INVALID_INPUT", "Add at least one byline in Credits before publishing: readers need to know who wrote the story.", { credits: ["Add a byline."] });
    }
    await requireAltText(tx, story);
    const now = new Date();
    const { count } = await tx.story.updateMany({
      where: { id: story.id, version: baseVersion },
      data: { status: "PUBLISHED", publishedAt: now, firstPublishedAt: story.firstPublishedAt ?? now, version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    return tx.story.findUniqueOrThrow({ where: { id: story.id }, select: SAVED });
  });
}

/** Take a published story off the site. Editors and admins. */
export async function unpublishStory({ actor, storyId, baseVersion }: { actor: TActor | null; storyId: string; baseVersion: number }) {
  requireUserActor(actor);
  return prisma.$transaction(async (tx) => {
    const story = await loadForActor(tx, actor, storyId);
    if (!hasRole(actor, "EDITOR")) throw new AppError("FORBIDDEN", "Only editors and admins can unpublish.");
    if (story.status !== "PUBLISHED") throw new AppError("CONFLICT", "This story is not published.");
    const { count } = await tx.story.updateMany({
      where: { id: story.id, version: baseVersion, status: "PUBLISHED" },
      data: { status: "UNPUBLISHED", version: { increment: 1 } },
    });
    if (count === 0) throw conflict();
    return tx.story.findUniqueOrThrow({ where: { id: story.id }, select: SAVED });
  });
}
