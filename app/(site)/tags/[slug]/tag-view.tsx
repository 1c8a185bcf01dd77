import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryList } from "@/components/site/story-list";
import { pagePath } from "@/components/ui/pager";
import { labelPage } from "@/lib/cache/page-labels";
import { LABEL, tagStoriesLabel } from "@/lib/cache/labels";
import { pageAlternates } from "@/lib/site";
import { getTagPage } from "@/lib/stories/public-queries";

/** One page of a tag; cached under the tag's list, so a 404 becomes a page when a story first carries it. */
async function load(slug: string, page: number) {
  await labelPage(tagStoriesLabel(slug), LABEL.listings);
  const data = await getTagPage(slug, page);
  return data && (page === 1 || page <= data.pages) ? data : null;
}

export async function tagMetadata(slug: string, page: number): Promise<Metadata> {
  const data = await load(slug, page);
  if (!data) return { title: "Tag not found" };
  const base = `/tags/${data.tag.slug}`;
  return {
    title: page > 1 ? `${data.tag.name} — page ${page}` : data.tag.name,
    description: `Stories tagged “${data.tag.name}”, newest first.`,
    alternates: pageAlternates(pagePath(base, page), `${base}/feed.xml`),
  };
}

/** The published stories carrying a tag, newest first, 20 to a page. */
export async function TagView({ slug, page }: { slug: string; page: number }) {
  const data = await load(slug, page);
  if (!data) notFound();
  return (
    <StoryList
      kicker="Tag"
      heading={data.tag.name}
      stories={data.stories}
      page={page}
      pages={data.pages}
      base={`/tags/${data.tag.slug}`}
      empty="No stories yet."
    />
  );
}
