// @ts-check
"use strict";
/**
 * The page cache in this process's memory (the default; Redis is the other
 * store, ./redis.cjs, chosen by ./store.cjs): the reader site's answers, and
 * Next's page and data cache (./cache-handler.cjs) — feeds, sitemaps,
 * `cachedText` entries — within NEWSROOM_PAGE_CACHE_MB (64 by default).
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
 * Tag expiry: the store records when each label was expired (the events'
 * consumer, lib/events/page-cache.ts, calls `expireTags`); an entry whose
 * render began before its label's expiry is expired. A stale-only expiry is
 * an expiry too: this cache never serves content older than a change.
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
 * The process's cache, shared by every handler instance (Next makes one per
 * request) and the reader site. Its async methods (lookup … setCursor) are the
 * face every page cache store shows (TCacheStore in ./store.cjs).
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
    /** @type {Map<string, string>} */
    this.cursors = new Map();
    this.kind = /** @type {const} */ ("memory");
  }

  /**
   * The entry under `key`, whether one of its labels (or `extraTags`) was expired since it began, and this store's clock.
   * @param {string} key @param {string[]} [extraTags]
   */
  async lookup(key, extraTags = []) {
    const now = Date.now();
    const held = this.held(key) ?? null;
    if (!held) return { held: null, expired: false, now };
    const tags = extraTags.length ? [...new Set([...held.tags, ...extraTags])] : held.tags;
    return { held, expired: this.expiredSince(tags, held.entry.lastModified), now };
  }

  /** @param {string} key @param {THeld} held @param {number} size */
  async save(key, held, size) {
    this.put(key, held, size);
  }

  /** @param {string} key */
  async remove(key) {
    this.drop(key);
    this.forget(key);
  }

  /** Expire these labels now: every entry whose render began before this moment is expired. @param {string[]} tags */
  async expireTags(tags) {
    const now = Date.now();
    for (const tag of tags) this.tags.set(tag, { ...this.tags.get(tag), expired: now });
  }

  /** This store's clock, in ms (the moment a render begins is stamped with it). */
  async clock() {
    return Date.now();
  }

  /** How far a consumer of the events has applied them to this store (an event id), or null. @param {string} name */
  async cursor(name) {
    return this.cursors.get(name) ?? null;
  }

  /** @param {string} name @param {string} id */
  async setCursor(name, id) {
    const held = this.cursors.get(name);
    if (!held || BigInt(held) < BigInt(id)) this.cursors.set(name, id);
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

module.exports = { Store, measured, isErrorAnswer, tagsOf, ENTRY_OVERHEAD };
