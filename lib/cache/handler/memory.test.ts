import { createRequire } from "node:module";
import { beforeEach, describe, expect, it } from "vitest";
import MemoryCacheHandler from "./cache-handler.cjs";
import { Store } from "./memory.cjs";
import { pageCacheStore } from "./store.cjs";

/** The store this process uses: memory here (no REDIS_URL in unit tests). */
const memory = () => pageCacheStore() as unknown as Store;

const MB = 1024 * 1024;
const require = createRequire(import.meta.url);
const { SharedCacheControls } = require("next/dist/server/lib/incremental-cache/shared-cache-controls.external") as {
  SharedCacheControls: { cacheControls: Map<string, unknown> };
};

/** A rendered page as Next hands it to the cache (html, flight data, segment prefetches), filed under `tags`. */
function page(status: number, tags: string[], bytes = 20_000) {
  return {
    kind: "APP_PAGE",
    html: "<p>" + "x".repeat(bytes) + "</p>",
    rscData: Buffer.alloc(bytes, 1),
    segmentData: new Map([["/_tree", Buffer.alloc(500, 2)]]),
    headers: { "x-next-cache-tags": tags.join(",") },
    status,
  };
}

const pageCtx = { cacheControl: { revalidate: 60, expire: 86_400 } };

beforeEach(() => {
  (globalThis as Record<symbol, unknown>)[Symbol.for("newsroom.pageCache")] = new Store(4 * MB);
});

describe("the page cache's memory", () => {
  it("keeps a read page while thousands of not-found answers come and go, and stays within its bytes", async () => {
    const cache = new MemoryCacheHandler();
    await cache.set("/stories/tide", page(200, ["story-slug:tide"]), pageCtx);
    for (let i = 0; i < 3_000; i++) {
      await cache.set(`/stories/made-up-${i}`, page(404, [`story-slug:made-up-${i}`]), pageCtx);
      if (i % 100 === 0) expect(await cache.get("/stories/tide", { kind: "APP_PAGE" })).not.toBeNull();
    }
    const store = memory();
    expect(store.errors.bytes).toBeLessThanOrEqual((4 * MB) / 16);
    expect(store.errors.size).toBeLessThan(10); // ~80 KB each against 256 KB
    expect(store.bytes).toBeLessThanOrEqual(4 * MB);
    expect(await cache.get("/stories/made-up-2999", { kind: "APP_PAGE" })).not.toBeNull(); // the newest are still kept
    expect(await cache.get("/stories/made-up-0", { kind: "APP_PAGE" })).toBeNull();
  });

  it("drops the least recently read pages when real pages exceed the budget", async () => {
    const cache = new MemoryCacheHandler();
    for (let i = 0; i < 200; i++) {
      await cache.set(`/stories/s${i}`, page(200, [`story:${i}`]), pageCtx);
      await cache.get("/stories/s0", { kind: "APP_PAGE" }); // read all the time
    }
    expect(memory().bytes).toBeLessThanOrEqual(4 * MB);
    expect(await cache.get("/stories/s0", { kind: "APP_PAGE" })).not.toBeNull();
    expect(await cache.get("/stories/s1", { kind: "APP_PAGE" })).toBeNull();
  });

  it("counts a buffer that is a slice of a larger block as what it holds: it keeps a copy of its own", async () => {
    const block = Buffer.alloc(2 * MB);
    const value = { ...page(200, ["t"]), rscData: block.subarray(0, 1000) };
    await new MemoryCacheHandler().set("/stories/slice", value, pageCtx);
    const kept = (await new MemoryCacheHandler().get("/stories/slice", { kind: "APP_PAGE" }))!.value.rscData as Buffer;
    expect(kept.byteLength).toBe(1000);
    expect(kept.buffer.byteLength).toBe(1000);
  });

  it("takes an entry out of Next's per-URL lifetime map when it leaves the cache", async () => {
    const cache = new MemoryCacheHandler();
    const keys = Array.from({ length: 200 }, (_, i) => `/route-cache/test/$/stories/gone-${i}`);
    for (const key of keys) {
      SharedCacheControls.cacheControls.set(key, pageCtx.cacheControl); // as IncrementalCache.set does before calling us
      await cache.set(key, page(404, []), pageCtx);
    }
    const remembered = keys.filter((k) => SharedCacheControls.cacheControls.has(k));
    expect(remembered.length).toBe(memory().errors.size);
    keys.forEach((k) => SharedCacheControls.cacheControls.delete(k));
  });
});

