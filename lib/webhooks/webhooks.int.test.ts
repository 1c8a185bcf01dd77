import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import type { TEvent } from "@/lib/events/stream";
import { publishStory } from "@/lib/stories/transitions";
import { actorOf, makeReadyStory, makeUser } from "@/testing/factories";
import { startReceiver } from "@/testing/webhook-receiver";
import { DISABLE_AFTER_MS, deliverDue, RETRY_SCHEDULE_MS } from "./deliver";
import { fanOut, fanOutCursor } from "./fan-out";
import { createWebhook, redeliver, setWebhookActive } from "./mutations";
import { getWebhookLog } from "./queries";

/**
 * Issue 17, item 4: from the outbox to a signed delivery. Events are fanned out
 * once however many processes try at the same moment; the sender signs as
 * Standard Webhooks says, retries on the schedule, logs every attempt, and
 * switches off an endpoint that has failed for a day. Time is moved on by
 * handing the sender a later "now". Integration test files share a database:
 * assertions here look only at this file's webhooks and stories.
 */
const receivers: { close(): Promise<void> }[] = [];
const hooks: string[] = [];
let admin: ReturnType<typeof actorOf>;
let editor: ReturnType<typeof actorOf>;
const allowPrivate = process.env.NEWSROOM_WEBHOOK_ALLOW_PRIVATE;

beforeAll(async () => {
  process.env.NEWSROOM_WEBHOOK_ALLOW_PRIVATE = "on";
  admin = actorOf(await makeUser({ role: "ADMIN" }));
  editor = actorOf(await makeUser({ role: "EDITOR" }));
  await fanOutCursor();
});
afterEach(async () => {
  process.env.NEWSROOM_WEBHOOK_ALLOW_PRIVATE = "on";
  await prisma.webhook.deleteMany({ where: { id: { in: hooks.splice(0) } } });
  while (receivers.length) await receivers.pop()!.close();
});
afterAll(() => {
  process.env.NEWSROOM_WEBHOOK_ALLOW_PRIVATE = allowPrivate;
});

async function receiver(answer?: Parameters<typeof startReceiver>[0]) {
  const r = await startReceiver(answer);
  receivers.push(r);
  return r;
}
async function hook(url: string, events: ("story.published" | "story.unpublished")[] = ["story.published"]) {
  const made = await createWebhook({ actor: admin, data: { url, events } });
  hooks.push(made.webhook.id);
  return made;
}

/** Publish a story and fan out its events (as the stream would); its "published" event. */
async function publishAndFanOut() {
  const ready = await makeReadyStory(editor, `Webhook story ${Math.random().toString(36).slice(2, 8)}`);
  const story = await publishStory({ actor: editor, storyId: ready.id, baseVersion: ready.version });
  // Only this story's events: other files' stories (published meanwhile, in the shared database) would queue
  // deliveries to this file's endpoints ahead of its own.
  const events = (await pendingEvents()).filter((e) => e.subject === `story:${story.id}`);
  await fanOut(events);
  const event = events.find((e) => e.type === "story.published")!;
  return { story, event };
}
async function pendingEvents(): Promise<TEvent[]> {
  const cursor = BigInt(await fanOutCursor());
  const rows = await prisma.event.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" } });
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}
const deliveryFor = (webhookId: string, eventId: string) =>
  prisma.webhookDelivery.findUniqueOrThrow({ where: { webhookId_eventId: { webhookId, eventId: BigInt(eventId) } } });

describe("fan-out", () => {
  it("queues one delivery per event and endpoint, however many processes fan out at once", async () => {
    const r = await receiver();
    const a = await hook(r.url);
    const b = await hook(r.url);
    const ready = await makeReadyStory(editor, "Fan-out story");
    const story = await publishStory({ actor: editor, storyId: ready.id, baseVersion: ready.version });
    const events = await pendingEvents();
    // Three processes hear the same events at the same moment.
    const queued = await Promise.all([fanOut(events), fanOut(events), fanOut(events)]);
    expect(queued.filter((n) => n > 0)).toHaveLength(1);
    const event = events.find((e) => e.type === "story.published" && e.subject === `story:${story.id}`)!;
    const rows = await prisma.webhookDelivery.findMany({ where: { eventId: BigInt(event.id), webhookId: { in: [a.webhook.id, b.webhook.id] } } });
    expect(rows.map((d) => d.webhookId).sort()).toEqual([a.webhook.id, b.webhook.id].sort());
    // The "workflow" events of the same story reach no webhook; nor does an endpoint that did not ask for the type.
    expect(await prisma.webhookDelivery.count({ where: { webhookId: a.webhook.id, type: { not: "story.published" } } })).toBe(0);
  });
});

