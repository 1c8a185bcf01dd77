import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryList } from "@/components/site/story-list";
import { pagePath } from "@/components/ui/pager";
import { labelPage } from "@/lib/cache/page-labels";
import { sectionStoriesLabel, LABEL } from "@/lib/cache/labels";
import { pageAlternates } from "@/lib/site";
import { getSectionPage } from "@/lib/stories/public-queries";

/** One page of a section, the cached page filed under the section's list (a 404 under the sections). */
async function load(slug: string, page: number) {
  await labelPage(LABEL.sections, LABEL.listings);
  const data = await getSectionPage(slug, page);
  if (data) await labelPage(sectionStoriesLabel(data.section.id));
  // A page past the end is not a page (page 1 always is, even when empty).
  return data && (page === 1 || page <= data.pages) ? data : null;
}

export async function sectionMetadata(slug: string, page: number): Promise<Metadata> {
  const data = await load(slug, page);
  if (!data) return { title: "Section not found" };
  const base = `/sections/${data.section.slug}`;
  return {
    title: page > 1 ? `${data.section.name} — page ${page}` : data.section.name,
    alternates: pageAlternates(pagePath(base, page), `${base}/feed.xml`),
  };
}

/** A section's stories, newest first, 20 to a page. */
export async function SectionView({ slug, page }: { slug: string; page: number }) {
  const data = await load(slug, page);
  if (!data) notFound();
  const { section, stories, pages } = data;
  return (
    <StoryList
      heading={section.name}
      stories={stories.map((s) => ({ ...s, section: null }))}
      page={page}
      pages={pages}
      base={`/sections/${section.slug}`}
      empty={`No stories in ${section.name} yet.`}
    />
  );
}
