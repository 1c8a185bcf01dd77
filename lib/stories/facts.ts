import "server-only";
import { prisma } from "@/lib/db/client";

/** What a story's public pages depend on, as far as its own change goes. */
export type TStoryFacts = { id: string; slugs: string[]; sectionId: string | null; people: { id: string; slug: string }[]; tagSlugs: string[] };

/** What a story's public pages hang on right now: its URLs, its section, the people credited, its tags. */
export async function storyFacts(storyId: string): Promise<TStoryFacts | null> {
  const s = await prisma.story.findUnique({
    where: { id: storyId },
    select: {
      id: true,
      slug: true,
      sectionId: true,
      tagSlugs: true,
      oldSlugs: { select: { slug: true } },
      credits: { select: { person: { select: { id: true, slug: true } } } },
    },
  });
  if (!s) return null;
  return { id: s.id, slugs: [s.slug, ...s.oldSlugs.map((o) => o.slug)], sectionId: s.sectionId, people: s.credits.map((c) => c.person), tagSlugs: s.tagSlugs };
}
