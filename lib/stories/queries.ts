import "server-only";
import { cache } from "react";
import type { TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { getDisplayMedia } from "@/lib/media/queries";
import { mediaIdsIn } from "@/lib/richtext/text";
import type { TRichDoc } from "@/lib/richtext/types";
import type { CreditRole } from "@/lib/db/generated/enums";
import { liveContent, type TContent, type TCreditSnapshot } from "./content";
import { loadVisibleStory, visibleStoryWhere } from "./access";
import { ZStoryListFilter, type TStoryListFilter } from "./schemas";

export const DESK_PAGE_SIZE = 30;

/** The newsroom's story list: everything for editors, their own stories for contributors. */
export async function listStoriesForDesk({ actor, filter }: { actor: TActor | null; filter: TStoryListFilter }) {
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in to see the stories.");
  const { status, q, page = 1 } = ZStoryListFilter.parse(filter);
  const where: Prisma.StoryWhereInput = {
    AND: [
      visibleStoryWhere(actor),
      ...(status ? [{ status }] : []),
      ...(q
        ? [
            {
              OR: [
                { headline: { contains: q, mode: "insensitive" as const } },
                { dek: { contains: q, mode: "insensitive" as const } },
                { slug: { contains: q, mode: "insensitive" as const } },
              ],
            },
          ]
        : []),
    ],
  };
  const [stories, total] = await Promise.all([
    prisma.story.findMany({
      where,
      orderBy: { updatedAt: "desc" },
      skip: (page - 1) * DESK_PAGE_SIZE,
      take: DESK_PAGE_SIZE,
      select: { id: true, headline: true, slug: true, status: true, updatedAt: true, embargoUntil: true, createdBy: { select: { name: true } } },
    }),
    prisma.story.count({ where }),
  ]);
  return { stories, total, page, pages: Math.max(1, Math.ceil(total / DESK_PAGE_SIZE)) };
}

/**
 * One story for the editor or the newsroom preview: its working content (a
 * published story's pending update, if it has one), with credits resolved to
 * people. NOT_FOUND when the actor may not see it.
 */
export async function getStoryForEditor({ actor, storyId }: { actor: TActor | null; storyId: string }) {
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in to open this story.");
  const story = await loadVisibleStory({
    actor,
    storyId,
    query: { include: { section: true, createdBy: { select: { id: true, name: true } }, credits: { orderBy: { position: "asc" }, select: CREDIT_SELECT } } },
  });
  const pending = story.pending as TContent | null;
  const content = pending ?? liveContent(story);
  const body = content.body;
  const credits = pending ? await resolveCredits(pending.credits) : story.credits;
  const section =
    content.sectionId === story.sectionId ? story.section : content.sectionId ? await prisma.section.findUnique({ where: { id: content.sectionId } }) : null;
  return { ...story, ...content, section, body, credits, hasPending: pending !== null, media: await mediaOf(content.leadMediaId, body) };
}

/** Credit snapshots with the people's current details (people removed since are left out). */
async function resolveCredits(credits: TCreditSnapshot[]) {
  const people = new Map(
    (await prisma.person.findMany({ where: { id: { in: credits.map((c) => c.personId) } }, select: CREDIT_SELECT.person.select })).map((p) => [p.id, p]),
  );
  return credits.flatMap((c) => {
    const person = people.get(c.personId);
    return person ? [{ role: c.role as CreditRole, location: c.location, override: c.override, person }] : [];
  });
}

/** The library images a story shows (lead photo and body), ready to render. */
async function mediaOf(leadMediaId: string | null, body: TRichDoc) {
  return getDisplayMedia([...(leadMediaId ? [leadMediaId] : []), ...mediaIdsIn(body)]);
}

const CREDIT_SELECT = {
  role: true,
  location: true,
  override: true,
  person: { select: { id: true, name: true, slug: true, title: true, affiliation: true, shortBio: true } },
} as const;

/**
 * What readers may see: published, and past any embargo (a published story
 * cannot normally carry a future embargo; this holds even if one slips in).
 */
export function publicStoryWhere(now = new Date()): Prisma.StoryWhereInput {
  return { status: "PUBLISHED", OR: [{ embargoUntil: null }, { embargoUntil: { lte: now } }] };
}

const PUBLIC_STORY = {
  id: true,
  slug: true,
  headline: true,
  dek: true,
  dateline: true,
  body: true,
  firstPublishedAt: true,
  publishedAt: true,
  contentUpdatedAt: true,
  leadMediaId: true,
  leadCaption: true,
  tags: true,
  section: { select: { name: true, slug: true } },
  createdBy: { select: { name: true } },
  // Internal credits (EDITOR) never leave the newsroom.
  credits: { where: { role: { not: "EDITOR" } }, orderBy: { position: "asc" }, select: CREDIT_SELECT },
  notes: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, body: true, createdAt: true, updatedAt: true } },
  liveStartedAt: true,
  liveEndedAt: true,
  liveRevision: true,
  livePinnedId: true,
} as const;

/** A published story by its current slug, for readers; null for anything else. Once per request. */
export const getPublishedStoryBySlug = cache(async (slug: string) => {
  const story = await prisma.story.findFirst({ where: { slug, ...publicStoryWhere() }, select: PUBLIC_STORY });
  if (!story) return null;
  const body = story.body as TRichDoc;
  return { ...story, body, media: await mediaOf(story.leadMediaId, body) };
});

/** The current slug of the published story that once used `slug`, for a 301. */
export async function findCurrentSlug(slug: string): Promise<string | null> {
  const old = await prisma.storySlug.findFirst({ where: { slug, story: publicStoryWhere() }, select: { story: { select: { slug: true } } } });
  return old?.story.slug ?? null;
}

/** The newest published stories, for the front page. */
export async function listLatestPublished(limit = 20) {
  return prisma.story.findMany({
    where: publicStoryWhere(),
    orderBy: { publishedAt: "desc" },
    take: limit,
    select: { id: true, slug: true, headline: true, dek: true, publishedAt: true, firstPublishedAt: true, section: { select: { name: true } } },
  });
}

export async function listSections() {
  return prisma.section.findMany({ orderBy: { position: "asc" }, select: { id: true, name: true, slug: true } });
}
