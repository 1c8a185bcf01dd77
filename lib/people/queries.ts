import "server-only";
import { hasRole, type TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** People who may be credited, matching what was typed; retired people are not offered. */
export async function searchPeopleForCredits({ actor, q }: { actor: TActor | null; q: string }) {
  if (!actor) throw new AppError("UNAUTHORIZED", "Sign in to credit people.");
  const text = q.trim().slice(0, 100);
  return prisma.person.findMany({
    where: { retiredAt: null, ...(text ? { name: { contains: text, mode: "insensitive" } } : {}) },
    orderBy: { name: "asc" },
    take: 10,
    select: { id: true, name: true, title: true, affiliation: true },
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
