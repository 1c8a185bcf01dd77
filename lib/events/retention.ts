import "server-only";
import { pruneApiKeyUsage } from "@/lib/api-keys/keys";
import { claimLease } from "@/lib/db/lease";
import { prisma } from "@/lib/db/client";

/**
 * What is kept, and for how long: the outbox 7 days (long enough for any
 * process or Redis to catch up after an outage; never an event a shared
 * consumer such as webhook fan-out has not passed yet), webhook deliveries and
 * their log 30 days, API key use 90 days. Once an hour, by one
 * process at a time (a lease).
 */
export const EVENT_DAYS = 7;
export const DELIVERY_DAYS = 30;
const HOUR = 3600_000;

export async function pruneOldRecords(now = new Date()) {
  const eventsBefore = new Date(now.getTime() - EVENT_DAYS * 86400_000);
  const [cursor] = await prisma.$queryRaw<{ min: bigint | null }[]>`SELECT min("eventId") AS min FROM "EventCursor"`;
  const events = await prisma.$executeRaw`
    DELETE FROM "Event" WHERE "createdAt" < ${eventsBefore} AND (${cursor?.min ?? null}::bigint IS NULL OR id <= ${cursor?.min ?? null}::bigint)`;
  // Whatever their state: a delivery still waiting after 30 days belongs to an endpoint switched off long ago.
  const deliveries = await prisma.webhookDelivery.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - DELIVERY_DAYS * 86400_000) } } });
  const usage = await pruneApiKeyUsage(now);
  return { events, deliveries: deliveries.count, usage: usage.count };
}

/** Run the pruning hourly in whichever process holds the lease. */
export function startRetention(): () => void {
  const tick = async () => {
    try {
      if (await claimLease("retention", HOUR - 1_000)) await pruneOldRecords();
    } catch (err) {
      console.error("[retention] pruning failed:", (err as Error).message ?? err);
    }
  };
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, HOUR);
  first.unref?.();
  timer.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
