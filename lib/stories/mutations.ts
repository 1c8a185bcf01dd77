import "server-only";
import { z } from "zod";
import { recordAudit, type TAuditAction } from "@/lib/audit/audit";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { Prisma, type RevisionKind } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { checkStoryMedia, mediaUseOf, recordStoryMedia, requireAltText } from "@/lib/media/mutations";
import { plainText } from "@/lib/richtext/text";
import { EMPTY_DOC } from "@/lib/richtext/types";
import { validateRichText } from "@/lib/richtext/validate";
import { liveContent, workingContent, type TContent } from "./content";
import { loadEditableStory, loadVisibleStory } from "./access";
import { recordRevision } from "./revisions";
import { ZStoryFields, type TStoryFields } from "./schemas";
import { allocateSlug, withSlugRetry } from "@/lib/slugs";
import { slugify } from "./slug";
import { tagSlug } from "./tags";
import { checkTransition, type TAction } from "./workflow";
import { changingStory } from "@/lib/changes";

type Tx = Prisma.TransactionClient;

/** What a save or a change of state returns to the editor. */
const SAVED = { id: true, slug: true, version: true, status: true, updatedAt: true, pending: true, scheduledAt: true, unpublishAt: true, embargoUntil: true, deskNote: true, notice: true } as const;
type TSavedRow = Prisma.StoryGetPayload<{ select: typeof SAVED }>;
const saved = ({ pending, ...row }: TSavedRow) => ({ ...row, hasPending: pending !== null });
export type TSavedStory = ReturnType<typeof saved>;

function requireUserActor(actor: TActor | null): asserts actor is TActor {
  if (!actor) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again; your work on this page is kept.");
}

function parseFields(data: TStoryFields) {
  const parsed = ZStoryFields.safeParse(data);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Some fields need attention.", z.flattenError(parsed.error).fieldErrors);
  // A validated body is plain JSON: objects, arrays, strings and numbers.
  return { ...parsed.data, body: validateRichText(parsed.data.body ?? EMPTY_DOC) };
}

async function checkSection(tx: Tx, sectionId: string | null | undefined) {
  if (!sectionId) return null;
  const section = await tx.section.findUnique({ where: { id: sectionId }, select: { id: true } });
  if (!section) throw new AppError("INVALID_INPUT", "That section does not exist.", { sectionId: ["Choose a section from the list."] });
  return section.id;
}

/** A write that may allocate a story slug: one transaction, run again with the next suffix when a racer took the slug. */
const inSlugTransaction = <T>(write: (tx: Tx) => Promise<T>) => withSlugRetry("story", () => prisma.$transaction(write));

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
type TStoryForWrite = Prisma.StoryGetPayload<{ select: typeof STORY_FOR_WRITE }>;

/** A story for a change of state: one the actor may see (lib/stories/access.ts), or NOT_FOUND. */
const loadForActor = (tx: Tx, actor: TActor, storyId: string): Promise<TStoryForWrite> => loadVisibleStory({ db: tx, actor, storyId, query: { select: STORY_FOR_WRITE } });

/** A story for a change of its words: one the actor may see and edit, or NOT_FOUND / FORBIDDEN. */
const loadForEdit = (tx: Tx, actor: TActor, storyId: string): Promise<TStoryForWrite> => loadEditableStory({ db: tx, actor, storyId, select: STORY_FOR_WRITE });

function conflict(): AppError {
  return new AppError("CONFLICT", "Someone else saved this story while you were editing it. Your text is kept; compare and choose what to keep.");
}

