import { pageCacheStore } from "@/lib/cache/handler/store.cjs";

/**
 * Reader pages as sent: rendered once, then served from memory until a change
 * expires one of their labels, or a minute has passed (the safety net; the next
 * reader still gets the old page at once while it is rendered again).
 *
 * The entries live in the page cache store (lib/cache/handler/store.cjs: this
 * process's memory, within its byte budget and with not-found answers in their
 * own small pool; or Redis, shared by every process) with its label expiry
 * times, which the events' consumer (lib/events/page-cache.ts) records there.
 * An entry is stamped with the store's clock when it was last looked up before
 * its render, a moment the render *began* after: a change applied while it
 * rendered expires it, so a page that read the database just before a change
 * is never served as fresh. When the store cannot be reached (Redis down),
 * pages are rendered for each reader (one render per path at a time).
 */
export type TAnswer = {
  status: number;
  /** Headers of this answer besides the shared ones (security, cache control). */
  headers: Record<string, string>;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  /** Whether a CDN or browser may keep it (not-found answers: yes, briefly; search: no). */
  cacheable: boolean;
};

type TCached = { answer: TAnswer; labels: string[]; renderedFrom: number };

const FRESH_MS = 60_000;
const ENTRY_OVERHEAD = 512;

const store = () => pageCacheStore();
const keyOf = (path: string) => `site:${path}`;
const renders = new Map<string, Promise<TAnswer>>();

/** What `cachedAnswer` needs from a page: a render that says what it showed. */
export type TRender = () => Promise<{ answer: TAnswer; labels: string[] }>;

/**
 * The answer for `path`: from the cache while fresh; rendered (once, however many
 * readers ask at the same time) when missing or expired by a change; served as it
 * is while a minute-old copy renders again. `stale` answers with the last copy when
 * the render fails (the database is down) and there is one.
 */
export async function cachedAnswer(path: string, render: TRender): Promise<{ answer: TAnswer; state: "HIT" | "MISS" | "STALE" }> {
  const key = keyOf(path);
  const { held, expired, now } = await lookup(key);
  if (held && !expired) {
    const { value, lastModified } = held.entry;
    if (now - lastModified < FRESH_MS) return { answer: value.answer, state: "HIT" };
    void renderOnce(key, render, now).catch(() => {}); // a minute old: the next reader gets the new one
    return { answer: value.answer, state: "STALE" };
  }
  try {
    return { answer: await renderOnce(key, render, now), state: "MISS" };
  } catch (err) {
    if (held) return { answer: held.entry.value.answer, state: "STALE" };
    throw err;
  }
}

type THeldAnswer = { entry: { value: TCached; lastModified: number }; tags: string[] };

let lastWarning = 0;
function warn(what: string, err: unknown) {
  if (Date.now() - lastWarning < 10_000) return;
  lastWarning = Date.now();
  console.error(`[site] ${what}: ${(err as Error)?.message ?? err}`);
}

async function lookup(key: string): Promise<{ held: THeldAnswer | null; expired: boolean; now: number }> {
  try {
    const found = await store().lookup(key);
    return { held: found.held as THeldAnswer | null, expired: found.expired, now: found.now };
  } catch (err) {
    warn("reading the page cache failed", err);
    return { held: null, expired: false, now: Date.now() };
  }
}

/** Render `key` once however many readers ask; `startedAt`: the store's clock before the render began. */
function renderOnce(key: string, render: TRender, startedAt: number): Promise<TAnswer> {
  const running = renders.get(key);
  if (running) return running;
  const promise = render()
    .then(async ({ answer, labels }) => {
      if (answer.cacheable) await keep(key, { answer, labels, renderedFrom: startedAt });
      return answer;
    })
    .finally(() => renders.delete(key));
  renders.set(key, promise);
  return promise;
}

async function keep(key: string, cached: TCached) {
  const { answer, labels } = cached;
  const size =
    ENTRY_OVERHEAD +
    key.length * 2 +
    answer.body.byteLength +
    (answer.gzip?.byteLength ?? 0) +
    JSON.stringify(answer.headers).length * 2 +
    labels.reduce((n, l) => n + l.length * 2, 0);
  // `status` on the value puts not-found answers in the cache's pool for errors.
  const held = { entry: { value: Object.assign(cached, { status: answer.status }), lastModified: cached.renderedFrom }, tags: labels };
  await store()
    .save(key, held, size)
    .catch((err: unknown) => warn("keeping a page in the cache failed", err));
}
