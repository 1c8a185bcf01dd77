// @ts-check
"use strict";
/**
 * The page and data cache of this process (next.config.js `cacheHandler`):
 * whole public pages (the route cache) and `cachedText`/`labelPage` entries
 * (Next's data cache), in memory, within NEWSROOM_PAGE_CACHE_MB (64 by default).
 *
 * Why not Next's own memory cache: it is one LRU for every URL, so answers to
 * made-up URLs (a cached "not found" each) push real pages out; and it counts
 * a page's bytes as its characters while the buffers it keeps may be slices
 * that hold a larger block alive. Here:
 *
 * - Not-found and other error answers live in their own small pool (1/16 of
 *   the budget): a flood of unknown URLs only pushes out other unknown URLs.
 * - Sizes are counted as held: strings at 2 bytes a character (V8's wider
 *   form), buffers copied to blocks of their own length.
 * - Next remembers each stored URL's lifetime in a map it never empties; an
 *   entry that leaves this cache leaves that map too.
 *
 * Tag expiry works as in Next's file-system handler: `revalidateTag` records
 * when each tag was expired; an entry stored before its tag's expiry is a
 * miss (and dropped). A stale-only expiry (`revalidateTag(tag, "max")`) is
 * treated as an expiry: this cache never serves content older than a change.
 * Nothing outlives the process (like `isrFlushToDisk: false` before).
 *
 * Plain CommonJS: Next loads it with Node's own loader, not through the bundler.
 */

const { ByteLru } = require("./byte-lru.cjs");

const MB = 1024 * 1024;
const DEFAULT_MB = 64;
/** The share of the budget for not-found and error answers. */
const ERROR_SHARE = 1 / 16;
/** Objects, map slots and the like around each entry. */
const ENTRY_OVERHEAD = 512;
const TAGS_HEADER = "x-next-cache-tags";

/** @returns {number} */
function budgetBytes() {
  const mb = Number(process.env.NEWSROOM_PAGE_CACHE_MB);
  return (Number.isFinite(mb) && mb >= 1 ? mb : DEFAULT_MB) * MB;
}

/**
 * Next's map of each stored URL's lifetime (revalidate/expire), which it
 * fills on every store and never prunes. It only matters for URLs this cache
 * holds (a held entry carries its own lifetime), so it follows our evictions.
 * Missing in another Next version: nothing to prune then.
 * @returns {Map<string, unknown> | null}
 */
function nextLifetimes() {
  try {
    const map = require("next/dist/server/lib/incremental-cache/shared-cache-controls.external").SharedCacheControls?.cacheControls;
    return map instanceof Map ? map : null;
  } catch {
    return null;
  }
}

/**
 * @typedef {{ value: any, lastModified: number, cacheControl?: unknown }} TEntry
 * @typedef {{ entry: TEntry, tags: string[] }} THeld
 * @typedef {{ stale?: number, expired?: number }} TTagState
 */

/** @param {string | undefined | null} s */
const stringBytes = (s) => (typeof s === "string" ? s.length * 2 : 0);

/**
 * A buffer in a block of its own: a slice of a larger (or shared pool)
 * block would keep all of that alive, unseen by the size count.
 * @template {Uint8Array | undefined | null} B
 * @param {B} buf
 * @returns {B}
 */
function own(buf) {
  if (!buf || (buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength)) return buf;
  const copy = Buffer.allocUnsafeSlow(buf.byteLength);
  copy.set(buf);
  return /** @type {B} */ (/** @type {unknown} */ (copy));
}

/**
 * The value as it will be kept (buffers in blocks of their own), and its size.
 * @param {any} value
 * @returns {{ value: any, size: number }}
 */
function measured(value) {
  if (!value) return { value, size: 0 };
  const headers = value.headers ? JSON.stringify(value.headers).length * 2 : 0;
  switch (value.kind) {
    case "APP_PAGE": {
      const rscData = own(value.rscData);
      /** @type {Map<string, Buffer> | undefined} */
      let segmentData;
      let segments = 0;
      if (value.segmentData) {
        segmentData = new Map();
        for (const [path, buf] of value.segmentData) {
          const kept = own(buf);
          segmentData.set(path, kept);
          segments += stringBytes(path) + (kept?.byteLength ?? 0) + 64;
        }
      }
      const size = stringBytes(value.html) + (rscData?.byteLength ?? 0) + segments + stringBytes(value.postponed) + headers;
      return { value: { ...value, rscData, segmentData }, size };
    }
    case "APP_ROUTE": {
      const body = own(value.body);
      return { value: { ...value, body }, size: (body?.byteLength ?? 0) + headers };
    }
    case "PAGES":
      return { value, size: stringBytes(value.html) + stringBytes(JSON.stringify(value.pageData ?? null)) + headers };
    default:
      // FETCH (unstable_cache) and REDIRECT: plain data.
      return { value, size: stringBytes(JSON.stringify(value.data ?? value.props ?? null)) };
  }
}

