import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/site";

export const dynamic = "force-dynamic";

/** Crawl the reader site; keep out of the newsroom, sign-in and APIs (images excepted). */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: ["/", "/api/media/"], disallow: ["/newsroom", "/login", "/api/"] }],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
