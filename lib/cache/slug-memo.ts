/**
 * The proxy's memory of which slugs are current (see proxy.ts): a slug lookup
 * per request would be the one database query left on cached story and person
 * pages. Kept on globalThis because the proxy and the server actions are
 * bundled separately but run in one process; `refreshPublicPages` forgets it
 * all, so a slug change redirects from the next request on.
 */
type TMemo = Map<string, { current: string | null; until: number }>;

const KEY = Symbol.for("newsroom.slugMemo");
const REMEMBER_MS = 60_000;
/** At most this many answers (unknown slugs take one each too): the oldest go first. */
const MAX_REMEMBERED = 10_000;
/** "people/" and the longest slug (80), with room: a longer key is no slug of ours, and is not remembered. */
const MAX_KEY_LENGTH = 100;

function memo(): TMemo {
  const g = globalThis as { [KEY]?: TMemo };
  return (g[KEY] ??= new Map());
}

/** The remembered answer for `key`, or the lookup's (then remembered). */
export async function rememberedSlug(key: string, lookup: () => Promise<string | null>): Promise<string | null> {
  const m = memo();
  const now = Date.now();
  const hit = m.get(key);
  if (hit && hit.until > now) return hit.current;
  const current = await lookup();
  if (key.length > MAX_KEY_LENGTH) return current;
  m.delete(key);
  for (const [oldest] of m) {
    if (m.size < MAX_REMEMBERED) break;
    m.delete(oldest);
  }
  m.set(key, { current, until: now + REMEMBER_MS });
  return current;
}

export function forgetSlugs(): void {
  memo().clear();
}
