import { element, escapeXml } from "./xml";

export type TRssItem = {
  title: string;
  link: string;
  description: string;
  pubDate: Date;
  /** One dc:creator per byline. */
  creators: string[];
  /** One dc:contributor per other credited person, as the credit lines name them. */
  contributors?: string[];
  categories: string[];
  image?: { url: string; type: string; width: number; height: number; alt?: string | null; credit?: string | null } | null;
};

export type TRssChannel = { title: string; link: string; selfUrl: string; description: string; language?: string; items: TRssItem[] };

/** RSS 2.0 with the Dublin Core (authors), Atom (self link) and Media RSS (lead images) namespaces. */
export function buildRss(channel: TRssChannel): string {
  const lastBuild = channel.items[0]?.pubDate ?? new Date(0);
  const items = channel.items.map((item) =>
    [
      "<item>",
      element("title", item.title),
      element("link", item.link),
      element("guid", item.link, { isPermaLink: "true" }),
      element("pubDate", item.pubDate.toUTCString()),
      element("description", item.description),
      ...item.creators.map((c) => element("dc:creator", c)),
      ...(item.contributors ?? []).map((c) => element("dc:contributor", c)),
      ...item.categories.map((c) => element("category", c)),
      item.image
        ? `<media:content url="${escapeXml(item.image.url)}" type="${escapeXml(item.image.type)}" medium="image" width="${item.image.width}" height="${item.image.height}">` +
          element("media:description", item.image.alt ?? "") +
          element("media:credit", item.image.credit ?? "") +
          "</media:content>"
        : "",
      "</item>",
    ].join(""),
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">`,
    "<channel>",
    element("title", channel.title),
    element("link", channel.link),
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    element("description", channel.description),
    element("language", channel.language ?? "en"),
    element("lastBuildDate", lastBuild.toUTCString()),
    ...items,
    "</channel>",
    "</rss>",
  ].join("\n");
}
