// GET /sitemaps/{stories,sections,people,news}.xml — only what readers may see
import { newsSitemap, urlSet } from "@/lib/seo/sitemap";
import { xmlResponse } from "@/lib/seo/xml";
import { absoluteUrl, SITE_NAME } from "@/lib/site";
import { listRecentForNewsSitemap, listSitemapEntries } from "@/lib/stories/public-queries";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  if (name === "news.xml") {
    const recent = await listRecentForNewsSitemap();
    return xmlResponse(newsSitemap({ name: SITE_NAME, language: "en" }, recent.map((s) => ({ url: absoluteUrl(`/stories/${s.slug}`), title: s.headline, published: s.firstPublishedAt! }))));
  }
  const { stories, sections, people } = await listSitemapEntries();
  switch (name) {
    case "stories.xml":
      return xmlResponse(urlSet(stories.map((s) => ({ url: absoluteUrl(`/stories/${s.slug}`), lastModified: s.publishedAt && s.publishedAt > s.contentUpdatedAt ? s.publishedAt : s.contentUpdatedAt }))));
    case "sections.xml":
      return xmlResponse(urlSet([{ url: absoluteUrl("/") }, ...sections.map((s) => ({ url: absoluteUrl(`/sections/${s.slug}`) }))]));
    case "people.xml":
      return xmlResponse(urlSet(people.map((p) => ({ url: absoluteUrl(`/people/${p.slug}`), lastModified: p.updatedAt }))));
    default:
      return new Response("No such sitemap.", { status: 404 });
  }
}
