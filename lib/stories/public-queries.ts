import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db/client";
import { getDisplayMedia } from "@/lib/media/queries";
import { plainText, firstSentence } from "@/lib/richtext/text";
import type { TRichDoc } from "@/lib/richtext/types";
import { publicStoryWhere } from "./queries";

/** A story in a public list (the front page's too). */
export const TEASER = {
  id: true,
  slug: true,
  headline: true,
  dek: true,
  publishedAt: true,
  firstPublishedAt: true,
  section: { select: { name: true, slug: true } },
  // A live story's teaser carries the LIVE mark.
  liveStartedAt: true,
  liveEndedAt: true,
} as const;

export const SECTION_PAGE_SIZE = 20;

/** A section's page: its published stories, newest first; null for an unknown section. Once per request. */
export const getSectionPage = cache(async (slug: string, page = 1) => {
  const section = await prisma.section.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
  if (!section) return null;
  const where = { ...publicStoryWhere(), sectionId: section.id };
  const [stories, total] = await Promise.all([
    prisma.story.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * SECTION_PAGE_SIZE,
      take: SECTION_PAGE_SIZE,
      select: TEASER,
    }),
    prisma.story.count({ where }),
  ]);
  return { section, stories, total, page, pages: Math.max(1, Math.ceil(total / SECTION_PAGE_SIZE)) };
});

export const TAG_PAGE_SIZE = 20;

/**
 * A tag's page: the published stories carrying it, newest first, and the tag
 * as the newest of them spells it; null when no public story carries it.
 */
export const getTagPage = cache(async (slug: string, page = 1) => {
  const where = { ...publicStoryWhere(), tagSlugs: { has: slug } };
  const [tag, stories, total] = await Promise.all([
    findTag(slug),
    prisma.story.findMany({ where, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], skip: (page - 1) * TAG_PAGE_SIZE, take: TAG_PAGE_SIZE, select: TEASER }),
    prisma.story.count({ where }),
  ]);
  return tag ? { tag, stories, total, page, pages: Math.max(1, Math.ceil(total / TAG_PAGE_SIZE)) } : null;
});

/** A tag some public story carries, spelled as the newest such story spells it; null if none does. */
export async function findTag(slug: string): Promise<{ name: string; slug: string } | null> {
  const newest = await prisma.story.findFirst({
    where: { ...publicStoryWhere(), tagSlugs: { has: slug } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    select: { tags: true, tagSlugs: true },
  });
  return newest ? { name: newest.tags[newest.tagSlugs.indexOf(slug)] ?? slug, slug } : null;
}

export const FEED_SIZE = 50;

/** The section or person a feed is for: its name and slug, or null. */
export async function findFeedOwner(kind: "section" | "person", slug: string): Promise<{ id: string; name: string; slug: string } | null> {
  const select = { id: true, name: true, slug: true } as const;
  return kind === "section" ? prisma.section.findUnique({ where: { slug }, select }) : prisma.person.findUnique({ where: { slug }, select });
}

/** The newest public stories for a feed: everything, one section, or one person's credits. */
export async function listFeedStories({ sectionSlug, personSlug, tagSlug }: { sectionSlug?: string; personSlug?: string; tagSlug?: string } = {}) {
  const stories = await prisma.story.findMany({
    where: {
      ...publicStoryWhere(),
      ...(sectionSlug ? { section: { slug: sectionSlug } } : {}),
      ...(tagSlug ? { tagSlugs: { has: tagSlug } } : {}),
      ...(personSlug ? { credits: { some: { person: { slug: personSlug }, role: { not: "EDITOR" } } } } : {}),
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: FEED_SIZE,
    select: {
      ...TEASER,
      body: true,
      leadMediaId: true,
      tags: true,
      // Bylines are the item's creators; the other public credits its contributors (lib/seo/feeds.ts).
      credits: {
        where: { role: { not: "EDITOR" } },
        orderBy: { position: "asc" },
        select: { role: true, person: { select: { id: true, name: true, affiliation: true } } },
      },
    },
  });
  const media = await getDisplayMedia(stories.flatMap((s) => (s.leadMediaId ? [s.leadMediaId] : [])));
  return stories.map((s) => ({
    ...s,
    description: s.dek || firstSentence(plainText(s.body as TRichDoc), 300),
    lead: s.leadMediaId ? (media.get(s.leadMediaId) ?? null) : null,
  }));
}

/** Everything a sitemap lists: public stories, sections, and people with a public page. */
export async function listSitemapEntries() {
  const where = publicStoryWhere();
  const [stories, sections, people] = await Promise.all([
    prisma.story.findMany({ where, orderBy: { publishedAt: "desc" }, take: 50_000, select: { slug: true, publishedAt: true, contentUpdatedAt: true } }),
    prisma.section.findMany({ orderBy: { position: "asc" }, select: { slug: true } }),
    prisma.person.findMany({
      where: { OR: [{ credits: { some: { role: { not: "EDITOR" }, story: where } } }, { longBio: { not: null } }, { shortBio: { not: null } }] },
      orderBy: { name: "asc" },
      select: { slug: true, updatedAt: true },
    }),
  ]);
  return { stories, sections, people };
}

/** Stories first published in the last two days, for the news sitemap. */
export async function listRecentForNewsSitemap(now = new Date()) {
  return prisma.story.findMany({
    where: { ...publicStoryWhere(now), firstPublishedAt: { gte: new Date(now.getTime() - 48 * 60 * 60 * 1000) } },
    orderBy: { firstPublishedAt: "desc" },
    take: 1000,
    select: { slug: true, headline: true, firstPublishedAt: true },
  });
}
