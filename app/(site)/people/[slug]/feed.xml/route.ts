// GET /people/<slug>/feed.xml — RSS 2.0 of one person's stories
import { personStoriesLabel, personLabel } from "@/lib/cache/labels";
import { feedResponse } from "@/lib/seo/feeds";
import { SITE_NAME } from "@/lib/site";
import { findFeedOwner } from "@/lib/stories/public-queries";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const person = await findFeedOwner("person", slug);
  if (!person) return new Response("No such person.", { status: 404 });
  return feedResponse(
    { title: `${person.name} — ${SITE_NAME}`, path: `/people/${person.slug}/feed.xml`, description: `Stories by ${person.name}.`, personSlug: person.slug },
    [personLabel(person.id), personStoriesLabel(person.id)],
  );
}
