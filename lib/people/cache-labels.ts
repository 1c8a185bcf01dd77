import "server-only";
import { personChangeLabels } from "@/lib/cache/labels";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/** Tags for a person's public pages under every slug they have had (a merged-away person: their id's tags only). */
export async function personLabels(personId: string, db: Prisma.TransactionClient = prisma): Promise<string[]> {
  const p = await db.person.findUnique({ where: { id: personId }, select: { slug: true, oldSlugs: { select: { slug: true } } } });
  return personChangeLabels(personId, p ? [p.slug, ...p.oldSlugs.map((o) => o.slug)] : []);
}
