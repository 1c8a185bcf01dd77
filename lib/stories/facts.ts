import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/** What a story's public pages depend on, as far as its own change goes. */
export type TStoryFacts = { id: string; status: string; slugs: string[]; sectionId: string | null; people: { id: string; slug: string }[]; tagSlugs: string[] };

/** What a story's public pages hang on right now: its URLs, its section, the people credited, its tags. */
export async function storyFacts(storyId: string, db: Prisma.TransactionClient = prisma): Promise<TStoryFacts | null> {
  const s = await db.story.findUnique({
    where: { id: storyId },
    select: {
      id: true,
      status: true,
      slug: true,
      sectionId: true,
      tagSlugs: true,
      oldSlugs: { select: { slug: true } },
      credits: { select: { person: { select: { id: true, slug: true } } } },
    },
  });
  if (!s) return null;
  return {
    id: s.id,
    status: s.status,
    slugs: [s.slug, ...s.oldSlugs.map((o) => o.slug)],
    sectionId: s.sectionId,
    people: s.credits.map((c) => c.person),
    tagSlugs: s.tagSlugs,
  };
}
