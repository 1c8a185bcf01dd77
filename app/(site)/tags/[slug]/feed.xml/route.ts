// GET /tags/<slug>/feed.xml — RSS 2.0 of the stories carrying one tag
import { tagStoriesLabel } from "@/lib/cache/labels";
import { feedResponse } from "@/lib/seo/feeds";
import { SITE_NAME } from "@/lib/site";
import { findTag } from "@/lib/stories/public-queries";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const tag = await findTag(slug);
  if (!tag) return new Response("No such tag.", { status: 404 });
  return feedResponse(
    { title: `${tag.name} — ${SITE_NAME}`, path: `/tags/${tag.slug}/feed.xml`, description: `Stories tagged “${tag.name}”.`, tagSlug: tag.slug },
    [tagStoriesLabel(tag.slug)],
  );
}
