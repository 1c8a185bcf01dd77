// @ts-check
"use strict";
/**
 * The page cache this process uses: in memory (the default, ./memory.cjs) or,
 * with REDIS_URL, in Redis (./redis.cjs), shared by every app process. One per
 * process, on globalThis: Next's cache handler (loaded by Node's own loader)
 * and the reader site (loaded through tsx) reach the same one.
 *
 * @typedef {{ value: any, lastModified: number, cacheControl?: unknown }} TEntry
 * @typedef {{ entry: TEntry, tags: string[] }} THeld
 * @typedef {{
 *   kind: "memory" | "redis",
 *   lookup(key: string, extraTags?: string[]): Promise<{ held: THeld | null, expired: boolean, now: number }>,
 *   save(key: string, held: THeld, size: number): Promise<void>,
 *   remove(key: string): Promise<void>,
 *   expireTags(tags: string[]): Promise<void>,
 *   clock(): Promise<number>,
 *   cursor(name: string): Promise<string | null>,
 *   setCursor(name: string, id: string): Promise<void>,
 * }} TCacheStore
 */
const STORE = Symbol.for("newsroom.pageCache");

/** @returns {TCacheStore} */
function pageCacheStore() {
  const g = /** @type {{ [STORE]?: TCacheStore }} */ (/** @type {unknown} */ (globalThis));
  if (!g[STORE]) {
    const url = process.env.REDIS_URL?.trim();
    if (url) {
      const { RedisStore } = require("./redis.cjs");
      g[STORE] = new RedisStore(url);
    } else {
      const { Store } = require("./memory.cjs");
      g[STORE] = new Store();
    }
  }
  return /** @type {TCacheStore} */ (g[STORE]);
}

module.exports = { pageCacheStore };
