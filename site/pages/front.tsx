import "server-only";
import { Figure } from "@/components/site/figure";
import { LiveMark } from "@/components/site/live-coverage";
import { StoryTeaser } from "@/components/site/story-teaser";
import { isLive } from "@/lib/live/rules";
import { WeatherBox } from "@/components/site/weather-box";
import { LABEL } from "@/lib/cache/labels";
import { getFrontPage } from "@/lib/stories/front";
import { storedForecasts } from "@/lib/weather/forecasts";
import type { TPageResult } from "../page";

/**
 * The front page: the lead story, the top stories the desk pinned (or the newest),
 * the latest, a rail per section, the weather. Labelled with the front page's
 * selection, every teaser and the forecasts.
 */
export async function frontPage(): Promise<TPageResult> {
  const [front, forecasts] = await Promise.all([getFrontPage(), storedForecasts().catch(() => [])]);
  const { lead, top, latest, rails } = front;
  return {
    kind: "page",
    labels: [LABEL.front, LABEL.listings, LABEL.weather],
    head: { title: null, path: "/" },
    content: (
      // The box's column only when there is a box: with no forecast the stories take the width.
      <div className={forecasts.length ? "grid gap-10 lg:grid-cols-[minmax(0,1fr)_18rem]" : undefined}>
        <div>
          <h1 className="sr-only">Front page</h1>
          {!lead ? (
            <p className="text-ink/70">No stories have been published yet. Check back soon.</p>
          ) : (
            <>
              <article aria-labelledby="lead-story" className="border-b border-ink/15 pb-8">
                {lead.image && <Figure media={lead.image} lead sizes="(min-width: 64rem) 44rem, 100vw" />}
                {lead.section && <p className="text-xs font-semibold uppercase tracking-wide text-accent">{lead.section.name}</p>}
                <h2 id="lead-story" className="font-serif text-3xl font-bold leading-tight sm:text-4xl">
                  <a href={`/stories/${lead.slug}`} className="hover:underline">
                    {isLive(lead) && <LiveMark />}
                    {lead.headline}
                  </a>
                </h2>
                {lead.dek && <p className="mt-2 font-serif text-lg text-ink/80">{lead.dek}</p>}
              </article>
              {top.length > 0 && (
                <section aria-labelledby="top-heading" className="mt-8">
                  <h2 id="top-heading" className="sr-only">
                    Top stories
                  </h2>
                  <ul className="grid gap-6 sm:grid-cols-2">
                    {top.map((story) => (
                      <li key={story.id}>
                        <StoryTeaser story={story} headingLevel={3} />
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {latest.length > 0 && (
                <section aria-labelledby="latest-heading" className="mt-10">
                  <h2 id="latest-heading" className="font-serif text-2xl font-semibold">
                    Latest news
                  </h2>
                  <ol className="mt-4 divide-y divide-ink/10">
                    {latest.map((story) => (
                      <li key={story.id} className="py-4">
                        <StoryTeaser story={story} headingLevel={3} />
                      </li>
                    ))}
                  </ol>
                </section>
              )}
              {rails.map(({ section, stories }) => (
                <section key={section.id} aria-labelledby={`rail-${section.slug}`} className="mt-10 border-t-2 border-ink pt-3">
                  <h2 id={`rail-${section.slug}`} className="font-serif text-xl font-semibold">
                    <a href={`/sections/${section.slug}`} className="hover:underline">
                      {section.name}
                    </a>
                  </h2>
                  <ul className="mt-3 grid gap-5 sm:grid-cols-2">
                    {stories.map((story) => (
                      <li key={story.id}>
                        <StoryTeaser story={{ ...story, section: null }} headingLevel={3} />
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </>
          )}
        </div>
        <WeatherBox forecasts={forecasts} />
      </div>
    ),
  };
}
