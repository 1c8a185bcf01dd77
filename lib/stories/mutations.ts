import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { Prisma, type RevisionKind } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { checkStoryMedia, mediaUseOf, recordStoryMedia } from "@/lib/media/mutations";
import { validateRichText } from "@/lib/richtext/validate";
import { allocateSlug } from "@/lib/slugs";
import { liveContent, workingContent, type TContent } from "./content";
import { recordRevision } from "./revisions";
import type { TStoryFields } from "./schemas";
import { slugify } from "./slug";
import { prisma } from "@/lib/db/client";
import {
  checkSection,
  conflict,
  contentColumns,
  inSlugTransaction,
  keepOldSlug,
  loadForEdit,
  parseFields,
  requireUserActor,
  SAVED,
  saved,
  writeCredits,
  type TStoryForWrite,
  type Tx,
} from "./story-writes";

/** Editing a story's words and credits: drafts, saves (a published story's into its pending update), restoring a revision. */

export { STORY_FOR_WRITE, type TSavedStory } from "./story-writes";

/** Create a draft. Any signed-in member of the newsroom may. */
export async function createStory({ actor, data }: { actor: TActor | null; data: TStoryFields }) {
  requireUserActor(actor);
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Stories are created by newsroom accounts.");
  const fields = parseFields(data);
  return inSlugTransaction(async (tx) => {
    const sectionId = await checkSection(tx, fields.sectionId);
    const slug = await allocateSlug(tx, "story", fields.slug || slugify(fields.headline), null);
    const content: TContent = {
      ...fields,
      slug,
      sectionId,
      leadMediaId: fields.leadMediaId ?? null,
      leadCaption: fields.leadCaption ?? null,
      dek: fields.dek ?? null,
      dateline: fields.dateline ?? null,
      tags: fields.tags,
      credits: [],
    };
    await checkStoryMedia(tx, mediaUseOf(content));
    const story = await tx.story.create({ data: { ...contentColumns(content), createdById: actor.id }, select: SAVED });
    await recordStoryMedia(tx, story.id, mediaUseOf(content));
    await recordRevision(tx, { storyId: story.id, actor, kind: "SAVE", status: "DRAFT", summary: "Created", content });
    return saved(story);
  });
}

/**
 * Save the editor's fields, based on `baseVersion`. The write itself checks the
 * version (updateMany … where version = baseVersion), so of two saves based on
 * the same version exactly one succeeds; the other gets CONFLICT. A published
 * story keeps what readers see: the save becomes its pending update.
 */
export async function updateStory({
  actor,
  storyId,
  baseVersion,
  data,
  kind = "AUTOSAVE",
}: {
  actor: TActor | null;
  storyId: string;
  baseVersion: number;
  data: TStoryFields;
  kind?: RevisionKind;
}) {
  requireUserActor(actor);
  const fields = parseFields(data);
  return inSlugTransaction(async (tx) => {
    const story = await loadForEdit(tx, actor, storyId);
    const sectionId = await checkSection(tx, fields.sectionId);
    const current = workingContent(story);
    const slug = fields.slug ? await allocateSlug(tx, "story", fields.slug, story.id) : current.slug;
    const content: TContent = {
      headline: fields.headline,
      dek: fields.dek ?? null,
      dateline: fields.dateline ?? null,
      slug,
      sectionId,
      leadMediaId: fields.leadMediaId ?? null,
      leadCaption: fields.leadMediaId ? (fields.leadCaption ?? null) : null,
      // An editor that sends no tags (an older open tab) leaves them as they are.
      tags: data.tags === undefined ? current.tags : fields.tags,
      body: fields.body,
      credits: current.credits,
    };
    return saved(await writeContent(tx, { actor, story, baseVersion, content, kind }));
  });
}

/**
 * Write new content based on `baseVersion`: into the columns (and credit rows),
 * or, for a published story, into its pending update so readers keep seeing
 * the published version. Records which images it uses and a revision.
 */
