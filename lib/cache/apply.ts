import "server-only";
import type { TChange } from "@/lib/changes";
import { config } from "@/lib/config/config";
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
 * The one place changes become cache work: expire the pages they touched,
 * through this process's own refresh route (a route handler of its own). Not
 * with revalidateTag in the request that made the change: inside a server
 * action that makes Next re-render the page the person is on, and for the story
 * editor (a story started at /newsroom/stories/new, its address swapped in
 * place) that remounted the editor and lost its refusal, undo history and open
 * work. Only when the route cannot be reached are they expired here, which
 * works in a request and is refused outside one (then the cache's own time
 * limit is the backstop, and the failure is logged).
 * Across processes (issue 16) this becomes an event every process hears.
 */
export async function applyToPageCache(changes: TChange[]): Promise<void> {
  const labels = [...new Set((await Promise.all(changes.map(labelsOfChange))).flat())];
  if (!labels.length || (await refreshFromBackground(labels))) return;
  try {
    refreshPublicPages(labels);
  } catch (err) {
    // No refresh token: this process is not the app server (a script, a test) and holds no page cache.
    if (config("NEWSROOM_INTERNAL_TOKEN")) throw err;
  }
}
