import "server-only";
import { cachedText } from "@/lib/cache/cached-text";
import { LABEL } from "@/lib/cache/labels";
import { CONTENT_TYPE, croppedImage, formatsFor } from "@/lib/media/variants";
import { creditedName } from "@/lib/credits/format";
import { absoluteUrl, SITE_LANGUAGE, SITE_NAME } from "@/lib/site";
import { isLive } from "@/lib/live/rules";
import { listFeedStories } from "@/lib/stories/public-queries";
import { buildRss } from "./rss";
import { xmlResponse } from "./xml";

type TFeed = { title: string; path: string; description: string; sectionSlug?: string; personSlug?: string; tagSlug?: string };

/**
 * The RSS response for the whole site, one section or one person, from the
 * data cache under `tags` (what the feed lists; teasers change with people and images too).
 */
export async function feedResponse(feed: TFeed, tags: string[]) {
  const xml = await cachedText(["feed", feed.path, feed.title], [...tags, LABEL.listings], () => buildFeed(feed));
  return xmlResponse(xml, "application/rss+xml; charset=utf-8");
}

async function buildFeed({ title, path, description, sectionSlug, personSlug, tagSlug }: TFeed): Promise<string> {
  const stories = await listFeedStories({ sectionSlug, personSlug, tagSlug });
  return buildRss({
    title,
    link: absoluteUrl(path.replace(/\/feed\.xml$/, "") || "/"),
    selfUrl: absoluteUrl(path),
    description,
    language: SITE_LANGUAGE,
    items: stories.map((s) => {
      const image = s.lead ? croppedImage(s.lead, "16x9") : null;
      return {
        // A live story says so, as its teasers do.
        title: isLive(s) ? `LIVE: ${s.headline}` : s.headline,
        link: absoluteUrl(`/stories/${s.slug}`),
        description: s.description,
        pubDate: s.publishedAt ?? s.firstPublishedAt ?? new Date(0),
        creators: s.credits.filter((c) => c.role === "BYLINE").map((c) => c.person.name),
        // Worded as the story's credit lines: "The Washington Post's Amber Ziye Wang", each person once.
        contributors: [...new Map(s.credits.filter((c) => c.role !== "BYLINE").map((c) => [c.person.id, creditedName(c.person, SITE_NAME)])).values()],
        categories: [...(s.section ? [s.section.name] : []), ...s.tags],
        image:
          image && s.lead
            ? { ...image, url: absoluteUrl(image.url), type: CONTENT_TYPE[formatsFor(s.lead.format).at(-1)!], alt: s.lead.alt, credit: s.lead.credit }
            : null,
      };
    }),
  });
}
