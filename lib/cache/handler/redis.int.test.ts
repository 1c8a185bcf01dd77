import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis, type TRedis } from "@/testing/redis";
import { RedisStore } from "./redis.cjs";
import type { THeld } from "./store.cjs";

/**
 * Issue 16, item 2: the Redis store keeps what the memory store keeps, for
 * every process at once, with the label expiry times beside the entries; an
 * entry whose render began before one of its labels was expired is never
 * fresh; while Redis is away every call fails at once (pages are rendered
 * without it) and it works again when Redis is back. Against a real redis-server.
 */
let redis: TRedis;
beforeAll(async () => {
  redis = await startRedis({ maxMemoryMb: 32 });
});
afterAll(async () => {
  await redis?.stop();
});

const held = (lastModified: number, tags: string[], body = "<p>page</p>"): THeld => ({
  entry: {
    value: { status: 200, answer: { body: Buffer.from(body), headers: { a: "b" } }, segments: new Map([["/x", Buffer.from([1, 2, 3])]]) },
    lastModified,
  },
  tags,
});

describe("the Redis page cache store", () => {
  it("two processes share entries: buffers and maps come back as they went in", async () => {
    const a = new RedisStore(redis.url, { prefix: "t1:" });
    const b = new RedisStore(redis.url, { prefix: "t1:" });
    const now = await a.clock();
    await a.save("/stories/tide", held(now, ["story:1"], "<p>tide</p>"));
    const found = await b.lookup("/stories/tide");
    expect(found.expired).toBe(false);
    expect(Math.abs(found.now - now)).toBeLessThan(1_000);
    const value = found.held!.entry.value as { answer: { body: Buffer }; segments: Map<string, Buffer> };
    expect(Buffer.isBuffer(value.answer.body)).toBe(true);
    expect(value.answer.body.toString()).toBe("<p>tide</p>");
    expect([...value.segments.get("/x")!]).toEqual([1, 2, 3]);
    expect((await b.lookup("/stories/none")).held).toBeNull();
    await Promise.all([a.close(), b.close()]);
  });

  it("a label expired by one process expires the entry for all, if its render began before; a render begun after is fresh", async () => {
    const a = new RedisStore(redis.url, { prefix: "t2:" });
    const b = new RedisStore(redis.url, { prefix: "t2:" });
    const began = await a.clock();
    await new Promise((r) => setTimeout(r, 3));
    await b.expireTags(["story:2"]); // the change is applied while the render reads the database
    await a.save("/stories/two", held(began, ["story:2", "front"])); // stored after the expiry
    expect((await b.lookup("/stories/two")).expired).toBe(true);
    expect((await a.lookup("/stories/two")).expired).toBe(true);
    await new Promise((r) => setTimeout(r, 3));
    await a.save("/stories/two", held(await a.clock(), ["story:2", "front"]));
    expect((await b.lookup("/stories/two")).expired).toBe(false);
    // Labels asked with (Next's data cache passes its own) count too.
    await new Promise((r) => setTimeout(r, 3));
    await b.expireTags(["_N_T_/layout"]);
    expect((await a.lookup("/stories/two", ["_N_T_/layout"])).expired).toBe(true);
    expect((await a.lookup("/stories/two")).expired).toBe(false);
    await Promise.all([a.close(), b.close()]);
  });

  it("cursors only move forward, and not-found answers live a minute, pages a day", async () => {
    const a = new RedisStore(redis.url, { prefix: "t3:" });
    expect(await a.cursor("pages")).toBeNull();
    await a.setCursor("pages", "99");
    await a.setCursor("pages", "100");
    await a.setCursor("pages", "98");
    expect(await a.cursor("pages")).toBe("100");
    await a.save("/stories/missing", { entry: { value: { status: 404 }, lastModified: await a.clock() }, tags: [] });
    await a.save("/stories/here", held(await a.clock(), []));
    const ttl = async (key: string) => Number(await (a as unknown as { redis: { ttl(k: string): Promise<number> } }).redis.ttl(`t3:e:${key}`));
    expect(await ttl("/stories/missing")).toBeLessThanOrEqual(60);
    expect(await ttl("/stories/here")).toBeGreaterThan(3_600);
    await a.close();
  });

  it("while Redis is away every call fails at once; when it is back the store works again", async () => {
    const a = new RedisStore(redis.url, { prefix: "t4:" });
    await a.save("/stories/four", held(await a.clock(), []));
    await redis.stop();
    const t0 = performance.now();
    await expect(a.lookup("/stories/four")).rejects.toThrow();
    await expect(a.expireTags(["x"])).rejects.toThrow();
    expect(performance.now() - t0).toBeLessThan(2_500);
    redis = await startRedis({ maxMemoryMb: 32, port: redis.port }); // back on the address the client knows
    const t1 = Date.now();
    for (;;) {
      try {
        await a.save("/stories/four", held(await a.clock(), []));
        break;
      } catch {
        if (Date.now() - t1 > 10_000) throw new Error("the store did not come back");
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect((await a.lookup("/stories/four")).held).not.toBeNull();
    await a.close();
  });
});
