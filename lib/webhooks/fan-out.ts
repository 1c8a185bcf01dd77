import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { TConsumer, TEvent } from "@/lib/events/stream";
import { isPublicStory } from "@/lib/api/access";
import { absoluteUrl } from "@/lib/site";
import type { TStoryFacts } from "@/lib/stories/facts";
import { isWebhookEventType, type TWebhookPayload } from "./payload";

/**
 * From the outbox to deliveries, once. Every process hears every event
 * (lib/events/stream.ts), and every process runs this consumer; the work is
 * done once because it happens under a row lock on the consumer's cursor
 * ("EventCursor" row "webhooks"): the first process to take the lock queues a
 * delivery per event per endpoint that asked for its type and moves the cursor;
 * the others, waiting on the lock, then find nothing past it. Deliveries are
 * unique per (endpoint, event) as well. Sending is lib/webhooks/deliver.ts.
 */
export const FAN_OUT = "webhooks";

type Tx = Prisma.TransactionClient;

/** The cursor row, made at the newest event the first time: endpoints hear what happens after they exist. */
export async function fanOutCursor(): Promise<string> {
  await prisma.$executeRaw`
    INSERT INTO "EventCursor" (name, "eventId", "updatedAt") SELECT ${FAN_OUT}, coalesce(max(id), 0), now() FROM "Event"
    ON CONFLICT (name) DO NOTHING`;
  const row = await prisma.eventCursor.findUniqueOrThrow({ where: { name: FAN_OUT } });
  return String(row.eventId);
}

async function dataOf(tx: Tx, e: TEvent): Promise<TWebhookPayload["data"]> {
  const [kind, id = ""] = e.subject.split(":");
  if (kind === "story") {
    const found = await tx.story.findUnique({ where: { id }, select: { slug: true, headline: true, status: true, embargoUntil: true } });
    // Read now, which may be a while after the event (a catch-up): what the story says goes out only if it is public now.
    const story = found && isPublicStory(found) ? found : null;
    const before = (e.payload as { before?: TStoryFacts | null } | null)?.before;
    const slug = story?.slug ?? before?.slugs[0];
    return {
      event: e.id,
      id,
      ...(slug ? { slug, url: absoluteUrl(`/stories/${slug}`) } : {}),
      ...(story ? { headline: story.headline } : {}),
      ...(e.type !== "story.unpublished" ? { api: absoluteUrl(`/api/v1/stories/${id}`) } : {}),
    };
  }
  if (kind === "person") {
    const person = await tx.person.findUnique({ where: { id }, select: { slug: true, name: true } });
    return {
      event: e.id,
      id,
      ...(person ? { name: person.name, slug: person.slug, url: absoluteUrl(`/people/${person.slug}`), api: absoluteUrl(`/api/v1/people/${id}`) } : {}),
    };
  }
  if (kind === "media") return { event: e.id, id };
  return { event: e.id };
}

/** Queue deliveries for these events (those past the shared cursor); the number queued. */
export async function fanOut(events: TEvent[]): Promise<number> {
  if (!events.length) return 0;
  return prisma.$transaction(
    async (tx) => {
      const [cursor] = await tx.$queryRaw<{ eventId: bigint }[]>`SELECT "eventId" FROM "EventCursor" WHERE name = ${FAN_OUT} FOR UPDATE`;
      const done = cursor?.eventId ?? 0n;
      const fresh = events.filter((e) => BigInt(e.id) > done);
      if (!fresh.length) return 0;
      const wanted = fresh.filter((e) => isWebhookEventType(e.type));
      const hooks = wanted.length
        ? await tx.webhook.findMany({
            where: { active: true, events: { hasSome: [...new Set(wanted.map((e) => e.type))] } },
            select: { id: true, events: true },
          })
        : [];
      const rows: Prisma.WebhookDeliveryCreateManyInput[] = [];
      const now = new Date();
      for (const e of wanted) {
        const to = hooks.filter((h) => h.events.includes(e.type));
        if (!to.length) continue;
        const payload: TWebhookPayload = { type: e.type as TWebhookPayload["type"], timestamp: new Date(e.createdAt).toISOString(), data: await dataOf(tx, e) };
        const body = JSON.stringify(payload);
        for (const h of to)
          rows.push({ id: `msg_${randomBytes(16).toString("base64url")}`, webhookId: h.id, eventId: BigInt(e.id), type: e.type, body, nextAttemptAt: now });
      }
      if (rows.length) await tx.webhookDelivery.createMany({ data: rows, skipDuplicates: true });
      await tx.eventCursor.update({ where: { name: FAN_OUT }, data: { eventId: BigInt(fresh.at(-1)!.id) } });
      return rows.length;
    },
    { timeout: 30_000 },
  );
}

/** The event stream's consumer: fan out, then wake this process's sender. */
export function webhookFanOutConsumer(wake: () => void): TConsumer {
  return {
    name: FAN_OUT,
    start: fanOutCursor,
    async apply(events) {
      if ((await fanOut(events)) > 0) wake();
    },
  };
}