describe("tag expiry", () => {
  it("a page stored before its tag was expired is a miss; stored after, a hit", async () => {
    const cache = new MemoryCacheHandler();
    await cache.set("/stories/later", page(404, ["story-slug:later"]), pageCtx);
    expect(await cache.get("/stories/later", { kind: "APP_PAGE" })).not.toBeNull();
    await new Promise((r) => setTimeout(r, 2));
    await cache.revalidateTag(["story-slug:later"], { expire: 0 });
    // (A render asked for in the same millisecond as the expiry may have read the old state: it counts as before.)
    await new Promise((r) => setTimeout(r, 2));
    expect(await cache.get("/stories/later", { kind: "APP_PAGE" })).toBeNull();
    await cache.set("/stories/later", page(200, ["story-slug:later"]), pageCtx);
    const entry = await cache.get("/stories/later", { kind: "APP_PAGE" });
    expect(entry?.value.status).toBe(200);
    expect(memory().errors.size).toBe(0); // moved from the not-found pool to the pages
  });

  it("data entries (unstable_cache) expire by the tags they were stored and asked with, implicit ones too", async () => {
    const cache = new MemoryCacheHandler();
    const data = { kind: "FETCH", data: { headers: {}, body: '"<rss/>"', status: 200, url: "" }, revalidate: 60 };
    await cache.set("feed-key", data, { fetchCache: true, tags: ["feed"] });
    expect(await cache.get("feed-key", { kind: "FETCH", tags: ["feed"], softTags: ["_N_T_/layout"] })).not.toBeNull();
    await new Promise((r) => setTimeout(r, 2));
    await cache.revalidateTag("_N_T_/layout");
    expect(await cache.get("feed-key", { kind: "FETCH", tags: ["feed"], softTags: ["_N_T_/layout"] })).toBeNull();
    await new Promise((r) => setTimeout(r, 2));
    await cache.set("feed-key", data, { fetchCache: true, tags: ["feed"] });
    await new Promise((r) => setTimeout(r, 2));
    await cache.revalidateTag(["feed"], { expire: 0 });
    expect(await cache.get("feed-key", { kind: "FETCH", tags: [] })).toBeNull();
  });

  it("an entry whose render began before an expiry is not fresh, though it was stored after it (issue 16's race)", async () => {
    const cache = new MemoryCacheHandler();
    expect(await cache.get("/feed.xml", { kind: "APP_ROUTE" })).toBeNull(); // Next asks, finds nothing, and starts rendering
    await new Promise((r) => setTimeout(r, 2));
    await cache.revalidateTag(["feed"]); // a change lands while the render reads the database
    await new Promise((r) => setTimeout(r, 2));
    await cache.set("/feed.xml", { kind: "APP_ROUTE", status: 200, headers: { "x-next-cache-tags": "feed" }, body: Buffer.from("<rss/>") }, pageCtx);
    expect(await cache.get("/feed.xml", { kind: "APP_ROUTE" })).toBeNull();
    await new Promise((r) => setTimeout(r, 2));
    // The render after it began after the change: kept.
    await cache.set("/feed.xml", { kind: "APP_ROUTE", status: 200, headers: { "x-next-cache-tags": "feed" }, body: Buffer.from("<rss/>") }, pageCtx);
    expect(await cache.get("/feed.xml", { kind: "APP_ROUTE" })).not.toBeNull();
  });
});
