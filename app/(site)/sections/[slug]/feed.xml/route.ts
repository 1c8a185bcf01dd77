// GET /sections/<slug>/feed.xml — RSS 2.0 of one section
import { sectionStoriesLabel, LABEL } from "@/lib/cache/labels";
import { feedResponse } from "@/lib/seo/feeds";
import { SITE_NAME } from "@/lib/site";
import { findFeedOwner } from "@/lib/stories/public-queries";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const section = await findFeedOwner("section", slug);
  if (!section) return new Response("No such section.", { status: 404 });
  return feedResponse(
    {
      title: `${section.name} — ${SITE_NAME}`,
      path: `/sections/${section.slug}/feed.xml`,
      description: `The latest ${section.name} stories.`,
      sectionSlug: section.slug,
    },
    [sectionStoriesLabel(section.id), LABEL.sections],
  );
}
