import "server-only";
import { storyChangeTags, type TStoryFacts } from "@/lib/cache/tags";
import { prisma } from "@/lib/db/client";

/** What a story's public pages hang on right now: its URLs, its section, the people credited. */
export async function storyFacts(storyId: string): Promise<TStoryFacts | null> {
  const s = await prisma.story.findUnique({
    where: { id: storyId },
    select: { id: true, slug: true, sectionId: true, tagSlugs: true, oldSlugs: { select: { slug: true } }, credits: { select: { person: { select: { id: true, slug: true } } } } },
  });
  if (!s) return null;
  return { id: s.id, slugs: [s.slug, ...s.oldSlugs.map((o) => o.slug)], sectionId: s.sectionId, people: s.credits.map((c) => c.person), tagSlugs: s.tagSlugs };
}

/**
 * Run a change to a story and return the tags of every public page it can have
 * touched: the story's facts before and after (a new section or byline means
 * both the old and the new lists change).
 */
export async function storyChange<T>(storyId: string, change: () => Promise<T>): Promise<{ result: T; tags: string[] }> {
  const before = await storyFacts(storyId);
  const result = await change();
  return { result, tags: storyChangeTags(before, await storyFacts(storyId)) };
}

/** Tags for stories acted on by background work (the scheduler), after the fact. */
export async function storiesChangeTags(storyIds: string[]): Promise<string[]> {
  const facts = await Promise.all(storyIds.map(storyFacts));
  return storyChangeTags(...facts);
}
