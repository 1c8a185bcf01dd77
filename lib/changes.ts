import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { LABEL, mediaChangeLabels, storyChangeLabels, storyLabel, storyNoteLabels } from "@/lib/cache/labels";
import { personLabels } from "@/lib/people/cache-labels";
import { storyFacts, type TStoryFacts } from "@/lib/stories/facts";

/**
 * The domain says what changed, in the transaction that changes it. Every
 * domain function whose change readers (or other software) can see calls
 * `recordChanges(tx, …)` before its transaction commits: one row per change in
 * the outbox (model Event: type, subject, the cache labels of the pages it can
 * have touched, a payload), so a change and its event stand or fall together.
 * Nothing in app/ works out what to refresh, and nothing is refreshed here:
 * every process hears the rows (lib/events/stream.ts) and its consumers (the
 * page cache now; webhooks and live pages next) act on them.
 */

type Tx = Prisma.TransactionClient;

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
  | { kind: "weather" }
  /** The breaking-news banner put up, replaced or taken down. */
  | { kind: "banner" }
  /** A live story's coverage: an entry posted, edited, removed or pinned, or the coverage ended or reopened; `revision` is the story's liveRevision after it. */
  | { kind: "live"; storyId: string; revision: number };

/** The channel every app process listens on; the payload is the new event's id. */
export const EVENTS_CHANNEL = "newsroom_events";

/**
 * The transaction advisory lock every event insert takes first: ids are then
 * committed in id order (a transaction holding a lower id commits before the
 * next one is handed out), so a reader that has seen id N has seen every id
 * below it and catch-up by id misses nothing. Held only from the insert to the
 * commit: the insert is the transaction's last statement.
 */
const EVENTS_LOCK = 0x6e657773; // "news"

type TEventRow = { type: string; subject: string; labels: string[]; payload: Prisma.InputJsonValue };

const live = (facts: TStoryFacts | null) => facts?.status === "PUBLISHED";

/** What the outbox keeps of a change: its type, its subject, the pages it touched. */
export async function eventOf(tx: Tx, change: TChange): Promise<TEventRow> {
  switch (change.kind) {
    case "story": {
      const { before, after } = change;
      const id = (after ?? before)?.id ?? "";
      const type = live(after) ? (live(before) ? "story.updated" : "story.published") : live(before) ? "story.unpublished" : "story.workflow";
      // A story that was not public before or after is on no public page.
      const labels = live(before) || live(after) ? storyChangeLabels(before, after) : [];
      return { type, subject: `story:${id}`, labels, payload: { before, after } as unknown as Prisma.InputJsonValue };
    }
    case "story-note":
      return { type: "story.corrected", subject: `story:${change.storyId}`, labels: storyNoteLabels(change.storyId), payload: { storyId: change.storyId } };
    case "media":
      return { type: "media.updated", subject: `media:${change.mediaId}`, labels: mediaChangeLabels(change.mediaId), payload: { mediaId: change.mediaId } };
    case "person":
      return {
        type: "person.updated",
        subject: `person:${change.personId}`,
        labels: await personLabels(change.personId, tx),
        payload: { personId: change.personId },
      };
    case "front":
      return { type: "front.updated", subject: "front", labels: [LABEL.front], payload: {} };
    case "weather":
      return { type: "weather.updated", subject: "weather", labels: [LABEL.weather], payload: {} };
    case "banner":
      return { type: "banner.updated", subject: "banner", labels: [LABEL.banner], payload: {} };
    case "live":
      // Every page of the story carries its label; open pages hear it too (lib/live/updates.ts).
      return {
        type: "story.live",
        subject: `story:${change.storyId}`,
        labels: [storyLabel(change.storyId)],
        payload: { storyId: change.storyId, revision: change.revision },
      };
  }
}

/** Record changes in the outbox, inside the transaction that makes them; every process is told at commit. */
export async function recordChanges(tx: Tx, changes: TChange[]): Promise<void> {
  if (!changes.length) return;
  const rows = await Promise.all(changes.map((c) => eventOf(tx, c)));
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${EVENTS_LOCK})`;
  for (const row of rows) {
    const [inserted] = await tx.$queryRaw<{ id: bigint }[]>`
      INSERT INTO "Event" (type, subject, labels, payload)
      VALUES (${row.type}, ${row.subject}, ${row.labels}, ${JSON.stringify(row.payload)}::jsonb)
      RETURNING id`;
    // Delivered when (and only if) the transaction commits.
    await tx.$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}, ${String(inserted!.id)})`;
  }
}

/** Run a change to a story inside `tx` and record it with the story's facts before and after. */
export async function changingStory<T>(tx: Tx, storyId: string, change: () => Promise<T>): Promise<T> {
  const before = await storyFacts(storyId, tx);
  const result = await change();
  await recordChanges(tx, [{ kind: "story", before, after: await storyFacts(storyId, tx) }]);
  return result;
}
