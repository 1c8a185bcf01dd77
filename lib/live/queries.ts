import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { getDisplayMedia, type TDisplayMedia } from "@/lib/media/queries";
import { firstSentence, mediaIdsIn, plainText } from "@/lib/richtext/text";
import type { TRichDoc } from "@/lib/richtext/types";
import { loadVisibleStory } from "@/lib/stories/access";
import { publicStoryWhere } from "@/lib/stories/queries";
import { ENTRY_SELECT } from "./mutations";
import { liveState } from "./rules";
import { LIVE_PAGE_SIZE } from "./schemas";

/** An entry as readers see it. */
export type TPublicEntry = {
  id: string;
  headline: string | null;
  body: TRichDoc;
  keyEvent: boolean;
  correction: string | null;
  version: number;
  publishedAt: Date;
  updatedAt: Date;
  author: { id: string; name: string; slug: string } | null;
};

/** A key event at the top of the page: what it says, and where it is (its page's address and anchor). */
export type TKeyEvent = { id: string; title: string; publishedAt: Date; href: string };

export type TLiveCoverage = {
  storyId: string;
  state: "live" | "ended";
  startedAt: Date;
  endedAt: Date | null;
  revision: number;
  /** This page of entries (1: the newest), and how many there are. */
  page: number;
  pages: number;
  total: number;
  entries: TPublicEntry[];
  pinned: TPublicEntry | null;
  keyEvents: TKeyEvent[];
  /** The newest entry's time, or the start. */
  lastUpdate: Date;
  /** The images the entries on this page show. */
  media: Map<string, TDisplayMedia>;
};

const PUBLIC_ENTRY = {
  id: true,
  headline: true,
  body: true,
  keyEvent: true,
  correction: true,
  version: true,
  publishedAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true, slug: true } },
} as const;

const NEWEST_FIRST = [{ publishedAt: "desc" as const }, { id: "desc" as const }];

/** An entry's title where it has no headline: its first sentence. */
export const entryTitle = (e: { headline: string | null; body: unknown }) => e.headline || firstSentence(plainText(e.body as TRichDoc), 110);

/**
 * What a live story's page `page` shows (null: the story is not live, or the
 * page is past the last). Pages hold LIVE_PAGE_SIZE entries, newest first; the
 * pinned entry and the key events are on every page, the key events linking to
 * the page each is on. One light read of every entry's id and time (1,000
 * entries: a few milliseconds), then the page's entries whole.
 */
export async function getLiveCoverage(
  story: { id: string; slug: string; liveStartedAt: Date | null; liveEndedAt: Date | null; liveRevision: number; livePinnedId: string | null },
  page: number,
): Promise<TLiveCoverage | null> {
  if (!story.liveStartedAt) return null;
  const where = { storyId: story.id, state: "PUBLISHED" as const };
  const index = await prisma.liveEntry.findMany({ where, orderBy: NEWEST_FIRST, select: { id: true, keyEvent: true, publishedAt: true } });
  const pages = Math.max(1, Math.ceil(index.length / LIVE_PAGE_SIZE));
  if (page > pages) return null;
  const onPage = index.slice((page - 1) * LIVE_PAGE_SIZE, page * LIVE_PAGE_SIZE).map((e) => e.id);
  const keyIds = index.filter((e) => e.keyEvent).map((e) => e.id);
  const pinnedId = story.livePinnedId && index.some((e) => e.id === story.livePinnedId) ? story.livePinnedId : null;
  const wanted = [...new Set([...onPage, ...(pinnedId ? [pinnedId] : [])])];
  const [rows, keys] = await Promise.all([
    prisma.liveEntry.findMany({ where: { id: { in: wanted } }, select: PUBLIC_ENTRY }),
    prisma.liveEntry.findMany({ where: { id: { in: keyIds } }, orderBy: NEWEST_FIRST, select: { id: true, headline: true, body: true, publishedAt: true } }),
  ]);
  const byId = new Map(rows.map((r) => [r.id, { ...r, body: r.body as TRichDoc, publishedAt: r.publishedAt! }]));
  const position = new Map(index.map((e, i) => [e.id, i]));
  const pageOf = (id: string) => Math.floor(position.get(id)! / LIVE_PAGE_SIZE) + 1;
  const entries = onPage.map((id) => byId.get(id)!);
  const pinned = pinnedId ? byId.get(pinnedId)! : null;
  const shown = [...entries, ...(pinned ? [pinned] : [])];
  return {
    storyId: story.id,
    state: liveState(story) === "ended" ? "ended" : "live",
    startedAt: story.liveStartedAt,
    endedAt: story.liveEndedAt,
    revision: story.liveRevision,
    page,
    pages,
    total: index.length,
    entries,
    pinned,
    keyEvents: keys.map((k) => ({
      id: k.id,
      title: entryTitle(k),
      publishedAt: k.publishedAt!,
      href: `${pageOf(k.id) === page ? "" : livePagePath(story.slug, pageOf(k.id))}#entry-${k.id}`,
    })),
    lastUpdate: index[0]?.publishedAt ?? story.liveStartedAt,
    media: await getDisplayMedia([...new Set(shown.flatMap((e) => mediaIdsIn(e.body)))]),
  };
}

