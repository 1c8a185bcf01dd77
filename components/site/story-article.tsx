import { Figure } from "./figure";
import { LiveMark } from "./live-coverage";
import { Byline, CreditsBlock, type TPublicCredit } from "./story-credits";
import { StoryNotes, type TPublicNote } from "./story-notes";
import type { TDisplayMedia } from "@/lib/media/queries";
import { RichText } from "@/lib/richtext/render";
import type { TRichDoc } from "@/lib/richtext/types";
import { formatDateTime } from "@/lib/site";
import { tagSlug } from "@/lib/stories/tags";

export type TArticleStory = {
  headline: string;
  dek: string | null;
  dateline: string | null;
  body: TRichDoc;
  section: { name: string } | null;
  createdBy: { name: string };
  credits: TPublicCredit[];
  firstPublishedAt: Date | null;
  modifiedAt: Date | null;
  leadMediaId: string | null;
  leadCaption: string | null;
  tags: string[];
  /** The library images the story shows, by id. */
  media: Map<string, TDisplayMedia>;
  /** Corrections, clarifications, updates and editor's notes. */
  notes?: TPublicNote[];
  /** A live story: "off" (not live), "live" or "ended". */
  live?: "off" | "live" | "ended";
};

/** A story as readers see it; the newsroom preview uses the same component. */
export function StoryArticle({ story, children }: { story: TArticleStory; children?: React.ReactNode }) {
  const published = story.firstPublishedAt;
  const updated = published && story.modifiedAt && story.modifiedAt.getTime() - published.getTime() > 60_000 ? story.modifiedAt : null;
  const lead = story.leadMediaId ? story.media.get(story.leadMediaId) : undefined;
  return (
    <article className="story mx-auto max-w-[42rem]">
      <header className="mb-8">
        {story.section && <p className="mb-2 text-sm font-semibold uppercase tracking-wide text-accent">{story.section.name}</p>}
        <h1 className="font-serif text-3xl font-bold leading-tight sm:text-5xl">
          {/* A live story's mark, by id: an open page drops it when the coverage ends (site/assets/live-updates.js). */}
          {story.live && story.live !== "off" && <span id="live-mark">{story.live === "live" && <LiveMark />}</span>}
          {story.headline}
        </h1>
        {story.dek && <p className="mt-4 font-serif text-xl leading-snug text-ink/80">{story.dek}</p>}
        {lead && <Figure media={lead} caption={story.leadCaption} lead />}
        <div className="mt-6 border-t border-ink/15 pt-3 text-sm text-ink/70">
          {/* A story without a byline credit is signed by its author in the newsroom. */}
          <Byline credits={story.credits} fallbackName={story.createdBy.name} />
          {published && (
            <p>
              Published <time dateTime={published.toISOString()}>{formatDateTime(published)}</time>
              {updated && (
                <>
                  {" · "}Updated <time dateTime={updated.toISOString()}>{formatDateTime(updated)}</time>
                </>
              )}
            </p>
          )}
        </div>
      </header>
      <StoryNotes notes={story.notes ?? []} place="top" />
      <div className="story-body">
        <RichText
          doc={story.body}
          dateline={story.dateline}
          renderMedia={(id) => {
            const media = story.media.get(id);
            return media ? <Figure media={media} /> : null;
          }}
        />
      </div>
      <StoryNotes notes={story.notes ?? []} place="end" />
      {/* A live story's entries, after its summary. */}
      {children}
      <CreditsBlock credits={story.credits} />
      {story.tags.length > 0 && (
        <nav aria-label="Tags" className="mt-8 border-t border-ink/15 pt-4">
          <ul className="flex flex-wrap gap-2 text-sm">
            {story.tags.map((tag) => (
              <li key={tag}>
                <a href={`/tags/${tagSlug(tag)}`} className="inline-block rounded-full border border-ink/25 px-3 py-1 hover:bg-ink/5">
                  {tag}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </article>
  );
}
