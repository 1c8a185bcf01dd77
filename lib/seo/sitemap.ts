import { element, escapeXml } from "./xml";

const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

/** A sitemap index: one <sitemap> per child sitemap. */
export function sitemapIndex(urls: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NS}">${urls.map((u) => `<sitemap>${element("loc", u)}</sitemap>`).join("")}</sitemapindex>`;
}

/** A <urlset> of pages with their last change. */
export function urlSet(entries: { url: string; lastModified?: Date | null }[]): string {
  const urls = entries.map((e) => `<url>${element("loc", e.url)}${e.lastModified ? element("lastmod", e.lastModified.toISOString()) : ""}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}">${urls.join("")}</urlset>`;
}

/** Google News sitemap: stories published in the last two days. */
export function newsSitemap(publication: { name: string; language: string }, entries: { url: string; title: string; published: Date }[]): string {
  const urls = entries.map(
    (e) =>
      `<url>${element("loc", e.url)}<news:news><news:publication>${element("news:name", publication.name)}${element("news:language", publication.language)}</news:publication>` +
      `${element("news:publication_date", e.published.toISOString())}<news:title>${escapeXml(e.title)}</news:title></news:news></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${urls.join("")}</urlset>`;
}
