import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryTeaser } from "@/components/site/story-teaser";
import { Pager, pageQuery } from "@/components/ui/pager";
import { absoluteUrl } from "@/lib/site";
import { getSectionPage } from "@/lib/stories/public-queries";

// Read at request time until tag-based caching lands (reader-site issue).
export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };
const pageNumber = (raw: string | undefined) => Math.min(10_000, Math.max(1, Number.parseInt(raw ?? "1", 10) || 1));

export async function generateMetadata({ params, searchParams }: TProps): Promise<Metadata> {
  const { slug } = await params;
  const data = await getSectionPage(slug, pageNumber((await searchParams).page));
  if (!data) return { title: "Section not found" };
  return {
    title: data.section.name,
    alternates: { canonical: absoluteUrl(`/sections/${slug}`), types: { "application/rss+xml": absoluteUrl(`/sections/${slug}/feed.xml`) } },
  };
}

export default async function SectionPage({ params, searchParams }: TProps) {
  const { slug } = await params;
  const data = await getSectionPage(slug, pageNumber((await searchParams).page));
  if (!data) notFound();
  const { section, stories, page, pages } = data;
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
      <Pager page={page} pages={pages} href={(p) => `/sections/${section.slug}${pageQuery({}, p)}`} />
    </section>
  );
}
