import "server-only";
import { unstable_cache } from "next/cache";

const MAX_TAGS = 64;

/**
 * Label the public page (or feed) being rendered with what it shows, so a
 * change to any of it expires the page (lib/cache/apply.ts). Next collects the tags of every `unstable_cache` call made while
 * a cached route renders and files the page under them; this call caches
 * nothing of ours (a constant), it only contributes the tags. Call it before
 * anything that may end the render early (`notFound()`), so a cached "not
 * found" is refreshed when the story appears.
 *
 * (`cacheTag` does this under Cache Components; we use the classic route cache,
 * whose pages are cached whole, so the newsroom's dynamic pages need no rework.)
 */
export async function labelPage(...tags: string[]): Promise<void> {
  const unique = [...new Set(tags)].slice(0, MAX_TAGS);
  if (unique.length === 0) return;
  // One key for every call: the tags are collected before the lookup, and a key per
  // tag set would file an entry for every URL asked for (made-up slugs included).
  await unstable_cache(async () => true, ["page-tags"], { tags: unique })();
}
