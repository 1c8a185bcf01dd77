import "server-only";
import { recordAudit, type TAuditAction } from "@/lib/audit/audit";
import type { TActor } from "@/lib/auth/actor";
import { changingStory } from "@/lib/changes";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { mediaUseOf, recordStoryMedia } from "@/lib/media/mutations";
import { workingContent, type TContent } from "./content";
import { allocateSlug } from "@/lib/slugs";
import { recordRevision } from "./revisions";
import {
  conflict,
  contentColumns,
  inSlugTransaction,
  keepOldSlug,
  loadForActor,
  loadForEdit,
  requirePublishable,
  requireUserActor,
  SAVED,
  saved,
  STORY_FOR_WRITE,
  writeCredits,
  type TStoryForWrite,
  type Tx,
} from "./story-writes";
import { checkTransition, type TAction } from "./workflow";

/** A story's moves through the workflow (lib/stories/workflow.ts decides which are allowed): submit, publish, schedule, unpublish, archive, the embargo. */

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
  return inSlugTransaction((tx) =>
    changingStory(tx, storyId, async () => {
      const story = await loadForActor(tx, actor, storyId);
      const verdict = checkTransition(actor, { ...story, status: story.status }, action, { now, at, note });
      if (!verdict.ok)
        throw new AppError(action === "schedule" || action === "scheduleUnpublish" || action === "return" ? "INVALID_INPUT" : "FORBIDDEN", verdict.reason, {
          workflow: [verdict.reason],
        });
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
      await recordRevision(tx, {
        storyId: story.id,
        actor,
        kind: "STATUS",
        status: after.status,
        summary: `${SUMMARY[action]}${action.startsWith("schedule") ? when : ""}`,
        content: workingContent(after),
      });
      const audit = AUDITED[action];
      if (audit)
        await recordAudit(tx, { actor, action: audit, storyId: story.id, details: { headline: after.headline, ...(at ? { at: at.toISOString() } : {}) } });
      return saved(after);
    }),
  );
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
export async function publishInTx(
  tx: Tx,
  actor: TActor,
  story: TStoryForWrite,
  { now, version, scheduled = false }: { now: Date; version?: number; scheduled?: boolean },
) {
  const wasLive = story.status === "PUBLISHED";
  if (wasLive && !story.pending) throw new AppError("INVALID_INPUT", "This story is live and has no unpublished changes to publish.");
  const content = workingContent(story);
  await requirePublishable(tx, content);
  const slug = content.slug === story.slug ? story.slug : await allocateSlug(tx, "story", content.slug, story.id);
  const where: Prisma.StoryWhereInput =
    version !== undefined ? { id: story.id, version } : { id: story.id, status: story.status, scheduledAt: story.scheduledAt };
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
  await recordAudit(tx, {
    actor,
    action: scheduled ? "story.publish-scheduled" : wasLive ? "story.publish-update" : "story.publish",
    storyId: story.id,
    details: { headline: content.headline },
  });
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

/**
 * Set or lift an embargo. Until it passes the story cannot be published, nor
 * scheduled before it; a story already live cannot be put under embargo.
 */
export async function setEmbargo({ actor, storyId, baseVersion, until }: { actor: TActor | null; storyId: string; baseVersion: number; until: Date | null }) {
  requireUserActor(actor);
  const now = new Date();
  return prisma.$transaction((tx) =>
    changingStory(tx, storyId, async () => {
      const story = await loadForEdit(tx, actor, storyId);
      if (until && Number.isNaN(until.getTime()))
        throw new AppError("INVALID_INPUT", "Choose a date and time for the embargo.", { embargoUntil: ["Choose a date and time."] });
      if (until && until > now && story.status === "PUBLISHED")
        throw new AppError("INVALID_INPUT", "This story is already live. Unpublish it first if it must not be public until then.");
      if (until && story.status === "SCHEDULED" && story.scheduledAt && story.scheduledAt < until) {
        throw new AppError(
          "INVALID_INPUT",
          `This story is scheduled for ${story.scheduledAt.toISOString()}, before the embargo. Reschedule it for the embargo time or later first.`,
        );
      }
      const { count } = await tx.story.updateMany({ where: { id: story.id, version: baseVersion }, data: { embargoUntil: until, version: { increment: 1 } } });
      if (count === 0) throw conflict();
      const after = await tx.story.findUniqueOrThrow({ where: { id: story.id }, select: { ...STORY_FOR_WRITE, ...SAVED } });
      await recordRevision(tx, {
        storyId: story.id,
        actor,
        kind: "STATUS",
        status: after.status,
        summary: until ? `Embargoed until ${until.toISOString()}` : "Embargo lifted",
        content: workingContent(after),
      });
      await recordAudit(tx, {
        actor,
        action: until ? "story.embargo" : "story.embargo-lifted",
        storyId: story.id,
        details: { headline: after.headline, ...(until ? { until: until.toISOString() } : {}) },
      });
      return saved(after);
    }),
  );
}
