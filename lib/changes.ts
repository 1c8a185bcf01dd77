import "server-only";
import { applyToPageCache } from "@/lib/cache/apply";
import { storyFacts, type TStoryFacts } from "@/lib/stories/facts";

/**
 * The domain says what changed. Every domain function whose change readers can
 * see records it here, after its transaction committed; nothing in app/ works
 * out what to refresh. One place turns changes into cache work
 * (lib/cache/apply.ts), and the next consumers (an event stream, webhooks,
 * live pages) hang on this same list.
 */

export type TChange =
  /** A story's public state: published, updated, unpublished, scheduled out, embargoed. Its facts before and after (a new section or byline changes both lists). */
  | { kind: "story"; before: TStoryFacts | null; after: TStoryFacts | null }
  /** A correction, clarification or update note on a story. */
  | { kind: "story-note"; storyId: string }
  /** An image's caption, credit, alt text or focal point. */
  | { kind: "media"; mediaId: string }
  /** A person's details, portrait, retirement, or a merge (both ids). */
  | { kind: "person"; personId: string }
  /** The front page's pins. */
  | { kind: "front" }
  /** A new weather forecast. */
  | { kind: "weather" };

type TListener = (changes: TChange[]) => void | Promise<void>;

/** Who hears of changes: the page cache always; more consumers subscribe with `onChanges`. */
const listeners = new Set<TListener>([applyToPageCache]);

/** Hear of every change recorded in this process from now on; returns the unsubscribe. */
export function onChanges(listener: TListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Record changes that have happened (the transaction is committed). Never throws: the change stands; the cache's own time limits are the backstop. */
export async function recordChanges(changes: TChange[]): Promise<void> {
  if (!changes.length) return;
  await Promise.all(
    [...listeners].map(async (listener) => {
      try {
        await listener(changes);
      } catch (err) {
        console.error("[changes] a consumer could not take a change:", err);
      }
    }),
  );
}

/** Run a change to a story and record it with the story's facts before and after. */
export async function changingStory<T>(storyId: string, change: () => Promise<T>): Promise<T> {
  const before = await storyFacts(storyId);
  const result = await change();
  await recordChanges([{ kind: "story", before, after: await storyFacts(storyId) }]);
  return result;
}