async function writeContent(
  tx: Tx,
  {
    actor,
    story,
    baseVersion,
    content,
    kind,
    summary,
  }: { actor: TActor; story: TStoryForWrite; baseVersion: number; content: TContent; kind: RevisionKind; summary?: string },
) {
  await checkStoryMedia(tx, mediaUseOf(content));
  const live = story.status === "PUBLISHED";
  const { count } = await tx.story.updateMany({
    where: { id: story.id, version: baseVersion },
    data: live
      ? { pending: content as unknown as Prisma.InputJsonObject, version: { increment: 1 } }
      : { ...contentColumns(content), contentUpdatedAt: new Date(), version: { increment: 1 } },
  });
  if (count === 0) throw conflict();
  if (!live) {
    if (JSON.stringify(content.credits) !== JSON.stringify(liveContent(story).credits)) await writeCredits(tx, story.id, content.credits);
    await keepOldSlug(tx, story, content.slug);
  }
  // A published story uses the images readers see and those of its pending update.
  await recordStoryMedia(tx, story.id, live ? mediaUseOf(content, liveContent(story)) : mediaUseOf(content));
  await recordRevision(tx, { storyId: story.id, actor, kind, status: story.status, summary: summary ?? (live ? "Pending update" : undefined), content });
  return tx.story.findUniqueOrThrow({ where: { id: story.id }, select: SAVED });
}

/**
 * Replace the story's credits (validated by the credits module) as part of its
 * content: on a published story they join the pending update.
 */
export async function saveStoryCredits(
  tx: Tx,
  { actor, story, baseVersion, credits }: { actor: TActor; story: TStoryForWrite; baseVersion: number; credits: TContent["credits"] },
) {
  const live = story.status === "PUBLISHED";
  try {
    const row = await writeContent(tx, {
      actor,
      story,
      baseVersion,
      content: { ...workingContent(story), credits },
      kind: "CREDITS",
      summary: live ? "Credits (pending update)" : "Credits",
    });
    return { id: row.id, version: row.version };
  } catch (err) {
    if (err instanceof AppError && err.code === "CONFLICT")
      throw new AppError("CONFLICT", "Someone else saved this story while you were editing it. Reload the credits and apply your change again.");
    throw err;
  }
}

/** Load a story for a credits change: the checks every content change makes. */
export async function loadForCredits(tx: Tx, actor: TActor, storyId: string) {
  return loadForEdit(tx, actor, storyId);
}

/** Forget a published story's pending update: the editor goes back to what readers see. */
export async function discardPendingUpdate({ actor, storyId, baseVersion }: { actor: TActor | null; storyId: string; baseVersion: number }) {
  requireUserActor(actor);
  return prisma.$transaction(async (tx) => {
    const story = await loadForEdit(tx, actor, storyId);
    if (!story.pending) throw new AppError("INVALID_INPUT", "There are no unpublished changes to discard.");
    const { count } = await tx.story.updateMany({ where: { id: story.id, version: baseVersion }, data: { pending: Prisma.DbNull, version: { increment: 1 } } });
    if (count === 0) throw conflict();
    await recordStoryMedia(tx, story.id, mediaUseOf(liveContent(story)));
    await recordRevision(tx, {
      storyId: story.id,
      actor,
      kind: "RESTORE",
      status: story.status,
      summary: "Discarded the pending update",
      content: liveContent(story),
    });
    return saved(await tx.story.findUniqueOrThrow({ where: { id: story.id }, select: SAVED }));
  });
}

/**
 * Make an old revision the story's content again (for a published story: its
 * pending update). That is a new revision; nothing is destroyed. Credits of
 * people who no longer exist are left out.
 */
export async function restoreRevision({ actor, storyId, baseVersion, number }: { actor: TActor | null; storyId: string; baseVersion: number; number: number }) {
  requireUserActor(actor);
  return inSlugTransaction(async (tx) => {
    const story = await loadForEdit(tx, actor, storyId);
    const revision = await tx.storyRevision.findUnique({ where: { storyId_number: { storyId, number } }, select: { content: true } });
    if (!revision) throw new AppError("NOT_FOUND", `There is no revision ${number} of this story.`);
    const old = revision.content as unknown as TContent;
    const people = new Set((await tx.person.findMany({ where: { id: { in: old.credits.map((c) => c.personId) } }, select: { id: true } })).map((p) => p.id));
    const sectionId = await checkSection(tx, old.sectionId).catch(() => null);
    const content: TContent = {
      ...old,
      body: validateRichText(old.body),
      sectionId,
      slug: await allocateSlug(tx, "story", old.slug, story.id),
      credits: old.credits.filter((c) => people.has(c.personId)),
    };
    return saved(await writeContent(tx, { actor, story, baseVersion, content, kind: "RESTORE", summary: `Restored revision ${number}` }));
  });
}
