import "server-only";
import { StoryList } from "@/components/site/story-list";
import { pagePath } from "@/components/ui/pager";
import { LABEL, sectionStoriesLabel, tagStoriesLabel } from "@/lib/cache/labels";
import { getSectionPage, getTagPage } from "@/lib/stories/public-queries";
import type { TPageResult } from "../page";

/** A page past the end is not a page (page 1 always is, even when empty). */
const exists = (page: number, pages: number) => page === 1 || page <= pages;

/** /sections/<slug> and …/page/N: a section's stories, newest first, 20 to a page; labelled with its list (a 404 with the sections). */
export async function sectionPage(slug: string, page: number): Promise<TPageResult> {
  const data = await getSectionPage(slug, page);
  if (!data || !exists(page, data.pages)) return { kind: "notFound", labels: [LABEL.listings] };
  const { section, stories, pages } = data;
  const base = `/sections/${section.slug}`;
  return {
    kind: "page",
    labels: [LABEL.listings, sectionStoriesLabel(section.id)],
    head: {
      title: page > 1 ? `${section.name} — page ${page}` : section.name,
      path: pagePath(base, page),
      feed: { path: `${base}/feed.xml`, title: section.name },
    },
    content: (
      <StoryList
        heading={section.name}
        stories={stories.map((s) => ({ ...s, section: null }))}
        page={page}
        pages={pages}
        base={base}
        empty={`No stories in ${section.name} yet.`}
      />
    ),
  };
}

/** /tags/<slug> and …/page/N: the published stories carrying a tag; labelled with the tag's list, so a 404 becomes a page when a story first carries it. */
export async function tagPage(slug: string, page: number): Promise<TPageResult> {
  const labels = [LABEL.listings, tagStoriesLabel(slug)];
  const data = await getTagPage(slug, page);
  if (!data || !exists(page, data.pages)) return { kind: "notFound", labels };
  const base = `/tags/${data.tag.slug}`;
  return {
    kind: "page",
    labels,
    head: {
      title: page > 1 ? `${data.tag.name} — page ${page}` : data.tag.name,
      description: `Stories tagged “${data.tag.name}”, newest first.`,
      path: pagePath(base, page),
      feed: { path: `${base}/feed.xml`, title: data.tag.name },
    },
    content: <StoryList kicker="Tag" heading={data.tag.name} stories={data.stories} page={page} pages={data.pages} base={base} empty="No stories yet." />,
  };
}
