import "server-only";
import { LiveCoverage } from "@/components/site/live-coverage";
import { StoryArticle } from "@/components/site/story-article";
import { WeatherBox } from "@/components/site/weather-box";
import { LABEL, mediaLabel, personLabel, storyLabel, storySlugLabel } from "@/lib/cache/labels";
import type { TDisplayMedia } from "@/lib/media/queries";
import { croppedImage, type TCrop } from "@/lib/media/variants";
import { firstSentence, plainText } from "@/lib/richtext/text";
import { entryTitle, getLiveCoverage, liveEntryPage, livePagePath, type TLiveCoverage } from "@/lib/live/queries";
import { liveState } from "@/lib/live/rules";
import { liveBlogPostingJsonLd, newsArticleJsonLd, type TJsonLdImage, type TJsonLdPerson } from "@/lib/seo/json-ld";
import { absoluteUrl, SITE_LANGUAGE, SITE_NAME } from "@/lib/site";
import { findCurrentSlug, getPublishedStoryBySlug } from "@/lib/stories/queries";
import { storedForecasts } from "@/lib/weather/forecasts";
import type { TPageResult } from "../page";

type TStory = NonNullable<Awaited<ReturnType<typeof getPublishedStoryBySlug>>>;

/**
 * /stories/<slug>: the story, with the weather box beside it. An old slug of a
 * published story answers 301 with its current address (found here, where the
 * story is not, rather than on every request). Labelled with the story, every
 * person and image it shows and the forecasts.
 *
 * A live story's page shows its entries below the summary (page `n` of them:
 * /stories/<slug>/page/<n>; only live stories have more than page 1), is
 * described as LiveBlogPosting, and loads the live-updates script.
 */
export async function storyPage(slug: string, n = 1): Promise<TPageResult> {
  const [story, forecasts] = await Promise.all([getPublishedStoryBySlug(slug), storedForecasts().catch(() => [])]);
  if (!story) {
    const current = await findCurrentSlug(slug);
    const at = current && current !== slug ? livePagePath(encodeURIComponent(current), n) : null;
    if (at) return { kind: "redirect", location: at, labels: [storySlugLabel(slug)] };
    return { kind: "notFound", labels: [storySlugLabel(slug)] };
  }
  const coverage = await getLiveCoverage(story, n);
  if (n > 1 && !coverage) return { kind: "notFound", labels: [storySlugLabel(slug), storyLabel(story.id)] };
  const modified = coverage && coverage.lastUpdate > modifiedAt(story) ? coverage.lastUpdate : modifiedAt(story);
  const path = livePagePath(story.slug, n);
  const people = coverage ? [...coverage.entries, ...(coverage.pinned ? [coverage.pinned] : [])].flatMap((e) => (e.author ? [e.author.id] : [])) : [];
  const description = describe(story);
  const lead = leadOf(story);
  const card = lead ? croppedImage(lead, "191x100") : null;
  return {
    kind: "page",
    labels: [
      storySlugLabel(slug),
      storyLabel(story.id),
      LABEL.weather,
      ...story.credits.map((c) => personLabel(c.person.id)),
      ...[...story.media.keys()].map(mediaLabel),
      ...new Set(people.map(personLabel)),
      ...[...(coverage?.media.keys() ?? [])].map(mediaLabel),
    ],
    liveUpdates: coverage?.page === 1 && coverage.state === "live",
    head: {
      title: story.headline,
      description,
      path,
      openGraph: {
        type: "article",
        publishedTime: story.firstPublishedAt?.toISOString(),
        modifiedTime: modified.toISOString(),
        section: story.section?.name,
        images: card && lead ? [{ url: absoluteUrl(card.url), width: card.width, height: card.height, alt: lead.alt }] : [],
      },
      jsonLd: (coverage ? liveJsonLd(coverage, path) : newsArticleJsonLd)({
        url: absoluteUrl(path),
        headline: story.headline,
        description,
        datePublished: story.firstPublishedAt ?? modified,
        dateModified: modified,
        ...jsonLdPeople(story),
        dateline: story.dateline,
        section: story.section?.name,
        keywords: story.tags,
        language: SITE_LANGUAGE,
        images: jsonLdImages(story),
        publisher: { name: SITE_NAME, logoUrl: absoluteUrl("/logo.svg") },
      }),
    },
    content: (
      // The box's column only when there is a box: with no forecast the story stands centred alone.
      <div className={forecasts.length ? "gap-10 lg:grid lg:grid-cols-[minmax(0,1fr)_18rem]" : undefined}>
        <StoryArticle story={{ ...story, modifiedAt: modified, live: liveState(story) }}>
          {coverage && <LiveCoverage coverage={coverage} slug={story.slug} />}
        </StoryArticle>
        <WeatherBox forecasts={forecasts} className="mt-10 lg:mt-0" />
      </div>
    ),
  };
}

/**
 * /stories/<slug>/entries/<id>: a live entry's permalink, answered with a 302 to the page it
 * is on now and its anchor (newer entries push it to later pages). Labelled with the story.
 */
export async function storyEntryPage(slug: string, entryId: string): Promise<TPageResult> {
  const story = await getPublishedStoryBySlug(slug);
  const n = story?.liveStartedAt ? await liveEntryPage(story.id, entryId) : null;
  if (!story || !n) return { kind: "notFound", labels: [storySlugLabel(slug), ...(story ? [storyLabel(story.id)] : [])] };
  return { kind: "redirect", status: 302, location: `${livePagePath(story.slug, n)}#entry-${entryId}`, labels: [storySlugLabel(slug), storyLabel(story.id)] };
}

/** LiveBlogPosting: the coverage's times and the entries on this page as its updates. */
function liveJsonLd(coverage: TLiveCoverage, path: string) {
  return (article: Parameters<typeof newsArticleJsonLd>[0]) =>
    liveBlogPostingJsonLd({
      ...article,
      coverageStartTime: coverage.startedAt,
      coverageEndTime: coverage.endedAt,
      updates: coverage.entries.map((e) => ({
        url: absoluteUrl(`${path}#entry-${e.id}`),
        headline: entryTitle(e),
        text: plainText(e.body),
        datePublished: e.publishedAt,
        dateModified: e.updatedAt,
        author: e.author ? { name: e.author.name, url: absoluteUrl(`/people/${e.author.slug}`) } : null,
      })),
    });
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
