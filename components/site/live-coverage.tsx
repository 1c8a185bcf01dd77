import { Figure } from "./figure";
import { Pager } from "@/components/ui/pager";
import { liveEntryPath, type TLiveCoverage, type TPublicEntry } from "@/lib/live/queries";
import { RichText } from "@/lib/richtext/render";
import { formatDateTime } from "@/lib/site";

/** The red "LIVE" mark: on a live story's page, its teasers and its feed items. */
export function LiveMark() {
  return (
    <>
      <span className="live-mark mr-1 inline-block rounded bg-accent px-1.5 py-0.5 align-middle text-xs font-bold uppercase tracking-wide text-paper">
        Live
      </span>{" "}
    </>
  );
}

function Entry({ entry, coverage, slug, pinned = false }: { entry: TPublicEntry; coverage: TLiveCoverage; slug: string; pinned?: boolean }) {
  const anchor = `entry-${entry.id}`;
  const Heading = pinned ? "h2" : "h3";
  const id = pinned ? `pinned-${entry.id}` : anchor;
  return (
    <article aria-labelledby={`${id}-time`} className={pinned ? "rounded border-2 border-accent/60 p-4" : "border-t border-ink/15 pt-4"}>
      <p className="text-sm text-ink/70">
        {pinned && <span className="mr-2 font-semibold uppercase tracking-wide text-accent">Pinned</span>}
        {entry.keyEvent && <span className="mr-2 rounded bg-ink/10 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide">Key event</span>}
        {/* Its lasting address: followed, it finds the page the entry is on by then. */}
        <a id={`${id}-time`} href={liveEntryPath(slug, entry.id)} className="underline decoration-ink/30 underline-offset-2 hover:decoration-ink">
          <time dateTime={entry.publishedAt.toISOString()}>{formatDateTime(entry.publishedAt)}</time>
        </a>
      </p>
      {entry.headline && <Heading className="mt-1 font-serif text-xl font-bold leading-snug">{entry.headline}</Heading>}
      <div className="story-body mt-2">
        <RichText
          doc={entry.body}
          renderMedia={(mediaId) => {
            const media = coverage.media.get(mediaId);
            return media ? <Figure media={media} /> : null;
          }}
        />
      </div>
      {entry.correction && (
        <p className="mt-2 border-l-4 border-accent/60 pl-3 text-sm">
          <strong>Correction:</strong> {entry.correction}
        </p>
      )}
      {entry.author && (
        <p className="mt-2 text-sm text-ink/70">
          By <a href={`/people/${entry.author.slug}`}>{entry.author.name}</a>
        </p>
      )}
    </article>
  );
}

/**
 * A live story's coverage, below its summary: where it stands, the key events,
 * the pinned entry, then the entries newest first, each with its time as a
 * permalink, and older entries on later pages. Plain HTML that reads whole with
 * no script; on the first page the live-updates script (site/assets) merges in
 * what changes, by these ids, and speaks through the polite live region.
 */
export function LiveCoverage({ coverage, slug }: { coverage: TLiveCoverage; slug: string }) {
  const ended = coverage.state === "ended";
  return (
    <section
      id="live"
      aria-labelledby="live-heading"
      className="mt-8"
      data-live-page={coverage.page}
      data-live-state={coverage.state}
      data-live-revision={coverage.revision}
      data-live-updates={`/live-updates/${coverage.storyId}`}
    >
      <div id="live-status" className="mb-6">
        {ended ? (
          <p className="rounded bg-ink/5 px-4 py-3 font-semibold">
            This live coverage has ended.
            {coverage.endedAt && (
              <span className="font-normal text-ink/70">
                {" "}
                It ended <time dateTime={coverage.endedAt.toISOString()}>{formatDateTime(coverage.endedAt)}</time>.
              </span>
            )}
          </p>
        ) : (
          <p className="text-sm text-ink/70">
            <LiveMark /> Last update <time dateTime={coverage.lastUpdate.toISOString()}>{formatDateTime(coverage.lastUpdate)}</time> ·{" "}
            {coverage.total === 1 ? "1 entry" : `${coverage.total} entries`}
          </p>
        )}
        {coverage.total === 0 && <p className="mt-4 text-ink/70">No entries yet.</p>}
      </div>
      <div id="live-key-events">
        {coverage.keyEvents.length > 0 && (
          <nav aria-labelledby="key-events-heading" className="mb-8 rounded bg-ink/5 p-4">
            <h2 id="key-events-heading" className="font-serif text-lg font-bold">
              Key events
            </h2>
            <ol className="mt-2 space-y-1 text-sm">
              {coverage.keyEvents.map((k) => (
                <li key={k.id}>
                  <a href={k.href} className="underline decoration-ink/30 underline-offset-2 hover:decoration-ink">
                    <time dateTime={k.publishedAt.toISOString()}>{formatDateTime(k.publishedAt)}</time>: {k.title}
                  </a>
                </li>
              ))}
            </ol>
          </nav>
        )}
      </div>
      <div id="live-pinned">{coverage.pinned && <Entry entry={coverage.pinned} coverage={coverage} slug={slug} pinned />}</div>
      <h2 id="live-heading" className="mt-8 font-serif text-2xl font-bold">
        {coverage.page === 1 ? "Latest updates" : `Earlier updates, page ${coverage.page}`}
      </h2>
      <ol id="live-entries" className="mt-4 space-y-6">
        {coverage.entries.map((e) => (
          <li key={e.id} id={`entry-${e.id}`} data-version={e.version}>
            <Entry entry={e} coverage={coverage} slug={slug} />
          </li>
        ))}
      </ol>
      <div id="live-older">
        <Pager page={coverage.page} pages={coverage.pages} href={(n) => (n === 1 ? `/stories/${slug}#live` : `/stories/${slug}/page/${n}`)} />
      </div>
      <div id="live-announcer" aria-live="polite" className="sr-only" />
    </section>
  );
}
