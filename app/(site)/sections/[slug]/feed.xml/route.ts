// GET /sections/<slug>/feed.xml — RSS 2.0 of one section
import { prisma } from "@/lib/db/client";
import { feedResponse, SITE_FEED_TITLE } from "@/lib/seo/feeds";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const section = await prisma.section.findUnique({ where: { slug }, select: { name: true, slug: true } });
  if (!section) return new Response("No such section.", { status: 404 });
  return feedResponse({ title: `${section.name} — ${SITE_FEED_TITLE}`, path: `/sections/${section.slug}/feed.xml`, description: `The latest ${section.name} stories.`, sectionSlug: section.slug });
}
