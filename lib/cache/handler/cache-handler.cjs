// @ts-check
"use strict";
/**
 * Next's page and data cache (next.config.js `cacheHandler`): feeds, sitemaps
 * and `cachedText` entries, kept in this process's page cache store — memory,
 * or Redis shared by every process (./store.cjs). The reader site's answers
 * live in the same store (site/cache.ts).
 *
 * An entry is stamped with the moment its render began, not when it was
 * stored: Next renders only after a `get` that found nothing (or an expired
 * entry) or an entry past its revalidate time (rendered again in the
 * background), so the earliest such `get` for a key not yet followed by a
 * `set` is a moment the render began after. A change expired while the render
 * read the database then expires the entry too (the race the old 1 s / 5 s
 * re-expiry papered over). A note older than any render (RENDER_MAX_MS) gives
 * way to a newer one, so a render that never stored leaves nothing behind.
 *
 * When the store is unreachable (Redis down) a read is a miss and a write is
 * dropped: pages are rendered afresh, never wrong.
 *
 * Plain CommonJS: Next loads it with Node's own loader, not through the bundler.
 */
const { ENTRY_OVERHEAD, measured, tagsOf } = require("./memory.cjs");
const { pageCacheStore } = require("./store.cjs");

/** Keys Next may be rendering, with the store's clock when first asked. Bounded: past this many, the oldest go. */
const ASKED_MAX = 10_000;
/** Longer than any render of a feed or sitemap takes. */
const RENDER_MAX_MS = 30_000;
/** @type {Map<string, number>} */
const asked = new Map();

/** A render of `key` may begin after `now`. @param {string} key @param {number} now */
function noteAsked(key, now) {
  const held = asked.get(key);
  if (held !== undefined && now - held < RENDER_MAX_MS) return;
  asked.delete(key);
  if (asked.size >= ASKED_MAX) asked.delete(/** @type {string} */ (asked.keys().next().value));
  asked.set(key, now);
}

/**
 * Whether Next will render this entry again in the background (past its revalidate time), as its incremental cache decides.
 * @param {import("./store.cjs").TEntry} entry @param {number} now @param {{ kind?: string, revalidate?: number }} ctx
 */
function dueForRevalidation(entry, now, ctx) {
  const seconds = ctx.kind === "FETCH" ? ctx.revalidate || entry.value?.revalidate : /** @type {{ revalidate?: unknown }} */ (entry.cacheControl)?.revalidate;
  if (typeof seconds !== "number") return seconds !== false;
  return now - entry.lastModified > seconds * 1000;
}

let lastWarning = 0;
/** @param {string} what @param {unknown} err */
function warn(what, err) {
  if (Date.now() - lastWarning < 10_000) return;
  lastWarning = Date.now();
  console.error(`[cache] ${what}: ${/** @type {Error} */ (err)?.message ?? err}`);
}

/** Next's `cacheHandler` interface (node_modules/next/dist/server/lib/incremental-cache). */
class CacheHandler {
  /** @param {{ revalidatedTags?: string[] }} [ctx] */
  constructor(ctx = {}) {
    /** Tags already expired in this request (set by Next only in minimal mode). */
    this.revalidatedTags = ctx.revalidatedTags ?? [];
  }

  /**
   * @param {string} key
   * @param {{ kind?: string, tags?: string[], softTags?: string[], revalidate?: number }} [ctx]
   */
  async get(key, ctx = {}) {
    const store = pageCacheStore();
    const extra = ctx.kind === "FETCH" ? [...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : [];
    let found;
    try {
      found = await store.lookup(key, extra);
    } catch (err) {
      noteAsked(key, Date.now());
      warn("reading the page cache failed", err);
      return null;
    }
    const { held, expired, now } = found;
    if (!held || expired || [...held.tags, ...extra].some((t) => this.revalidatedTags.includes(t))) {
      noteAsked(key, now);
      if (held) await store.remove(key).catch((err) => warn("dropping an expired entry failed", err));
      return null;
    }
    if (dueForRevalidation(held.entry, now, ctx)) noteAsked(key, now);
    return held.entry;
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {{ cacheControl?: unknown, fetchCache?: boolean, tags?: string[] }} [ctx]
   */
  async set(key, data, ctx = {}) {
    const store = pageCacheStore();
    const { value, size } = measured(data);
    const began = asked.get(key);
    asked.delete(key);
    try {
      const lastModified = began ?? (await store.clock());
      const entry = { value, lastModified, cacheControl: ctx.fetchCache ? undefined : ctx.cacheControl };
      const tags = tagsOf(value, ctx.fetchCache ? ctx.tags : undefined);
      await store.save(key, { entry, tags }, ENTRY_OVERHEAD + key.length * 2 + size + tags.reduce((n, t) => n + t.length * 2, 0));
    } catch (err) {
      warn("keeping a page in the cache failed", err);
    }
  }

  /**
   * Next's `revalidateTag`: expire the tags now (a stale-only expiry too: this
   * cache never serves content older than a change). The app itself expires
   * through the events (lib/events/page-cache.ts), not through Next.
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [_durations] Next's stale/expire times: every expiry is immediate here
   */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async revalidateTag(tags, _durations) {
    await pageCacheStore().expireTags(typeof tags === "string" ? [tags] : [...tags]);
  }

  resetRequestCache() {}
}

module.exports = CacheHandler;
module.exports.CacheHandler = CacheHandler;
