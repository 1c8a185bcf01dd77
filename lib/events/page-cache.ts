import "server-only";
import { pageCacheStore } from "@/lib/cache/handler/store.cjs";
import type { TConsumer, TEvent } from "./stream";

/**
 * The page cache's consumer of events: expire the labels each event names, in
 * the store (memory, or Redis for every process at once), stamped with the
 * store's clock after the change committed, so every page whose render began
 * before it is expired. Its cursor lives with the store: a memory cache starts
 * empty, so with what comes from now on; Redis remembers how far it got, so a
 * restart (or Redis itself coming back from its last save) catches up.
 * `expired` hears each batch once its pages are expired (open live pages).
 */
export function pageCacheConsumer({ expired }: { expired?: (events: TEvent[]) => Promise<void> } = {}): TConsumer {
  const store = pageCacheStore();
  return {
    name: "pages",
    async start() {
      if (store.kind === "memory") return null;
      try {
        return await store.cursor("pages");
      } catch {
        return null; // Redis is not there yet: nothing cached in it can be stale for us to expire
      }
    },
    async apply(events) {
      const labels = [...new Set(events.flatMap((e) => e.labels))];
      await store.expireTags(labels);
      await store.setCursor("pages", events.at(-1)!.id);
      // What waits for these pages to be expired (open live pages): told now, never before.
      await expired?.(events).catch((err) => console.error("[events] after expiring pages:", (err as Error).message ?? err));
    },
  };
}
