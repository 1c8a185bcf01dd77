import "server-only";
import { recordAudit } from "@/lib/audit/audit";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { changingStory } from "@/lib/changes";
import { config } from "@/lib/config/config";
import { prisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { workingContent } from "./content";
import { STORY_FOR_WRITE } from "./mutations";
import type { Tx, TStoryForWrite } from "./story-writes";
import { publishInTx } from "./transitions";
import { recordRevision } from "./revisions";

export type TSchedulerRun = { published: string[]; failed: string[]; unpublished: string[] };

/**
 * Publish every story whose time has come, and take down every story due to
 * come down. Each story is claimed with `FOR UPDATE SKIP LOCKED` in its own
 * transaction and only while it is still in the state that made it due, so
 * several app processes running this at once act on each story exactly once.
 * A story that can no longer be published (say, an image lost its alt text)
 * goes back to IN_REVIEW with a notice for the newsroom.
 */
export async function runScheduledTransitions(now = new Date()): Promise<TSchedulerRun> {
  const run: TSchedulerRun = { published: [], failed: [], unpublished: [] };
  for (;;) {
    const outcome = await prisma.$transaction(async (tx) => {
      const [due] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Story" WHERE status = 'SCHEDULED' AND "scheduledAt" <= ${now}
        ORDER BY "scheduledAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!due) return null;
      const story = await tx.story.findUniqueOrThrow({ where: { id: due.id }, select: STORY_FOR_WRITE });
      // Recorded in the same transaction: the event stands or falls with the publish.
      await changingStory(tx, story.id, () => publishOrReturn(tx, story, now, run));
      return story.id;
    });
    if (!outcome) break;
  }
  for (;;) {
    const outcome = await prisma.$transaction(async (tx) => {
      const [due] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Story" WHERE status = 'PUBLISHED' AND "unpublishAt" <= ${now}
        ORDER BY "unpublishAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!due) return null;
      await changingStory(tx, due.id, () => takeDownAsScheduled(tx, due.id, run));
      return due.id;
    });
    if (!outcome) break;
  }
  return run;
}

/** A scheduled story's time has come: publish it, or send it back to review with a notice when it can no longer be published. */
async function publishOrReturn(tx: Tx, story: TStoryForWrite, now: Date, run: TSchedulerRun) {
  try {
    await publishInTx(tx, SYSTEM_ACTOR, story, { now, scheduled: true });
    run.published.push(story.id);
  } catch (err) {
    if (!isAppError(err)) throw err;
    // The checks run before any write, so the transaction is still good for this.
    const notice = `Scheduled publishing for ${story.scheduledAt?.toISOString()} failed: ${err.message} The story is back in review.`;
    const after = await tx.story.update({
      where: { id: story.id },
      data: { status: "IN_REVIEW", scheduledAt: null, notice, version: { increment: 1 } },
      select: STORY_FOR_WRITE,
    });
    await recordRevision(tx, {
      storyId: story.id,
      actor: SYSTEM_ACTOR,
      kind: "STATUS",
      status: "IN_REVIEW",
      summary: "Scheduled publishing failed",
      content: workingContent(after),
    });
    await recordAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: "story.schedule-failed",
      storyId: story.id,
      details: { headline: story.headline, reason: err.message },
    });
    run.failed.push(story.id);
  }
}

/** A published story's take-down time has come. */
async function takeDownAsScheduled(tx: Tx, storyId: string, run: TSchedulerRun) {
  const after = await tx.story.update({
    where: { id: storyId },
    data: { status: "UNPUBLISHED", unpublishAt: null, version: { increment: 1 } },
    select: STORY_FOR_WRITE,
  });
  await recordRevision(tx, {
    storyId,
    actor: SYSTEM_ACTOR,
    kind: "STATUS",
    status: "UNPUBLISHED",
    summary: "Unpublished as scheduled",
    content: workingContent(after),
  });
  await recordAudit(tx, { actor: SYSTEM_ACTOR, action: "story.unpublish-scheduled", storyId, details: { headline: after.headline } });
  run.unpublished.push(storyId);
}

let timer: ReturnType<typeof setTimeout> | null = null;

/**
 * Run the scheduler now (so anything due while the app was down goes out at
 * start-up) and then every NEWSROOM_SCHEDULER_INTERVAL_MS (default 10 s, well
 * inside the promised 30 s). One loop per process; NEWSROOM_SCHEDULER=off turns it off.
 */
export function startScheduler(): void {
  if (timer || !config("NEWSROOM_SCHEDULER")) return;
  const interval = config("NEWSROOM_SCHEDULER_INTERVAL_MS");
  const tick = async () => {
    try {
      const run = await runScheduledTransitions();
      const total = run.published.length + run.failed.length + run.unpublished.length;
      if (total) {
        console.log(`[scheduler] published ${run.published.length}, failed ${run.failed.length}, unpublished ${run.unpublished.length}`);
      }
    } catch (err) {
      console.error("[scheduler] run failed; trying again at the next tick:", err);
    } finally {
      timer = setTimeout(tick, interval);
      timer.unref?.();
    }
  };
  timer = setTimeout(tick, 0);
}
