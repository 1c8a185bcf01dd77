// GET /sitemaps/{stories,sections,people,news}.xml — only what readers may see
import { cachedText } from "@/lib/cache/cached-text";
import { LABEL } from "@/lib/cache/labels";
import { newsSitemap, urlSet } from "@/lib/seo/sitemap";
import { xmlResponse } from "@/lib/seo/xml";
import { absoluteUrl, SITE_LANGUAGE, SITE_NAME } from "@/lib/site";
import { listRecentForNewsSitemap, listSitemapEntries } from "@/lib/stories/public-queries";

export const dynamic = "force-dynamic";

const SITEMAPS: Record<string, () => Promise<string>> = {
  "news.xml": async () => {
    const recent = await listRecentForNewsSitemap();
    return newsSitemap(
      { name: SITE_NAME, language: SITE_LANGUAGE },
      recent.map((s) => ({ url: absoluteUrl(`/stories/${s.slug}`), title: s.headline, published: s.firstPublishedAt! })),
    );
  },
  "stories.xml": async () => {
    const { stories } = await listSitemapEntries();
    return urlSet(
      stories.map((s) => ({
        url: absoluteUrl(`/stories/${s.slug}`),
        lastModified: s.publishedAt && s.publishedAt > s.contentUpdatedAt ? s.publishedAt : s.contentUpdatedAt,
      })),
    );
  },
  "sections.xml": async () => {
    const { sections } = await listSitemapEntries();
    return urlSet([{ url: absoluteUrl("/") }, ...sections.map((s) => ({ url: absoluteUrl(`/sections/${s.slug}`) }))]);
  },
  "people.xml": async () => {
    const { people } = await listSitemapEntries();
    return urlSet(people.map((p) => ({ url: absoluteUrl(`/people/${p.slug}`), lastModified: p.updatedAt })));
  },
};

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const build = Object.hasOwn(SITEMAPS, name) ? SITEMAPS[name] : undefined;
  if (!build) return new Response("No such sitemap.", { status: 404 });
  // Kept in the data cache until a story, person or section change expires it (lib/cache).
  return xmlResponse(await cachedText(["sitemap", name], [LABEL.sitemaps, LABEL.sections], build));
}
