// @ts-check
"use strict";

/**
 * A least-recently-used store bounded by bytes, not by count: each entry is
 * put in with its size, and the oldest are dropped until the total fits.
 * (A Map keeps insertion order; reading an entry moves it to the back.)
 *
 * @template T
 */
class ByteLru {
  /**
   * @param {number} maxBytes
   * @param {(key: string) => void} [onEvict] called for each entry pushed out to make room
   */
  constructor(maxBytes, onEvict) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    this.onEvict = onEvict;
    /** @type {Map<string, { value: T, size: number }>} */
    this.entries = new Map();
  }

  /** @param {string} key */
  get(key) {
    const held = this.entries.get(key);
    if (!held) return undefined;
    this.entries.delete(key);
    this.entries.set(key, held);
    return held.value;
  }

  /**
   * Keep `value` as `size` bytes. Something larger than the whole store is
   * not kept (nor is anything else pushed out for it). Returns whether it was kept.
   * @param {string} key
   * @param {T} value
   * @param {number} size
   */
  set(key, value, size) {
    this.delete(key);
    if (size > this.maxBytes) return false;
    this.entries.set(key, { value, size });
    this.bytes += size;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
      this.onEvict?.(oldest);
    }
    return true;
  }

  /** @param {string} key */
  delete(key) {
    const held = this.entries.get(key);
    if (!held) return;
    this.entries.delete(key);
    this.bytes -= held.size;
  }

  get size() {
    return this.entries.size;
  }
}

module.exports = { ByteLru };
