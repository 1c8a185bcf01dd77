// GET /sitemap.xml — the index of our sitemaps
import { sitemapIndex } from "@/lib/seo/sitemap";
import { xmlResponse } from "@/lib/seo/xml";
import { absoluteUrl } from "@/lib/site";

export const dynamic = "force-dynamic";

export async function GET() {
  return xmlResponse(sitemapIndex(["stories", "sections", "people", "news"].map((n) => absoluteUrl(`/sitemaps/${n}.xml`))));
}
