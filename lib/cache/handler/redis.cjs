// @ts-check
"use strict";
/**
 * The page cache in Redis (REDIS_URL): one cache for every app process. The
 * same face as the memory store (./memory.cjs, TCacheStore in ./store.cjs).
 *
 * - An entry is a hash `<prefix>e:<key>`: `v` its value (v8-serialized: buffers
 *   and maps survive), `t` its labels (one per line), `m` when its render began.
 *   It lives a day (not-found and error answers a minute, so a flood of made-up
 *   URLs cannot push real pages out); Redis's `maxmemory` with the
 *   `volatile-lru` policy bounds the whole (entries carry a time to live; the
 *   label times and cursors do not, so they are never evicted).
 * - Label expiry times are one hash, `<prefix>tags`. Reading an entry and
 *   checking its labels is one script on the server (one round trip), and both
 *   the expiry and the render stamp use Redis's clock (TIME), so processes on
 *   machines whose clocks differ still never serve as fresh a page whose
 *   render began before a change was applied.
 * - While Redis is unreachable every call fails at once (no queue): pages are
 *   rendered without the cache and the events' consumer retries its expiries.
 */
const v8 = require("node:v8");
const Redis = require("ioredis").default;
const { isErrorAnswer } = require("./memory.cjs");

const DAY_SECONDS = 86_400;
const ERROR_SECONDS = 60;

/** KEYS[1] the entry, KEYS[2] the label times; ARGV more labels to check. Returns { value | nil, expired 0/1, now ms }. */
const LOOKUP = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local e = redis.call('HMGET', KEYS[1], 'm', 't', 'v')
if not e[3] then return {false, 0, now} end
local m = tonumber(e[1])
local tags = {}
if e[2] then for x in string.gmatch(e[2], '[^\\n]+') do tags[#tags + 1] = x end end
for i = 1, #ARGV do tags[#tags + 1] = ARGV[i] end
local expired = 0
if #tags > 0 then
  local times = redis.call('HMGET', KEYS[2], unpack(tags))
  for i = 1, #times do
    if times[i] and tonumber(times[i]) >= m then expired = 1 break end
  end
end
return {e[3], expired, now}`;

/** KEYS[1] the label times; ARGV the labels. Stamps them with Redis's clock; returns it. */
const EXPIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 1, #ARGV do redis.call('HSET', KEYS[1], ARGV[i], now) end
return now`;

/** KEYS[1] a cursor; ARGV[1] an event id: moves it forward only. */
const CURSOR = `
local held = redis.call('GET', KEYS[1])
if (not held) or (#held < #ARGV[1]) or (#held == #ARGV[1] and held < ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
return 1`;

/** @typedef {import("./store.cjs").THeld} THeld */

class RedisStore {
  /** @param {string} url @param {{ prefix?: string }} [options] */
  constructor(url, { prefix = "newsroom:" } = {}) {
    this.kind = /** @type {const} */ ("redis");
    this.prefix = prefix;
    this.tagsKey = `${prefix}tags`;
    this.redis = new Redis(url, {
      // Fail at once while Redis is away: a reader waits for a render, not for a queue.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      commandTimeout: 2_000,
      retryStrategy: (/** @type {number} */ attempt) => Math.min(attempt * 200, 2_000),
    });
    let lastLog = 0;
    this.redis.on("error", (/** @type {Error} */ err) => {
      if (Date.now() - lastLog < 10_000) return;
      lastLog = Date.now();
      console.error(`[cache] Redis: ${err.message} (pages are rendered without the shared cache until it is back)`);
    });
    this.redis.defineCommand("newsroomLookup", { numberOfKeys: 2, lua: LOOKUP });
    this.redis.defineCommand("newsroomExpire", { numberOfKeys: 1, lua: EXPIRE });
    this.redis.defineCommand("newsroomCursor", { numberOfKeys: 1, lua: CURSOR });
    /** @type {any} */
    this.commands = this.redis;
    // Until the first connection is made, calls wait for it (briefly); after that, a lost connection fails them at once.
    this.firstReady = new Promise((resolve) => this.redis.once("ready", resolve));
    this.everReady = false;
    this.firstReady.then(() => (this.everReady = true));
  }

  /** Wait up to a second for the first connection (a process's first requests while it connects). */
  async connected() {
    if (this.everReady) return;
    await Promise.race([this.firstReady, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
  }

  /** @param {string} key */
  entryKey(key) {
    return `${this.prefix}e:${key}`;
  }

  /** @param {string} key @param {string[]} [extraTags] @returns {Promise<{ held: THeld | null, expired: boolean, now: number }>} */
  async lookup(key, extraTags = []) {
    await this.connected();
    const [value, expired, now] = await this.commands.newsroomLookupBuffer(this.entryKey(key), this.tagsKey, ...extraTags);
    const clock = Number(now);
    if (!value) return { held: null, expired: false, now: clock };
    return { held: v8.deserialize(value), expired: Number(expired) === 1, now: clock };
  }

  /** @param {string} key @param {THeld} held */
  async save(key, held) {
    await this.connected();
    const k = this.entryKey(key);
    const ttl = isErrorAnswer(held.entry.value) ? ERROR_SECONDS : DAY_SECONDS;
    await this.redis.multi().hset(k, "m", String(held.entry.lastModified), "t", held.tags.join("\n"), "v", v8.serialize(held)).expire(k, ttl).exec();
  }

  /** @param {string} key */
  async remove(key) {
    await this.connected();
    await this.redis.del(this.entryKey(key));
  }

  /** @param {string[]} tags */
  async expireTags(tags) {
    await this.connected();
    if (tags.length) await this.commands.newsroomExpire(this.tagsKey, ...tags);
  }

  async clock() {
    await this.connected();
    const [seconds, micros] = await this.redis.time();
    return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  }

  /** @param {string} name @returns {Promise<string | null>} */
  async cursor(name) {
    await this.connected();
    return this.redis.get(`${this.prefix}cursor:${name}`);
  }

  /** @param {string} name @param {string} id */
  async setCursor(name, id) {
    await this.connected();
    await this.commands.newsroomCursor(`${this.prefix}cursor:${name}`, id);
  }

  async close() {
    this.redis.disconnect();
  }
}

module.exports = { RedisStore };
