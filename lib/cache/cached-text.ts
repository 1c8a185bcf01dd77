import "server-only";
import { unstable_cache } from "next/cache";

/** Seconds a cached text is kept when no tag expires it first (a safety net, like the pages' `revalidate`). */
const SAFETY_NET_S = 60;

/**
 * A generated text (a feed, a sitemap) kept in Next's data cache under `tags`,
 * so the route handler serving it stays dynamic (its address and headers are
 * decided per request, nothing is rendered at build time) but touches the
 * database only after a change expired the tags. Strings only: nothing is
 * lost to JSON on the way in or out.
 */
export function cachedText(key: string[], tags: string[], build: () => Promise<string>): Promise<string> {
  return unstable_cache(build, ["text", ...key], { tags: [...new Set(tags)], revalidate: SAFETY_NET_S })();
}
