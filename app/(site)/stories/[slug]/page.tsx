import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { JsonLd } from "@/components/site/json-ld";
import { StoryArticle } from "@/components/site/story-article";
import { plainText, firstSentence } from "@/lib/richtext/text";
import { newsArticleJsonLd, type TJsonLdPerson } from "@/lib/seo/json-ld";
import { absoluteUrl, SITE_NAME } from "@/lib/site";
import { getPublishedStoryBySlug } from "@/lib/stories/queries";

// Read at request time until tag-based caching lands (reader-site issue).
export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ slug: string }> };

/** The later of publishing and the last change to the words. */
function modifiedAt(story: { publishedAt: Date | null; contentUpdatedAt: Date }) {
  return story.publishedAt && story.publishedAt > story.contentUpdatedAt ? story.publishedAt : story.contentUpdatedAt;
}

function describe(story: { dek: string | null; body: Parameters<typeof plainText>[0] }) {
  return story.dek || firstSentence(plainText(story.body));
}

/** Bylines as authors (the newsroom author when there are none), other public credits as contributors. */
function jsonLdPeople(story: NonNullable<Awaited<ReturnType<typeof getPublishedStoryBySlug>>>) {
  const asPerson = (c: (typeof story.credits)[number]): TJsonLdPerson => ({
    name: c.person.name,
    url: absoluteUrl(`/people/${c.person.slug}`),
    jobTitle: c.person.title,
    affiliation: c.person.affiliation,
  });
  const bylines = story.credits.filter((c) => c.role === "BYLINE").map(asPerson);
  return {
    authors: bylines.length ? bylines : [{ name: story.createdBy.name }],
    contributors: story.credits.filter((c) => c.role !== "BYLINE").map(asPerson),
  };
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const story = await getPublishedStoryBySlug((await params).slug);
  if (!story) return { title: "Story not found" };
  const url = absoluteUrl(`/stories/${story.slug}`);
  const description = describe(story);
  return {
    title: story.headline,
    description,
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      url,
      title: story.headline,
      description,
      siteName: SITE_NAME,
      publishedTime: story.firstPublishedAt?.toISOString(),
      modifiedTime: modifiedAt(story).toISOString(),
      section: story.section?.name,
    },
    twitter: { card: "summary", title: story.headline, description },
  };
}

export default async function StoryPage({ params }: TProps) {
  // Old slugs of published stories never reach this page: proxy.ts answers them with a 301.
  const story = await getPublishedStoryBySlug((await params).slug);
  if (!story) notFound();
  const modified = modifiedAt(story);
  return (
    <>
      <JsonLd
        data={newsArticleJsonLd({
          url: absoluteUrl(`/stories/${story.slug}`),
          headline: story.headline,
          description: describe(story),
          datePublished: story.firstPublishedAt ?? modified,
          dateModified: modified,
          ...jsonLdPeople(story),
          dateline: story.dateline,
          section: story.section?.name,
          publisher: { name: SITE_NAME, logoUrl: absoluteUrl("/logo.svg") },
        })}
      />
      <StoryArticle story={{ ...story, modifiedAt: modified }} />
    </>
  );
}
