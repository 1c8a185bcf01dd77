import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryTeaser } from "@/components/site/story-teaser";
import { Pager, pagePath } from "@/components/ui/pager";
import { tagPage } from "@/lib/cache/page-tags";
import { sectionStoriesTag, TAG } from "@/lib/cache/tags";
import { absoluteUrl } from "@/lib/site";
import { getSectionPage } from "@/lib/stories/public-queries";

/** One page of a section, the cached page filed under the section's list (a 404 under the sections). */
async function load(slug: string, page: number) {
  await tagPage(TAG.sections, TAG.listings);
  const data = await getSectionPage(slug, page);
  if (data) await tagPage(sectionStoriesTag(data.section.id));
  // A page past the end is not a page (page 1 always is, even when empty).
  return data && (page === 1 || page <= data.pages) ? data : null;
}

export async function sectionMetadata(slug: string, page: number): Promise<Metadata> {
  const data = await load(slug, page);
  if (!data) return { title: "Section not found" };
  const base = `/sections/${data.section.slug}`;
  return {
    title: page > 1 ? `${data.section.name} — page ${page}` : data.section.name,
    alternates: { canonical: absoluteUrl(pagePath(base, page)), types: { "application/rss+xml": absoluteUrl(`${base}/feed.xml`) } },
  };
}

/** A section's stories, newest first, 20 to a page. */
export async function SectionView({ slug, page }: { slug: string; page: number }) {
  const data = await load(slug, page);
  if (!data) notFound();
  const { section, stories, pages } = data;
  return (
    <section aria-labelledby="section-heading" className="mx-auto max-w-[42rem]">
      <h1 id="section-heading" className="font-serif text-4xl font-bold">
        {section.name}
      </h1>
      {stories.length === 0 ? (
        <p className="mt-6 text-ink/70">No stories in {section.name} yet.</p>
      ) : (
        <ol className="mt-6 divide-y divide-ink/10">
          {stories.map((story) => (
            <li key={story.id} className="py-5">
              <StoryTeaser story={{ ...story, section: null }} />
            </li>
          ))}
        </ol>
      )}
      <Pager page={page} pages={pages} href={(p) => pagePath(`/sections/${section.slug}`, p)} />
    </section>
  );
}
