// GET /people/<slug>/feed.xml — RSS 2.0 of one person's stories
import { prisma } from "@/lib/db/client";
import { feedResponse, SITE_FEED_TITLE } from "@/lib/seo/feeds";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const person = await prisma.person.findUnique({ where: { slug }, select: { name: true, slug: true } });
  if (!person) return new Response("No such person.", { status: 404 });
  return feedResponse({ title: `${person.name} — ${SITE_FEED_TITLE}`, path: `/people/${person.slug}/feed.xml`, description: `Stories by ${person.name}.`, personSlug: person.slug });
}