describe("delivery", () => {
  it("is signed as Standard Webhooks says and carries the story", async () => {
    const r = await receiver();
    const { webhook, secret } = await hook(r.url);
    const { story, event } = await publishAndFanOut();
    const d = await deliveryFor(webhook.id, event.id);
    await deliverDue();
    await r.until(() => r.received.some((p) => p.headers["webhook-id"] === d.id));
    const got = r.received.find((p) => p.headers["webhook-id"] === d.id)!;
    const payload = new Webhook(secret).verify(got.body, got.headers) as { type: string; data: { id: string; url: string; api: string } };
    expect(payload.type).toBe("story.published");
    expect(payload.data.id).toBe(story.id);
    expect(payload.data.url).toMatch(new RegExp(`/stories/${story.slug}$`));
    expect(payload.data.api).toMatch(new RegExp(`/api/v1/stories/${story.id}$`));
    expect(got.headers["content-type"]).toMatch(/^application\/json/);
    expect((await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("DELIVERED");
  });

  it("a receiver that answers 500 twice and then 200 gets it on the third try, and the log shows all three", async () => {
    const r = await receiver((_r, before) => (before < 2 ? 500 : 200));
    const { webhook } = await hook(r.url);
    const { event } = await publishAndFanOut();
    const d = await deliveryFor(webhook.id, event.id);
    const t0 = Date.now();
    await deliverDue({ now: () => new Date(t0) });
    // Not due again before its 5 s are up…
    expect(await deliverDue({ now: () => new Date(t0 + RETRY_SCHEDULE_MS[1]! - 1_000) })).toBe(0);
    await deliverDue({ now: () => new Date(t0 + RETRY_SCHEDULE_MS[1]! + 1_000) });
    await deliverDue({ now: () => new Date(t0 + RETRY_SCHEDULE_MS[1]! + RETRY_SCHEDULE_MS[2]! + 2_000) });
    const mine = r.received.filter((p) => p.headers["webhook-id"] === d.id);
    expect(mine).toHaveLength(3);
    const log = await getWebhookLog({ actor: admin, webhookId: webhook.id });
    const entry = log.deliveries.find((x) => x.id === d.id)!;
    expect(entry.status).toBe("DELIVERED");
    expect(entry.log.map((a) => a.statusCode)).toEqual([500, 500, 200]);
    expect(entry.log.every((a) => a.durationMs >= 0 && a.at instanceof Date)).toBe(true);
  });

  it("an endpoint failing for a day is switched off with a notice; switched on again, a delivery can be sent again by hand", async () => {
    let up = false;
    const r = await receiver(() => (up ? 200 : 503));
    const { webhook } = await hook(r.url);
    const { event } = await publishAndFanOut();
    const d = await deliveryFor(webhook.id, event.id);
    let at = Date.now();
    let attempts = 0;
    for (;;) {
      await deliverDue({ now: () => new Date(at) });
      const row = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } });
      const h = await prisma.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
      attempts = row.attempts;
      if (!h.active) break;
      expect(at - d.createdAt.getTime()).toBeLessThan(DISABLE_AFTER_MS + 12 * 3600_000);
      at = row.nextAttemptAt.getTime() + 1;
    }
    const off = await prisma.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(off.disabledReason).toMatch(/^Switched off .*: every delivery since .* failed \(last: HTTP 503\)/);
    expect(at - (off.failingSince?.getTime() ?? 0)).toBeGreaterThanOrEqual(DISABLE_AFTER_MS);
    expect(attempts).toBeGreaterThanOrEqual(6);
    expect(await prisma.auditEvent.count({ where: { action: "webhook.auto-disable", details: { path: ["url"], equals: webhook.url } } })).toBe(1);
    // Switched off, nothing is sent.
    const before = r.received.length;
    await deliverDue({ now: () => new Date(at + 50 * 3600_000) });
    expect(r.received.length).toBe(before);

    // A delivery that used up its tries stays in the log as failed; the admin can send it by hand once the receiver is fixed.
    up = true;
    await setWebhookActive({ actor: admin, webhookId: webhook.id, active: true });
    const result = await redeliver({ actor: admin, deliveryId: d.id });
    expect(result.statusCode).toBe(200);
    const log = await getWebhookLog({ actor: admin, webhookId: webhook.id });
    const entry = log.deliveries.find((x) => x.id === d.id)!;
    expect(entry.status).toBe("DELIVERED");
    // (Logged at the real time, which is before the scheduled tries this test sent "in the future".)
    expect(entry.log.filter((a) => a.manual)).toMatchObject([{ statusCode: 200 }]);
    expect(log.active).toBe(true);
    expect(log.disabledReason).toBeNull();
  });

  it("only admins register webhooks or read the log", async () => {
    const r = await receiver();
    const { webhook } = await hook(r.url);
    await expect(createWebhook({ actor: editor, data: { url: r.url, events: ["story.published"] } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getWebhookLog({ actor: editor, webhookId: webhook.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createWebhook({ actor: admin, data: { url: "not a url", events: [] } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("private addresses", () => {
  it("are refused at registration unless allowed", async () => {
    process.env.NEWSROOM_WEBHOOK_ALLOW_PRIVATE = "off";
    for (const url of [
      "http://127.0.0.1:9/hooks",
      "http://localhost/hooks",
      "http://[::1]/hooks",
      "http://10.1.2.3/x",
      "http://169.254.169.254/latest",
      "http://[::ffff:127.0.0.1]/",
    ]) {
      await expect(createWebhook({ actor: admin, data: { url, events: ["story.published"] } }), url).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { url: [expect.stringMatching(/private network/)] },
      });
    }
    await expect(createWebhook({ actor: admin, data: { url: "ftp://example.com/", events: ["story.published"] } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("are refused at delivery too, when the setting was turned off after registration", async () => {
    const r = await receiver();
    const { webhook } = await hook(r.url);
    const { event } = await publishAndFanOut();
    const d = await deliveryFor(webhook.id, event.id);
    process.env.NEWSROOM_WEBHOOK_ALLOW_PRIVATE = "off";
    await deliverDue();
    expect(r.received.filter((p) => p.headers["webhook-id"] === d.id)).toHaveLength(0);
    const log = await getWebhookLog({ actor: admin, webhookId: webhook.id });
    expect(log.deliveries.find((x) => x.id === d.id)!.log[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/private|loopback/) });
  });
});