/** The columns that hold content (for a published story: what readers see). */
function contentColumns(c: TContent) {
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
async function writeCredits(tx: Tx, storyId: string, credits: TContent["credits"]) {
  await tx.storyCredit.deleteMany({ where: { storyId } });
  await tx.storyCredit.createMany({
    data: credits.map((c, position) => ({ storyId, personId: c.personId, role: c.role as never, position, location: c.location, override: c.override })),
  });
}

/** Keep a changed slug of a once-published story answering with a redirect. */
async function keepOldSlug(tx: Tx, story: { id: string; slug: string; firstPublishedAt: Date | null }, nextSlug: string) {
  if (nextSlug === story.slug) return;
  if (story.firstPublishedAt) await tx.storySlug.upsert({ where: { slug: story.slug }, create: { slug: story.slug, storyId: story.id }, update: {} });
  await tx.storySlug.deleteMany({ where: { slug: nextSlug, storyId: story.id } });
}

/** Create a draft. Any signed-in member of the newsroom may. */
export async function createStory({ actor, data }: { actor: TActor | null; data: TStoryFields }) {
  requireUserActor(actor);
  if (actor.kind !== "user") throw new AppError("FORBIDDEN", "Stories are created by newsroom accounts.");
  const fields = parseFields(data);
  return inSlugTransaction(async (tx) => {
    const sectionId = await checkSection(tx, fields.sectionId);
    const slug = await allocateSlug(tx, "story", fields.slug || slugify(fields.headline), null);
    const content: TContent = { ...fields, slug, sectionId, leadMediaId: fields.leadMediaId ?? null, leadCaption: fields.leadCaption ?? null, dek: fields.dek ?? null, dateline: fields.dateline ?? null, tags: fields.tags, credits: [] };
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
  { actor, story, baseVersion, content, kind, summary }: { actor: TActor; story: TStoryForWrite; baseVersion: number; content: TContent; kind: RevisionKind; summary?: string },
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
export async function saveStoryCredits(tx: Tx, { actor, story, baseVersion, credits }: { actor: TActor; story: TStoryForWrite; baseVersion: number; credits: TContent["credits"] }) {
  const live = story.status === "PUBLISHED";
  try {
    const row = await writeContent(tx, { actor, story, baseVersion, content: { ...workingContent(story), credits }, kind: "CREDITS", summary: live ? "Credits (pending update)" : "Credits" });
    return { id: row.id, version: row.version };
  } catch (err) {
    if (err instanceof AppError && err.code === "CONFLICT") throw new AppError("CONFLICT", "Someone else saved this story while you were editing it. Reload the credits and apply your change again.");
    throw err;
  }
}

/** Load a story for a credits change: the checks every content change makes. */
export async function loadForCredits(tx: Tx, actor: TActor, storyId: string) {
  return loadForEdit(tx, actor, storyId);
}

/** What a story needs before readers may see it: headline, text, a byline, alt text on every image. */
async function requirePublishable(tx: Tx, content: TContent) {
  if (!content.headline.trim()) throw new AppError("INVALID_INPUT", "Give the story a headline before publishing.", { headline: ["A published story needs a headline."] });
  if (!plainText(content.body).trim()) throw new AppError("INVALID_INPUT", "The story has no text yet.", { body: ["Write the story before publishing it."] });
  if (!content.credits.some((c) => c.role === "BYLINE")) {
    throw new AppError("INVALID_INPUT", "Add at least one byline in Credits before publishing: readers need to know who wrote the story.", { credits: ["Add a byline."] });
  }
  await requireAltText(tx, mediaUseOf(content));
}

type TTransition = { actor: TActor | null; storyId: string; baseVersion: number; action: TAction; at?: Date | null; note?: string | null };

const AUDITED: Partial<Record<TAction, TAuditAction>> = {
  unpublish: "story.unpublish",
  schedule: "story.schedule",
  unschedule: "story.unschedule",
  scheduleUnpublish: "story.schedule-unpublish",
  cancelUnpublish: "story.cancel-unpublish",
  archive: "story.archive",
  unarchive: "story.unarchive",
};

const SUMMARY: Record<TAction, string> = {
  submit: "Submitted for review",
  withdraw: "Withdrawn from review",
  return: "Returned to the author",
  publish: "Published",
  schedule: "Scheduled",
  unschedule: "Schedule cancelled",
  unpublish: "Unpublished",
  scheduleUnpublish: "Unpublishing scheduled",
  cancelUnpublish: "Scheduled unpublishing cancelled",
  archive: "Archived",
  unarchive: "Unarchived",
};

/**
 * Move a story through the workflow (lib/stories/workflow.ts decides whether
 * the actor may), based on the version the editor saw. Publishing checks the
 * story is ready and, for a published story, makes its pending update live.
 */
export async function changeStoryState({ actor, storyId, baseVersion, action, at = null, note = null }: TTransition) {
  requireUserActor(actor);
  const now = new Date();
  return changingStory(storyId, () => inSlugTransaction(async (tx) => {
    const story = await loadForActor(tx, actor, storyId);
    const verdict = checkTransition(actor, { ...story, status: story.status }, action, { now, at, note });
    if (!verdict.ok) throw new AppError(action === "schedule" || action === "scheduleUnpublish" || action === "return" ? "INVALID_INPUT" : "FORBIDDEN", verdict.reason, { workflow: [verdict.reason] });
    if (action === "publish") return saved(await publishInTx(tx, actor, story, { now, version: baseVersion }));
    if (action === "schedule") await requirePublishable(tx, workingContent(story));

    const data: Prisma.StoryUpdateManyMutationInput = { status: verdict.to, version: { increment: 1 } };
    if (action === "submit") Object.assign(data, { deskNote: null, notice: null });
    if (action === "return") Object.assign(data, { deskNote: note!.trim().slice(0, 2000), scheduledAt: null });
    if (action === "schedule") Object.assign(data, { scheduledAt: at, notice: null });
    if (action === "unschedule" || action === "archive") data.scheduledAt = null;
    if (action === "scheduleUnpublish") data.unpublishAt = at;
    if (action === "cancelUnpublish") data.unpublishAt = null;
    if (action === "unpublish") Object.assign(data, await takeDown(tx, story));
    const { count } = await tx.story.updateMany({ where: { id: story.id, version: baseVersion }, data });
    if (count === 0) throw conflict();
    const after = await tx.story.findUniqueOrThrow({ where: { id: story.id }, select: { ...STORY_FOR_WRITE, ...SAVED } });
    const when = at ? ` for ${at.toISOString()}` : "";
    await recordRevision(tx, { storyId: story.id, actor, kind: "STATUS", status: after.status, summary: `${SUMMARY[action]}${action.startsWith("schedule") ? when : ""}`, content: workingContent(after) });
    const audit = AUDITED[action];
    if (audit) await recordAudit(tx, { actor, action: audit, storyId: story.id, details: { headline: after.headline, ...(at ? { at: at.toISOString() } : {}) } });
    return saved(after);
  }));
}

/** Taking a story down: a pending update becomes its content (it is no longer live, so nothing is hidden from readers). */
async function takeDown(tx: Tx, story: TStoryForWrite): Promise<Prisma.StoryUpdateManyMutationInput> {
  const data: Prisma.StoryUpdateManyMutationInput = { unpublishAt: null };
  if (!story.pending) return data;
  const pending = story.pending as unknown as TContent;
  await writeCredits(tx, story.id, pending.credits);
  await keepOldSlug(tx, story, pending.slug);
  await recordStoryMedia(tx, story.id, mediaUseOf(pending));
  return { ...data, ...contentColumns(pending), pending: Prisma.DbNull, contentUpdatedAt: new Date() };
}

/**
 * Publish inside a transaction: checks that the content is ready, then writes it
 * live (applying a pending update), clears schedules and notes for the author,
 * and records the revision and the audit entry. `version` guards a publish from
 * the editor; the scheduler instead requires the state it found (SCHEDULED).
 */
export async function publishInTx(tx: Tx, actor: TActor, story: TStoryForWrite, { now, version, scheduled = false }: { now: Date; version?: number; scheduled?: boolean }) {
  const wasLive = story.status === "PUBLISHED";
  if (wasLive && !story.pending) throw new AppError("INVALID_INPUT", "This story is live and has no unpublished changes to publish.");
  const content = workingContent(story);
  await requirePublishable(tx, content);
  const slug = content.slug === story.slug ? story.slug : await allocateSlug(tx, "story", content.slug, story.id);
  const where: Prisma.StoryWhereInput = version !== undefined ? { id: story.id, version } : { id: story.id, status: story.status, scheduledAt: story.scheduledAt };
  const { count } = await tx.story.updateMany({
    where,
    data: {
      ...contentColumns({ ...content, slug }),
      status: "PUBLISHED",
      pending: Prisma.DbNull,
      publishedAt: wasLive ? story.publishedAt : now,
      firstPublishedAt: story.firstPublishedAt ?? now,
      ...(wasLive ? { contentUpdatedAt: now } : {}),
      scheduledAt: null,
      deskNote: null,
      notice: null,
      version: { increment: 1 },
    },
  });
  if (count === 0) throw conflict();
  if (story.pending) await writeCredits(tx, story.id, content.credits);
  await keepOldSlug(tx, { ...story, firstPublishedAt: story.firstPublishedAt ?? now }, slug);
  await recordStoryMedia(tx, story.id, mediaUseOf(content));
  const summary = scheduled ? "Published as scheduled" : wasLive ? "Published an update" : "Published";
  await recordRevision(tx, { storyId: story.id, actor, kind: "STATUS", status: "PUBLISHED", summary, content: { ...content, slug } });
  await recordAudit(tx, { actor, action: scheduled ? "story.publish-scheduled" : wasLive ? "story.publish-update" : "story.publish", storyId: story.id, details: { headline: content.headline } });
  return tx.story.findUniqueOrThrow({ where: { id: story.id }, select: SAVED });
}

/** Publish the saved version the editor is looking at (`baseVersion`). Editors and admins. */
export async function publishStory({ actor, storyId, baseVersion }: { actor: TActor | null; storyId: string; baseVersion: number }) {
  return changeStoryState({ actor, storyId, baseVersion, action: "publish" });
}

/** Take a published story off the site. Editors and admins. */
export async function unpublishStory({ actor, storyId, baseVersion }: { actor: TActor | null; storyId: string; baseVersion: number }) {
  return changeStoryState({ actor, storyId, baseVersion, action: "unpublish" });
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
    await recordRevision(tx, { storyId: story.id, actor, kind: "RESTORE", status: story.status, summary: "Discarded the pending update", content: liveContent(story) });
    return saved(await tx.story.findUniqueOrThrow({ where: { id: story.id }, select: SAVED }));
  });
}

/**
 * Set or lift an embargo. Until it passes the story cannot be published, nor
 * scheduled before it; a story already live cannot be put under embargo.
 */
export async function setEmbargo({ actor, storyId, baseVersion, until }: { actor: TActor | null; storyId: string; baseVersion: number; until: Date | null }) {
  requireUserActor(actor);
  const now = new Date();
  return changingStory(storyId, () => prisma.$transaction(async (tx) => {
    const story = await loadForEdit(tx, actor, storyId);
    if (until && Number.isNaN(until.getTime())) throw new AppError("INVALID_INPUT", "Choose a date and time for the embargo.", { embargoUntil: ["Choose a date and time."] });
    if (until && until > now && story.status === "PUBLISHED") throw new AppError("INVALID_INPUT", "This story is already live. Unpublish it first if it must not be public until then.");
    if (until && story.status === "SCHEDULED" && story.scheduledAt && story.scheduledAt < until) {
      throw new AppError("INVALID_INPUT", `This story is scheduled for ${story.scheduledAt.toISOString()}, before the embargo. Reschedule it for the embargo time or later first.`);
    }
    const { count } = await tx.story.updateMany({ where: { id: story.id, version: baseVersion }, data: { embargoUntil: until, version: { increment: 1 } } });
    if (count === 0) throw conflict();
    const after = await tx.story.findUniqueOrThrow({ where: { id: story.id }, select: { ...STORY_FOR_WRITE, ...SAVED } });
    await recordRevision(tx, { storyId: story.id, actor, kind: "STATUS", status: after.status, summary: until ? `Embargoed until ${until.toISOString()}` : "Embargo lifted", content: workingContent(after) });
    await recordAudit(tx, { actor, action: until ? "story.embargo" : "story.embargo-lifted", storyId: story.id, details: { headline: after.headline, ...(until ? { until: until.toISOString() } : {}) } });
    return saved(after);
  }));
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