/** Not-found (and any other error) answers, and the Pages Router's "notFound" null. */
function isErrorAnswer(/** @type {any} */ value) {
  return !value || (typeof value.status === "number" && value.status >= 400);
}

/** @param {any} value @param {string[] | undefined} ctxTags */
function tagsOf(value, ctxTags) {
  const header = value?.headers?.[TAGS_HEADER];
  const fromHeader = typeof header === "string" && header ? header.split(",") : [];
  return [...new Set([...fromHeader, ...(value?.tags ?? []), ...(ctxTags ?? [])])];
}

/**
 * The process's cache, shared by every handler instance (Next makes one per request).
 */
class Store {
  constructor(maxBytes = budgetBytes()) {
    const lifetimes = nextLifetimes();
    const forget = (/** @type {string} */ key) => lifetimes?.delete(key);
    this.maxBytes = maxBytes;
    /** @type {ByteLru<THeld>} */
    this.pages = new ByteLru(Math.floor(maxBytes * (1 - ERROR_SHARE)), forget);
    /** @type {ByteLru<THeld>} */
    this.errors = new ByteLru(Math.floor(maxBytes * ERROR_SHARE), forget);
    /** @type {Map<string, TTagState>} */
    this.tags = new Map();
    this.forget = forget;
  }

  /** @param {string} key */
  held(key) {
    return this.pages.get(key) ?? this.errors.get(key);
  }

  /** @param {string} key @param {THeld} held @param {number} size */
  put(key, held, size) {
    this.drop(key);
    const pool = isErrorAnswer(held.entry.value) ? this.errors : this.pages;
    if (!pool.set(key, held, size)) this.forget(key);
  }

  /** @param {string} key */
  drop(key) {
    this.pages.delete(key);
    this.errors.delete(key);
  }

  /** Whether any of `tags` was expired (or marked stale) at or after `since` (the same millisecond counts: it may have come after a read). */
  expiredSince(/** @type {string[]} */ tags, /** @type {number} */ since) {
    const now = Date.now();
    for (const tag of tags) {
      const state = this.tags.get(tag);
      if (!state) continue;
      if (typeof state.expired === "number" && state.expired <= now && state.expired >= since) return true;
      if (typeof state.stale === "number" && state.stale >= since) return true;
    }
    return false;
  }

  get bytes() {
    return this.pages.bytes + this.errors.bytes;
  }
}

const STORE = Symbol.for("newsroom.pageCache");

/** @returns {Store} */
function store() {
  const g = /** @type {{ [STORE]?: Store }} */ (/** @type {unknown} */ (globalThis));
  return (g[STORE] ??= new Store());
}

/** Next's `cacheHandler` interface (node_modules/next/dist/server/lib/incremental-cache). */
class MemoryCacheHandler {
  /** @param {{ revalidatedTags?: string[] }} [ctx] */
  constructor(ctx = {}) {
    /** Tags already expired in this request (set by Next only in minimal mode). */
    this.revalidatedTags = ctx.revalidatedTags ?? [];
  }

  /**
   * @param {string} key
   * @param {{ kind?: string, tags?: string[], softTags?: string[] }} [ctx]
   * @returns {Promise<TEntry | null>}
   */
  async get(key, ctx = {}) {
    const s = store();
    const held = s.held(key);
    if (!held) return null;
    const asked = ctx.kind === "FETCH" ? [...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : [];
    const tags = asked.length ? [...new Set([...held.tags, ...asked])] : held.tags;
    if (tags.some((t) => this.revalidatedTags.includes(t)) || s.expiredSince(tags, held.entry.lastModified)) {
      s.drop(key);
      s.forget(key);
      return null;
    }
    return held.entry;
  }

  /**
   * @param {string} key
   * @param {any} data
   * @param {{ cacheControl?: unknown, fetchCache?: boolean, tags?: string[] }} [ctx]
   */
  async set(key, data, ctx = {}) {
    const { value, size } = measured(data);
    const entry = { value, lastModified: Date.now(), cacheControl: ctx.fetchCache ? undefined : ctx.cacheControl };
    const tags = tagsOf(value, ctx.fetchCache ? ctx.tags : undefined);
    store().put(key, { entry, tags }, ENTRY_OVERHEAD + key.length * 2 + size + tags.reduce((n, t) => n + t.length * 2, 0));
  }

  /**
   * Record the expiry of `tags` (as Next's file-system handler does): with
   * `durations`, stale now and expired `expire` seconds from now; without, expired now.
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    const s = store();
    const now = Date.now();
    for (const tag of typeof tags === "string" ? [tags] : tags) {
      const state = { ...s.tags.get(tag) };
      if (durations) {
        state.stale = now;
        if (durations.expire !== undefined) state.expired = now + durations.expire * 1000;
      } else {
        state.expired = now;
      }
      s.tags.set(tag, state);
    }
  }

  resetRequestCache() {}
}

module.exports = MemoryCacheHandler;
module.exports.MemoryCacheHandler = MemoryCacheHandler;
module.exports.Store = Store;
module.exports.pageCacheStore = store;
