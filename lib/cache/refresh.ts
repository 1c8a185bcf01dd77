import "server-only";
import { revalidateTag } from "next/cache";
import { config } from "@/lib/config/config";

/**
 * When to expire the same tags again, in ms after the change. Next stamps a
 * cached page when it is stored, not when its render began: a render that read
 * the database just before the change and is stored just after it would be
 * taken for fresh (and readers arriving meanwhile join that render). Expiring
 * again once such renders have finished closes that window.
 */
const SETTLE_MS = [1_000, 5_000];

/** Expire the tags now (inside a request: a server action or a route handler). */
export function expireLabels(tags: Iterable<string>): void {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
}

/**
 * Expire the cached public pages filed under these tags. The next reader of
 * each gets a freshly rendered page (not a stale one served while it renders):
 * readers see a correction or an unpublish at once; the tags are expired again
 * after renders already under way have finished (SETTLE_MS). Only inside a
 * request (server action or route handler); background work uses `refreshFromBackground`.
 */
export function refreshPublicPages(tags: Iterable<string>): void {
  const unique = [...new Set(tags)];
  expireLabels(unique);
  for (const ms of SETTLE_MS) setTimeout(() => void refreshFromBackground(unique, { again: true }), ms).unref?.();
}

/** The header the internal refresh route checks. */
export const INTERNAL_TOKEN_HEADER = "x-newsroom-internal";

/**
 * Ask this process's own server to expire the labels, in a request of its own:
 * POST /api/internal/refresh on the loopback address with a token made when the
 * process started. Every recorded change goes this way (lib/cache/apply.ts):
 * outside a request revalidation is refused, and inside a server action it
 * would re-render the page the person is on. `again`: only expire them (this is
 * already the settling pass). False when the route could not be reached or
 * refused; a route that has not answered in 5 s has the request and counts as
 * reached (expiring again in the caller would bring back the re-render). A
 * failure is logged, not thrown: pages still refresh at their time limit.
 */
export async function refreshFromBackground(tags: string[], { again = false }: { again?: boolean } = {}): Promise<boolean> {
  const token = config("NEWSROOM_INTERNAL_TOKEN");
  if (!token || tags.length === 0) return false;
  const url = `http://127.0.0.1:${config("PORT")}/api/internal/refresh`;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", [INTERNAL_TOKEN_HEADER]: token },
      body: JSON.stringify({ tags: [...new Set(tags)], again }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) console.error(`[cache] refreshing ${tags.length} tags failed: HTTP ${response.status}`);
    return response.ok;
  } catch (err) {
    if ((err as Error)?.name === "TimeoutError") {
      console.warn(`[cache] the refresh route has not answered ${tags.length} labels within 5 s; it is still working on them.`);
      return true;
    }
    console.error("[cache] refreshing pages through the refresh route failed:", err);
    return false;
  }
}
