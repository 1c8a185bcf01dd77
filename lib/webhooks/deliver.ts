import "server-only";
import { recordAudit } from "@/lib/audit/audit";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { sendWebhook, type TSendResult } from "./send";

/**
 * Sending deliveries: any process may, each delivery claimed by one at a time.
 * A claim marks due rows (PENDING, due, not held, endpoint switched on) as held
 * for a minute with FOR UPDATE SKIP LOCKED, so two processes never take the same
 * row; a process that dies holding one lets go when the minute is up.
 *
 * Retries follow Standard Webhooks' schedule: at once, then 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h and 10 h after each failure — eight tries over about 27 hours —
 * then the delivery is FAILED (an admin can send it again). An endpoint whose
 * every attempt has failed for a day is switched off, with the reason shown to
 * admins; switching it on again sends the deliveries still waiting (nothing is
 * queued for an endpoint while it is off).
 */
export const RETRY_SCHEDULE_MS = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];
/** Every attempt failing for this long switches the endpoint off. */
export const DISABLE_AFTER_MS = 24 * 3600_000;
const HOLD_MS = 60_000;
const BATCH = 10;

type TClaimed = { id: string; body: string; attempts: number; type: string; webhookId: string; url: string; secret: string };

/** Take up to `limit` due deliveries for this process. */
export async function claimDue(now = new Date(), limit = BATCH): Promise<TClaimed[]> {
  return prisma.$queryRaw<TClaimed[]>`
    UPDATE "WebhookDelivery" d SET "lockedUntil" = ${new Date(now.getTime() + HOLD_MS)}, attempts = d.attempts + 1
    FROM "Webhook" w
    WHERE w.id = d."webhookId" AND d.id IN (
      SELECT d2.id FROM "WebhookDelivery" d2 JOIN "Webhook" w2 ON w2.id = d2."webhookId"
      WHERE d2.status = 'PENDING' AND d2."nextAttemptAt" <= ${now} AND (d2."lockedUntil" IS NULL OR d2."lockedUntil" < ${now}) AND w2.active
      ORDER BY d2."nextAttemptAt", d2."eventId"
      LIMIT ${limit}
      FOR UPDATE OF d2 SKIP LOCKED)
    RETURNING d.id, d.body, d.attempts, d.type, d."webhookId", w.url, w.secret`;
}

/** Record what one attempt got, and what follows from it (the next try, or giving up, or switching the endpoint off). */
export async function recordAttempt(d: { id: string; attempts: number; webhookId: string }, result: TSendResult, { now = new Date(), manual = false } = {}) {
  await prisma.$transaction(async (tx) => {
    // The endpoint's row first: attempts on one endpoint (up to a batch at once, in several processes) take turns
    // with its failure clock, so a failure cannot write back a clock a success has just stopped.
    await tx.$queryRaw`SELECT id FROM "Webhook" WHERE id = ${d.webhookId} FOR UPDATE`;
    await tx.webhookAttempt.create({
      data: { deliveryId: d.id, at: now, statusCode: result.statusCode, error: result.error, durationMs: result.durationMs, manual },
    });
    if (result.ok) {
      await tx.webhookDelivery.update({ where: { id: d.id }, data: { status: "DELIVERED", deliveredAt: now, lockedUntil: null } });
      await tx.webhook.update({ where: { id: d.webhookId }, data: { failingSince: null } });
      return;
    }
    // A manual try (the redeliver button) leaves the schedule as it was; a scheduled one moves it on or ends it.
    if (!manual) {
      const wait = RETRY_SCHEDULE_MS[d.attempts];
      // Only while still waiting: a manual redelivery may have got it through meanwhile.
      await tx.webhookDelivery.updateMany({
        where: { id: d.id, status: "PENDING" },
        data: wait === undefined ? { status: "FAILED", lockedUntil: null } : { nextAttemptAt: new Date(now.getTime() + wait), lockedUntil: null },
      });
    }
    const hook = await tx.webhook.findUniqueOrThrow({ where: { id: d.webhookId }, select: { url: true, active: true, failingSince: true } });
    const since = hook.failingSince ?? now;
    const off = hook.active && now.getTime() - since.getTime() >= DISABLE_AFTER_MS;
    const at = (t: Date) => `${t.toISOString().slice(0, 16).replace("T", " ")} UTC`;
    const why = `Switched off ${at(now)}: every delivery since ${at(since)} failed (last: ${result.statusCode ? `HTTP ${result.statusCode}` : result.error}). Fix the receiver, then switch it on: the deliveries still waiting will be sent (events while it is off are not queued for it).`;
    await tx.webhook.update({
      where: { id: d.webhookId },
      data: { failingSince: since, ...(off ? { active: false, disabledAt: now, disabledReason: why } : {}) },
    });
    if (off) await recordAudit(tx, { actor: SYSTEM_ACTOR, action: "webhook.auto-disable", details: { url: hook.url, reason: why } });
  });
}

/** Claim what is due and send it (several at once); the number attempted. */
export async function deliverDue({ now = () => new Date(), limit = BATCH }: { now?: () => Date; limit?: number } = {}): Promise<number> {
  const claimed = await claimDue(now(), limit);
  await Promise.all(
    claimed.map(async (d) => {
      const result = await sendWebhook({ url: d.url, secret: d.secret, id: d.id, body: d.body, now: now() });
      await recordAttempt(d, result, { now: now() });
    }),
  );
  return claimed.length;
}

const POLL_MS = 1_000;

/**
 * This process's sender: woken when its fan-out queued something, and every
 * second for retries that came due (one indexed query). Several processes run
 * one each; SKIP LOCKED shares the work.
 */
export function startWebhookSender(): { wake(): void; stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          // Keep going while there is a full batch waiting.
          while (!stopped && (await deliverDue()) === BATCH);
          failures = 0;
        } catch (err) {
          if (failures++ % 30 === 0) console.error("[webhooks] sending deliveries failed:", (err as Error).message ?? err);
        }
      } while (again && !stopped);
    })().finally(() => (running = null));
  };
  const timer = setInterval(run, POLL_MS);
  timer.unref?.();
  run();
  return {
    wake: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
