// GET /feed.xml — RSS 2.0 of the newest stories
import { LABEL } from "@/lib/cache/labels";
import { feedResponse } from "@/lib/seo/feeds";
import { SITE_NAME } from "@/lib/site";

export const dynamic = "force-dynamic";

export async function GET() {
  return feedResponse({ title: SITE_NAME, path: "/feed.xml", description: `The latest stories from ${SITE_NAME}.` }, [LABEL.feed]);
}