/** Which page of its story a published entry is on now (null: no such entry up), for its permalink. */
export async function liveEntryPage(storyId: string, entryId: string): Promise<number | null> {
  const entry = await prisma.liveEntry.findFirst({ where: { id: entryId, storyId, state: "PUBLISHED" }, select: { publishedAt: true } });
  if (!entry?.publishedAt) return null;
  const newer = await prisma.liveEntry.count({
    where: { storyId, state: "PUBLISHED", OR: [{ publishedAt: { gt: entry.publishedAt } }, { publishedAt: entry.publishedAt, id: { gt: entryId } }] },
  });
  return Math.floor(newer / LIVE_PAGE_SIZE) + 1;
}

/** An entry's lasting address: it finds the page the entry is on whenever it is followed. */
export const liveEntryPath = (slug: string, entryId: string) => `/stories/${slug}/entries/${entryId}`;

/** Page n of a live story's entries (1 is the story's own address). */
export const livePagePath = (slug: string, n: number) => (n === 1 ? `/stories/${slug}` : `/stories/${slug}/page/${n}`);

/** For the open-page updates: is this a public live story, and at which revision? */
export async function getPublicLiveRevision(storyId: string): Promise<{ revision: number; ended: boolean } | null> {
  const story = await prisma.story.findFirst({
    where: { id: storyId, liveStartedAt: { not: null }, ...publicStoryWhere() },
    select: { liveRevision: true, liveEndedAt: true },
  });
  return story ? { revision: story.liveRevision, ended: story.liveEndedAt !== null } : null;
}

/** A story's coverage for the newsroom: its state and every entry (pending and removed too, with their earlier versions), newest first. */
export async function getLiveDesk({ actor, storyId }: { actor: TActor | null; storyId: string }) {
  const story = await loadVisibleStory({
    actor,
    storyId,
    query: { select: { id: true, headline: true, slug: true, status: true, liveStartedAt: true, liveEndedAt: true, livePinnedId: true, createdById: true } },
  });
  const entries = await prisma.liveEntry.findMany({
    where: { storyId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      ...ENTRY_SELECT,
      createdBy: { select: { name: true } },
      history: { orderBy: { replacedAt: "desc" }, select: { headline: true, body: true, state: true, replacedAt: true, editedBy: { select: { name: true } } } },
    },
  });
  // A reporter's entries are theirs by default: the person in People who is them, if any.
  const me = actor?.kind === "user" ? await prisma.person.findUnique({ where: { userId: actor.id }, select: { id: true } }) : null;
  return { story, entries, myPersonId: me?.id ?? null };
}
