import "server-only";
import { CONTENT_TYPE, croppedImage, formatsFor } from "@/lib/media/variants";
import { absoluteUrl } from "@/lib/site";
import { listFeedStories } from "@/lib/stories/public-queries";
import { buildRss } from "./rss";
import { xmlResponse } from "./xml";

/** The RSS response for the whole site, one section or one person. */
export async function feedResponse({ title, path, description, sectionSlug, personSlug }: { title: string; path: string; description: string; sectionSlug?: string; personSlug?: string }) {
  const stories = await listFeedStories({ sectionSlug, personSlug });
  const xml = buildRss({
    title,
    link: absoluteUrl(path.replace(/\/feed\.xml$/, "") || "/"),
    selfUrl: absoluteUrl(path),
    description,
    items: stories.map((s) => {
      const image = s.lead ? croppedImage(s.lead, "16x9") : null;
      return {
        title: s.headline,
        link: absoluteUrl(`/stories/${s.slug}`),
        description: s.description,
        pubDate: s.publishedAt ?? s.firstPublishedAt ?? new Date(0),
        creators: s.credits.map((c) => c.person.name),
        categories: s.section ? [s.section.name] : [],
        image: image && s.lead ? { ...image, url: absoluteUrl(image.url), type: CONTENT_TYPE[formatsFor(s.lead.format).at(-1)!], alt: s.lead.alt, credit: s.lead.credit } : null,
      };
    }),
  });
  return xmlResponse(xml, "application/rss+xml; charset=utf-8");
}
