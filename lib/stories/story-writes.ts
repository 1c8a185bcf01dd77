import "server-only";
import { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { mediaUseOf, requireAltText } from "@/lib/media/mutations";
import { plainText } from "@/lib/richtext/text";
import { EMPTY_DOC } from "@/lib/richtext/types";
import { validateRichText } from "@/lib/richtext/validate";
import { withSlugRetry } from "@/lib/slugs";
import { loadEditableStory, loadVisibleStory } from "./access";
import type { TContent } from "./content";
import { ZStoryFields, type TStoryFields } from "./schemas";
import { tagSlug } from "./tags";

/**
 * What every write to a story shares (lib/stories/mutations.ts edits the words,
 * lib/stories/transitions.ts moves it through the workflow): the rows they load
 * and return, the checks, and the column and credit writes.
 */

export type Tx = Prisma.TransactionClient;

/** What a save or a change of state returns to the editor. */
export const SAVED = {
  id: true,
  slug: true,
  version: true,
  status: true,
  updatedAt: true,
  pending: true,
  scheduledAt: true,
  unpublishAt: true,
  embargoUntil: true,
  deskNote: true,
  notice: true,
} as const;
export type TSavedRow = Prisma.StoryGetPayload<{ select: typeof SAVED }>;
export const saved = ({ pending, ...row }: TSavedRow) => ({ ...row, hasPending: pending !== null });
export type TSavedStory = ReturnType<typeof saved>;

export function requireUserActor(actor: TActor | null): asserts actor is TActor {
  if (!actor) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again; your work on this page is kept.");
}

export function parseFields(data: TStoryFields) {
  const parsed = ZStoryFields.safeParse(data);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Some fields need attention.", z.flattenError(parsed.error).fieldErrors);
  // A validated body is plain JSON: objects, arrays, strings and numbers.
  return { ...parsed.data, body: validateRichText(parsed.data.body ?? EMPTY_DOC) };
}

export async function checkSection(tx: Tx, sectionId: string | null | undefined) {
  if (!sectionId) return null;
  const section = await tx.section.findUnique({ where: { id: sectionId }, select: { id: true } });
  if (!section) throw new AppError("INVALID_INPUT", "That section does not exist.", { sectionId: ["Choose a section from the list."] });
  return section.id;
}

/** A write that may allocate a story slug: one transaction, run again with the next suffix when a racer took the slug. */
export const inSlugTransaction = <T>(write: (tx: Tx) => Promise<T>) => withSlugRetry("story", () => prisma.$transaction(write));

export const STORY_FOR_WRITE = {
  id: true,
  slug: true,
  status: true,
  version: true,
  createdById: true,
  firstPublishedAt: true,
  publishedAt: true,
  headline: true,
  dek: true,
  dateline: true,
  sectionId: true,
  leadMediaId: true,
  leadCaption: true,
  tags: true,
  body: true,
  pending: true,
  embargoUntil: true,
  scheduledAt: true,
  unpublishAt: true,
  credits: { orderBy: { position: "asc" }, select: { personId: true, role: true, location: true, override: true } },
} as const satisfies Prisma.StorySelect;
export type TStoryForWrite = Prisma.StoryGetPayload<{ select: typeof STORY_FOR_WRITE }>;

/** A story for a change of state: one the actor may see (lib/stories/access.ts), or NOT_FOUND. */
export const loadForActor = (tx: Tx, actor: TActor, storyId: string): Promise<TStoryForWrite> =>
  loadVisibleStory({ db: tx, actor, storyId, query: { select: STORY_FOR_WRITE } });

/** A story for a change of its words: one the actor may see and edit, or NOT_FOUND / FORBIDDEN. */
export const loadForEdit = (tx: Tx, actor: TActor, storyId: string): Promise<TStoryForWrite> =>
  loadEditableStory({ db: tx, actor, storyId, select: STORY_FOR_WRITE });

export function conflict(): AppError {
  return new AppError("CONFLICT", "Someone else saved this story while you were editing it. Your text is kept; compare and choose what to keep.");
}

/** The columns that hold content (for a published story: what readers see). */
export function contentColumns(c: TContent) {
  return {
    headline: c.headline,
    dek: c.dek ?? null,
    dateline: c.dateline ?? null,
    slug: c.slug,
    body: c.body as unknown as Prisma.InputJsonObject,
    sectionId: c.sectionId ?? null,
    leadMediaId: c.leadMediaId ?? null,
    leadCaption: c.leadMediaId ? (c.leadCaption ?? null) : null,
    tags: c.tags ?? [],
    tagSlugs: (c.tags ?? []).map(tagSlug),
  };
}

/** Replace the credit rows with a content's credits (publishing an update, unpublishing with one pending). */
export async function writeCredits(tx: Tx, storyId: string, credits: TContent["credits"]) {
  await tx.storyCredit.deleteMany({ where: { storyId } });
  await tx.storyCredit.createMany({
    data: credits.map((c, position) => ({ storyId, personId: c.personId, role: c.role as never, position, location: c.location, override: c.override })),
  });
}

/** Keep a changed slug of a once-published story answering with a redirect. */
export async function keepOldSlug(tx: Tx, story: { id: string; slug: string; firstPublishedAt: Date | null }, nextSlug: string) {
  if (nextSlug === story.slug) return;
  if (story.firstPublishedAt) await tx.storySlug.upsert({ where: { slug: story.slug }, create: { slug: story.slug, storyId: story.id }, update: {} });
  await tx.storySlug.deleteMany({ where: { slug: nextSlug, storyId: story.id } });
}

/** What a story needs before readers may see it: headline, text, a byline, alt text on every image. */
export async function requirePublishable(tx: Tx, content: TContent) {
  if (!content.headline.trim())
    throw new AppError("INVALID_INPUT", "Give the story a headline before publishing.", { headline: ["A published story needs a headline."] });
  if (!plainText(content.body).trim()) throw new AppError("INVALID_INPUT", "The story has no text yet.", { body: ["Write the story before publishing it."] });
  if (!content.credits.some((c) => c.role === "BYLINE")) {
    throw new AppError("INVALID_INPUT", "Add at least one byline in Credits before publishing: readers need to know who wrote the story.", {
      credits: ["Add a byline."],
    });
  }
  await requireAltText(tx, mediaUseOf(content));
}
