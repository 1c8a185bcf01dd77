import "server-only";
import type { TChange } from "@/lib/changes";
import { personLabels } from "@/lib/people/cache-labels";
import { refreshFromBackground, refreshPublicPages } from "./refresh";
import { mediaChangeLabels, storyChangeLabels, storyNoteLabels, LABEL } from "./labels";

/** The cache tags of every public page a change can have touched. */
export async function labelsOfChange(change: TChange): Promise<string[]> {
  switch (change.kind) {
    case "story":
      return storyChangeLabels(change.before, change.after);
    case "story-note":
      return storyNoteLabels(change.storyId);
    case "media":
      return mediaChangeLabels(change.mediaId);
    case "person":
      return personLabels(change.personId);
    case "front":
      return [LABEL.front];
    case "weather":
      return [LABEL.weather];
  }
}

/**
 * The one place changes become cache work: expire the pages they touched. In a
 * request (a server action, a route handler) Next's revalidateTag does it here;
 * outside one (the scheduler, the weather loop, a script) revalidateTag refuses,
 * and this process's own refresh route does it instead.
 */
export async function applyToPageCache(changes: TChange[]): Promise<void> {
  const tags = [...new Set((await Promise.all(changes.map(labelsOfChange))).flat())];
  if (!tags.length) return;
  try {
    refreshPublicPages(tags);
  } catch {
    await refreshFromBackground(tags);
  }
}
