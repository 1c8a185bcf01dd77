import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { recordChanges } from "@/lib/changes";
import { latestEventId, startEventStream, type TConsumer, type TEvent } from "./stream";

/**
 * Issue 16, item 1: every process hears every event, in order, and misses none
 * across a lost connection or a consumer that fails for a while. Integration
 * tests share one database: each consumer here keeps only the events of its
 * own subject.
 */
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});

/** A consumer that keeps what it is given about `storyId`; `failing` makes it throw (and so be given the same events again). */
function recorder(storyId: string, start: string | null = null) {
  const heard: TEvent[] = [];
  const state = { failing: false, calls: 0 };
  const consumer: TConsumer = {
    name: `test-${storyId}`,
    start: async () => start,
    apply: async (events) => {
      state.calls++;
      if (state.failing) throw new Error("the store is away");
      heard.push(...events.filter((e) => e.subject === `story:${storyId}`));
    },
  };
  return { consumer, heard, state };
}

const write = (storyId: string) => prisma.$transaction((tx) => recordChanges(tx, [{ kind: "story-note", storyId }]));

async function until(check: () => boolean, ms = 10_000) {
  const t0 = Date.now();
  while (!check()) {
    if (Date.now() - t0 > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const listenerPid = async () => {
  const rows = await prisma.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity WHERE query = 'LISTEN newsroom_events' AND pid <> pg_backend_pid()`;
  return rows.map((r) => r.pid);
};

describe("the event stream", () => {
  it("hands every committed event to its consumers in id order, within moments (NOTIFY)", async () => {
    const r = recorder("stream-order");
    const stream = await startEventStream([r.consumer]);
    stops.push(stream.stop);
    expect(stream.state.listening).toBe(true);
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) await write("stream-order");
    await until(() => r.heard.length === 5, 2_000); // the slow poll is 5 s: this is the notification
    expect(performance.now() - t0).toBeLessThan(2_000);
    const ids = r.heard.map((e) => BigInt(e.id));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    expect(r.heard[0]).toMatchObject({ type: "story.corrected", labels: expect.arrayContaining(["story:stream-order"]) });
  });

  it("catches up from its cursor: events written before it started, and while its connection was lost", async () => {
    const before = await latestEventId();
    await write("stream-catch-up");
    const r = recorder("stream-catch-up", before);
    const stream = await startEventStream([r.consumer]);
    stops.push(stream.stop);
    await until(() => r.heard.length === 1);

    // The database drops the listener's connection (a failover, a restart): events written meanwhile still arrive.
    const pids = await listenerPid();
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) await prisma.$queryRaw`SELECT pg_terminate_backend(${pid})`;
    await write("stream-catch-up");
    await write("stream-catch-up");
    await until(() => r.heard.length === 3);
    await until(() => stream.state.listening);
  });

  it("gives a failing consumer the same events again until it takes them; nothing is skipped", async () => {
    const r = recorder("stream-retry");
    const stream = await startEventStream([r.consumer]);
    stops.push(stream.stop);
    r.state.failing = true;
    await write("stream-retry");
    await until(() => r.state.calls >= 2); // refused, then offered again
    expect(r.heard).toEqual([]);
    r.state.failing = false;
    await write("stream-retry");
    await until(() => r.heard.length === 2);
    expect(r.heard.map((e) => e.type)).toEqual(["story.corrected", "story.corrected"]);
  });

  it("a rolled-back change is never heard", async () => {
    const r = recorder("stream-rollback");
    const stream = await startEventStream([r.consumer]);
    stops.push(stream.stop);
    await expect(
      prisma.$transaction(async (tx) => {
        await recordChanges(tx, [{ kind: "story-note", storyId: "stream-rollback" }]);
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    await write("stream-rollback");
    await until(() => r.heard.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(r.heard).toHaveLength(1);
  });
});
