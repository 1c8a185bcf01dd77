import { LiveMark } from "./live-coverage";
import { formatDateTime } from "@/lib/site";
import { isLive } from "@/lib/live/rules";

export type TTeaser = {
  slug: string;
  headline: string;
  dek: string | null;
  publishedAt: Date | null;
  section?: { name: string } | null;
  liveStartedAt?: Date | null;
  liveEndedAt?: Date | null;
};

/** A story in a list: section, headline linking to it, dek and time. */
export function StoryTeaser({ story, headingLevel = 2 }: { story: TTeaser; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      {story.section && <p className="text-xs font-semibold uppercase tracking-wide text-accent">{story.section.name}</p>}
      <Heading className="font-serif text-xl font-bold leading-snug sm:text-2xl">
        <a href={`/stories/${story.slug}`} className="hover:underline">
          {isLive(story) && <LiveMark />}
          {story.headline}
        </a>
      </Heading>
      {story.dek && <p className="mt-1 text-ink/80">{story.dek}</p>}
      {story.publishedAt && (
        <p className="mt-1 text-sm text-ink/60">
          <time dateTime={story.publishedAt.toISOString()}>{formatDateTime(story.publishedAt)}</time>
        </p>
      )}
    </>
  );
}
