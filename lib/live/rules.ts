import { hasRole, type TActor } from "@/lib/auth/actor";

/**
 * Who may do what with a live story's entries: one pure rule, shared by the
 * domain functions and the newsroom page.
 *
 *   editors, admins     start, end, reopen the coverage; pin; post, edit,
 *                       remove and publish any entry; their entries go up at once
 *   contributors        post on live stories they can see (their own); an entry
 *                       of theirs waits for the desk (PENDING) as their stories
 *                       do, and they may edit or withdraw it until it is published
 */

type TEntryAccess = { state: "PENDING" | "PUBLISHED" | "REMOVED"; createdById: string };

export const isDesk = (actor: TActor | null) => hasRole(actor, "EDITOR");

/** The state a new entry by this actor starts in. */
export function newEntryState(actor: TActor): "PENDING" | "PUBLISHED" {
  return isDesk(actor) ? "PUBLISHED" : "PENDING";
}

/** May this actor change (edit or remove) this entry? */
export function canChangeEntry(actor: TActor | null, entry: TEntryAccess): boolean {
  if (!actor || entry.state === "REMOVED") return false;
  if (isDesk(actor)) return true;
  return actor.kind === "user" && entry.state === "PENDING" && entry.createdById === actor.id;
}

/** Is this story's coverage live now (the LIVE mark on its teasers and feed items)? */
export const isLive = (s: { liveStartedAt?: Date | null; liveEndedAt?: Date | null }) => Boolean(s.liveStartedAt && !s.liveEndedAt);

/** Where coverage stands: not live, live, or ended. */
export function liveState(story: { liveStartedAt: Date | null; liveEndedAt: Date | null }): "off" | "live" | "ended" {
  if (!story.liveStartedAt) return "off";
  return story.liveEndedAt ? "ended" : "live";
}
