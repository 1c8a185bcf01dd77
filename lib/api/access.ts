import type { Prisma } from "@/lib/db/generated/client";

/**
 * What an API key may read: the one rule, used by every query of the delivery
 * API (lib/api/content.ts) so a key never sees a story by another road.
 *
 *   scope "content"     published stories past any embargo (every key has it)
 *   scope "preview"     also drafts, stories in review and scheduled stories
 *   scope "embargoed"   also stories whose embargo has not lifted yet
 *
 * Unpublished and archived stories are never shown: they were taken down.
 * An embargoed draft needs both "preview" and "embargoed".
 */
export const API_SCOPES = ["content", "preview", "embargoed"] as const;
export type TApiScope = (typeof API_SCOPES)[number];

export const SCOPE_TEXT: Record<TApiScope, string> = {
  content: "Published content",
  preview: "Previews of drafts and scheduled stories",
  embargoed: "Embargoed stories before their time",
};

/** Who is calling: a key, with its scopes. */
export type TApiClient = { keyId: string; name: string; scopes: readonly TApiScope[] };

const NOT_YET = ["DRAFT", "IN_REVIEW", "SCHEDULED"] as const;

/** The stories `client` may read at `now`. */
export function apiStoryWhere(client: TApiClient, now = new Date()): Prisma.StoryWhereInput {
  const has = (s: TApiScope) => client.scopes.includes(s);
  const open: Prisma.StoryWhereInput = { OR: [{ embargoUntil: null }, { embargoUntil: { lte: now } }] };
  const allowed: Prisma.StoryWhereInput[] = [{ status: "PUBLISHED", ...open }];
  if (has("preview")) allowed.push({ status: { in: [...NOT_YET] }, ...open });
  if (has("embargoed")) {
    allowed.push({ status: { in: has("preview") ? ["PUBLISHED", ...NOT_YET] : ["PUBLISHED", "SCHEDULED"] }, embargoUntil: { gt: now } });
  }
  return { OR: allowed };
}

/** Whether a story with this status and embargo is public (cacheable, and the same for every key). */
export function isPublicStory(story: { status: string; embargoUntil: Date | null }, now = new Date()): boolean {
  return story.status === "PUBLISHED" && (!story.embargoUntil || story.embargoUntil <= now);
}
