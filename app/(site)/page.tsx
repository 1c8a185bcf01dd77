import Link from "next/link";
import { formatDateTime } from "@/lib/site";
import { listLatestPublished } from "@/lib/stories/queries";

// Read at request time until tag-based caching lands (reader-site issue).
export const dynamic = "force-dynamic";

export default async function FrontPage() {
  const stories = await listLatestPublished(20);
  return (
    <section aria-labelledby="latest-heading">
      <h1 id="latest-heading" className="font-serif text-2xl font-semibold">
        Latest news
      </h1>
      {stories.length === 0 ? (
        <p className="mt-4 text-ink/70">No stories have been published yet. Check back soon.</p>
      ) : (
        <ol className="mt-6 divide-y divide-ink/10">
          {stories.map((story) => (
            <li key={story.id} className="py-5">
              {story.section && <p className="text-xs font-semibold uppercase tracking-wide text-accent">{story.section.name}</p>}
              <h2 className="font-serif text-xl font-bold leading-snug sm:text-2xl">
                <Link href={`/stories/${story.slug}`} className="hover:underline">
                  {story.headline}
                </Link>
              </h2>
              {story.dek && <p className="mt-1 text-ink/80">{story.dek}</p>}
              {story.publishedAt && (
                <p className="mt-1 text-sm text-ink/60">
                  <time dateTime={story.publishedAt.toISOString()}>{formatDateTime(story.publishedAt)}</time>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
