import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { JsonLd } from "@/components/site/json-ld";
import { labelPage } from "@/lib/cache/page-labels";
import { mediaLabel, personLabel, storySlugLabel, storyLabel, LABEL } from "@/lib/cache/labels";
import { StoryArticle } from "@/components/site/story-article";
import { WeatherBox } from "@/components/site/weather-box";
import { plainText, firstSentence } from "@/lib/richtext/text";
import type { TDisplayMedia } from "@/lib/media/queries";
import { croppedImage, type TCrop } from "@/lib/media/variants";
import { newsArticleJsonLd, type TJsonLdImage, type TJsonLdPerson } from "@/lib/seo/json-ld";
import { absoluteUrl, pageAlternates, SITE_LANGUAGE, SITE_NAME } from "@/lib/site";
import { getPublishedStoryBySlug } from "@/lib/stories/queries";
import { storedForecasts } from "@/lib/weather/forecasts";

// Cached whole on first visit and kept until a change expires its tags
// (lib/cache): publishing, updating, correcting or unpublishing the story,
// an edit to a person or image it shows, or a new weather forecast (the box
// beside the story). The minute is a safety net.
export const revalidate = 60;
export const generateStaticParams = () => [];

type TProps = { params: Promise<{ slug: string }> };

/** The story at this URL, with the page filed under everything it shows (a "not found" too, until the slug is used). */
async function loadStory(slug: string) {
  await labelPage(storySlugLabel(slug));
  const story = await getPublishedStoryBySlug(slug);
  if (story)
    await labelPage(storyLabel(story.id), LABEL.weather, ...story.credits.map((c) => personLabel(c.person.id)), ...[...story.media.keys()].map(mediaLabel));
  return story;
}

/** The latest of publishing, the last change to the words, and the last correction or update. */
function modifiedAt(story: { publishedAt: Date | null; contentUpdatedAt: Date; notes: { createdAt: Date; updatedAt: Date }[] }) {
  const times = [story.publishedAt, story.contentUpdatedAt, ...story.notes.map((n) => n.updatedAt)].filter((d): d is Date => d !== null);
  return new Date(Math.max(...times.map((d) => d.getTime())));
}

function describe(story: { dek: string | null; body: Parameters<typeof plainText>[0] }) {
  return story.dek || firstSentence(plainText(story.body));
}

/** Bylines as authors (the newsroom author when there are none), other public credits as contributors. */
function jsonLdPeople(story: TStory) {
  const asPerson = (c: (typeof story.credits)[number]): TJsonLdPerson => ({
    id: c.person.id,
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

type TStory = NonNullable<Awaited<ReturnType<typeof getPublishedStoryBySlug>>>;

function leadOf(story: TStory): TDisplayMedia | undefined {
  return story.leadMediaId ? story.media.get(story.leadMediaId) : undefined;
}

/** The lead photo in the crops search engines ask for, with caption and credit. */
function jsonLdImages(story: TStory): TJsonLdImage[] {
  const lead = leadOf(story);
  if (!lead) return [];
  return (["16x9", "4x3", "1x1"] as TCrop[]).map((crop) => {
    const image = croppedImage(lead, crop);
    return {
      ...image,
      url: absoluteUrl(image.url),
      caption: story.leadCaption || lead.caption,
      creditText: lead.credit?.replace(/^\(|\)$/g, ""),
      copyrightNotice: lead.copyright,
    };
  });
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const story = await loadStory((await params).slug);
  if (!story) return { title: "Story not found" };
  const url = absoluteUrl(`/stories/${story.slug}`);
  const description = describe(story);
  const lead = leadOf(story);
  const card = lead ? croppedImage(lead, "191x100") : null;
  const images = card && lead ? [{ url: absoluteUrl(card.url), width: card.width, height: card.height, alt: lead.alt }] : undefined;
  return {
    title: story.headline,
    description,
    alternates: pageAlternates(`/stories/${story.slug}`),
    openGraph: {
      type: "article",
      url,
      title: story.headline,
      description,
      siteName: SITE_NAME,
      publishedTime: story.firstPublishedAt?.toISOString(),
      modifiedTime: modifiedAt(story).toISOString(),
      section: story.section?.name,
      images,
    },
    twitter: { card: images ? "summary_large_image" : "summary", title: story.headline, description, images },
  };
}

export default async function StoryPage({ params }: TProps) {
  // Old slugs of published stories never reach this page: proxy.ts answers them with a 301.
  const story = await loadStory((await params).slug);
  if (!story) notFound();
  const modified = modifiedAt(story);
  const forecasts = await storedForecasts().catch(() => []);
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
          keywords: story.tags,
          language: SITE_LANGUAGE,
          images: jsonLdImages(story),
          publisher: { name: SITE_NAME, logoUrl: absoluteUrl("/logo.svg") },
        })}
      />
      {/* The box's column only when there is a box: with no forecast the story stands centred alone. */}
      <div className={forecasts.length ? "gap-10 lg:grid lg:grid-cols-[minmax(0,1fr)_18rem]" : undefined}>
        <StoryArticle story={{ ...story, modifiedAt: modified }} />
        <WeatherBox forecasts={forecasts} className="mt-10 lg:mt-0" />
      </div>
    </>
  );
}
