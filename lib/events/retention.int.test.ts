import { describe, expect, it } from "vitest";
import { withOwnDatabase } from "@/testing/own-database";

/**
 * What is kept and for how long (lib/events/retention.ts), in a database of its
 * own (the cursors are the whole database's). Old rows are made by dating them
 * back; an event a shared cursor has not passed is kept however old.
 */
withOwnDatabase("retention");
const DAY = 86400_000;

describe("retention", () => {
  it("forgets old events past every cursor, deliveries after 30 days and key use after 90", async () => {
    const { prisma } = await import("@/lib/db/client");
    const { createApiKey } = await import("@/lib/api-keys/keys");
    const { actorOf, makeUser } = await import("@/testing/factories");
    const { DELIVERY_DAYS, EVENT_DAYS, pruneOldRecords } = await import("./retention");
    const ago = (days: number) => new Date(Date.now() - days * DAY);

    const admin = actorOf(await makeUser({ role: "ADMIN" }));
    const { key } = await createApiKey({ actor: admin, data: { name: "retention", scopes: ["content"] } });
    await prisma.apiKeyUsage.createMany({
      data: [
        { keyId: key.id, minute: ago(91), requests: 3 },
        { keyId: key.id, minute: ago(89), requests: 4 },
      ],
    });
    const hook = await prisma.webhook.create({ data: { url: "https://example.com/h", events: ["story.published"], secret: "whsec_x" } });
    const event = (days: number, subject: string) =>
      prisma.event.create({ data: { type: "story.published", subject, labels: [], createdAt: ago(days) }, select: { id: true } });
    const delivery = async (days: number, status: "DELIVERED" | "FAILED" | "PENDING") => {
      const e = await event(0, `story:d-${days}-${status}`);
      return prisma.webhookDelivery.create({
        data: { id: `msg_${e.id}`, webhookId: hook.id, eventId: e.id, type: "story.published", body: "{}", status, createdAt: ago(days) },
      });
    };
    const [oldDone, oldFailed, oldPending, recent] = [
      await delivery(DELIVERY_DAYS + 1, "DELIVERED"),
      await delivery(DELIVERY_DAYS + 1, "FAILED"),
      await delivery(DELIVERY_DAYS + 1, "PENDING"),
      await delivery(DELIVERY_DAYS - 1, "DELIVERED"),
    ];
    const oldA = await event(EVENT_DAYS + 2, "story:a");
    const oldB = await event(EVENT_DAYS + 1, "story:b");
    const young = await event(EVENT_DAYS - 1, "story:c");
    // A consumer (webhook fan-out, say) has handled up to oldA but not oldB.
    await prisma.eventCursor.create({ data: { name: "a-consumer", eventId: oldA.id } });

    const first = await pruneOldRecords();
    const left = async () =>
      (await prisma.event.findMany({ where: { id: { in: [oldA.id, oldB.id, young.id] } }, select: { id: true }, orderBy: { id: "asc" } })).map((e) => e.id);
    expect(await left()).toEqual([oldB.id, young.id]);
    expect(first.events).toBe(1);
    const deliveries = (await prisma.webhookDelivery.findMany({ select: { id: true } })).map((d) => d.id).sort();
    expect(deliveries).toEqual([recent.id]);
    expect(deliveries).not.toContain(oldPending.id);
    expect(deliveries).not.toContain(oldDone.id);
    expect(deliveries).not.toContain(oldFailed.id);
    expect((await prisma.apiKeyUsage.findMany({ where: { keyId: key.id } })).map((u) => u.requests)).toEqual([4]);

    // Once the consumer moves past it, the old event goes too; the young one stays.
    await prisma.eventCursor.update({ where: { name: "a-consumer" }, data: { eventId: young.id } });
    await pruneOldRecords();
    expect(await left()).toEqual([young.id]);
  });
});
