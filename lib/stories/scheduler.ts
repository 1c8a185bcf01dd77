import "server-only";
import { recordAudit } from "@/lib/audit/audit";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { recordChanges } from "@/lib/changes";
import { config } from "@/lib/config/config";
import { prisma } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { workingContent } from "./content";
import { storyFacts } from "./facts";
import { STORY_FOR_WRITE } from "./mutations";
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
      return story.id;
    });
    if (!outcome) break;
    if (run.published.at(-1) === outcome) await recordPublicChange(outcome);
  }
  for (;;) {
    const outcome = await prisma.$transaction(async (tx) => {
      const [due] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Story" WHERE status = 'PUBLISHED' AND "unpublishAt" <= ${now}
        ORDER BY "unpublishAt" LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!due) return null;
      const after = await tx.story.update({
        where: { id: due.id },
        data: { status: "UNPUBLISHED", unpublishAt: null, version: { increment: 1 } },
        select: STORY_FOR_WRITE,
      });
      await recordRevision(tx, {
        storyId: due.id,
        actor: SYSTEM_ACTOR,
        kind: "STATUS",
        status: "UNPUBLISHED",
        summary: "Unpublished as scheduled",
        content: workingContent(after),
      });
      await recordAudit(tx, { actor: SYSTEM_ACTOR, action: "story.unpublish-scheduled", storyId: due.id, details: { headline: after.headline } });
      run.unpublished.push(due.id);
      return due.id;
    });
    if (!outcome) break;
    await recordPublicChange(outcome);
  }
  return run;
}

/** Each story the scheduler moved, recorded as soon as its transaction committed (a later failure in the run cannot lose it). */
async function recordPublicChange(storyId: string) {
  await recordChanges([{ kind: "story", before: null, after: await storyFacts(storyId) }]);
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
