import "server-only";
import type { TChange } from "@/lib/changes";
import { personTags } from "@/lib/people/cache-tags";
import { refreshFromBackground, refreshPublicPages } from "./refresh";
import { mediaChangeTags, storyChangeTags, storyNoteTags, TAG } from "./tags";

/** The cache tags of every public page a change can have touched. */
export async function tagsOfChange(change: TChange): Promise<string[]> {
  switch (change.kind) {
    case "story":
      return storyChangeTags(change.before, change.after);
    case "story-note":
      return storyNoteTags(change.storyId);
    case "media":
      return mediaChangeTags(change.mediaId);
    case "person":
      return personTags(change.personId);
    case "front":
      return [TAG.front];
    case "weather":
      return [TAG.weather];
  }
}

/**
 * The one place changes become cache work: expire the pages they touched. In a
 * request (a server action, a route handler) Next's revalidateTag does it here;
 * outside one (the scheduler, the weather loop, a script) revalidateTag refuses,
 * and this process's own refresh route does it instead.
 */
export async function applyToPageCache(changes: TChange[]): Promise<void> {
  const tags = [...new Set((await Promise.all(changes.map(tagsOfChange))).flat())];
  if (!tags.length) return;
  try {
    refreshPublicPages(tags);
  } catch {
    await refreshFromBackground(tags);
  }
}
