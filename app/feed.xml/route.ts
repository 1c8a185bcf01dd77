// GET /feed.xml — RSS 2.0 of the newest stories
import { feedResponse, SITE_FEED_TITLE } from "@/lib/seo/feeds";

export const dynamic = "force-dynamic";

export async function GET() {
  return feedResponse({ title: SITE_FEED_TITLE, path: "/feed.xml", description: `The latest stories from ${SITE_FEED_TITLE}.` });
}
