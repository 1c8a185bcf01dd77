import "server-only";
import { cache } from "react";
import { hasRole, type TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getDisplayMedia } from "@/lib/media/queries";
import { publicStoryWhere } from "@/lib/stories/queries";

/** People who may be credited, matching what was typed; retired people are not offered. */
/** A person as the credits panel offers them. */
export type TPersonOption = { id: string; name: string; title: string | null; affiliation: string | null; shortBio: string | null };

export async function searchPeopleForCredits({ actor, q }: { actor: TActor | null; q: string }): Promise<TPersonOption[]> {
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in to credit people.");
  const text = q.trim().slice(0, 100);
  return prisma.person.findMany({
    where: { retiredAt: null, ...(text ? { name: { contains: text, mode: "insensitive" } } : {}) },
    orderBy: { name: "asc" },
    take: 10,
    select: { id: true, name: true, title: true, affiliation: true, shortBio: true },
  });
}

/** Everyone, for the admins' list. */
export async function listPeople({ actor, q }: { actor: TActor | null; q?: string }) {
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins manage people.");
  const text = q?.trim().slice(0, 100);
  return prisma.person.findMany({
    where: text ? { name: { contains: text, mode: "insensitive" } } : {},
    orderBy: [{ retiredAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: { id: true, name: true, slug: true, title: true, affiliation: true, retiredAt: true, _count: { select: { credits: true } } },
  });
}

export const PERSON_PAGE_SIZE = 20;

/**
 * A person's public page: details and their published stories, newest first.
 * null (404) for someone with no published credit and no bio.
 */
export const getPublicPerson = cache(async (slug: string, page = 1) => {
  const person = await prisma.person.findUnique({
    where: { slug },
    select: { id: true, name: true, slug: true, title: true, affiliation: true, shortBio: true, longBio: true, links: true, photoId: true },
  });
  if (!person) return null;
  const where = { ...publicStoryWhere(), credits: { some: { personId: person.id, role: { not: "EDITOR" as const } } } };
  const [stories, total] = await Promise.all([
    prisma.story.findMany({
      where,
      orderBy: { publishedAt: "desc" },
      skip: (Math.max(1, page) - 1) * PERSON_PAGE_SIZE,
      take: PERSON_PAGE_SIZE,
      // A live story's teaser carries the LIVE mark.
      select: { id: true, slug: true, headline: true, dek: true, publishedAt: true, liveStartedAt: true, liveEndedAt: true },
    }),
    prisma.story.count({ where }),
  ]);
  if (total === 0 && !person.shortBio && !person.longBio) return null;
  const links = Array.isArray(person.links) ? (person.links as { label: string; url: string }[]) : [];
  const photo = person.photoId ? ((await getDisplayMedia([person.photoId])).get(person.photoId) ?? null) : null;
  return { ...person, links, photo, stories, total, pages: Math.max(1, Math.ceil(total / PERSON_PAGE_SIZE)) };
});

/** The current slug of the person who once used `slug` (renamed or merged), for a 301. */
export async function findCurrentPersonSlug(slug: string): Promise<string | null> {
  const old = await prisma.personSlug.findUnique({ where: { slug }, select: { person: { select: { slug: true } } } });
  return old?.person.slug ?? null;
}

/** One person with everything an admin edits. */
export async function getPersonForAdmin({ actor, personId }: { actor: TActor | null; personId: string }) {
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins manage people.");
  const person = await prisma.person.findUnique({
    where: { id: personId },
    include: { user: { select: { id: true, email: true } }, _count: { select: { credits: true } } },
  });
  if (!person) throw new AppError("NOT_FOUND", "No such person.");
  const photo = person.photoId ? ((await getDisplayMedia([person.photoId])).get(person.photoId) ?? null) : null;
  return { ...person, photo, links: Array.isArray(person.links) ? (person.links as { label: string; url: string }[]) : [] };
}

/** People who may be credited (for a select), plus `include` even if retired, so a current choice stays visible. */
export async function listCreditablePeople({ actor, include }: { actor: TActor | null; include?: string | null }) {
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in to credit people.");
  return prisma.person.findMany({
    where: { OR: [{ retiredAt: null }, ...(include ? [{ id: include }] : [])] },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
