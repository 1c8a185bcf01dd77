import { StoryTeaser } from "@/components/site/story-teaser";
import { WeatherBox } from "@/components/site/weather-box";
import { listLatestPublished } from "@/lib/stories/queries";
import { storedForecasts } from "@/lib/weather/forecasts";

// Read at request time until tag-based caching lands (reader-site issue).
export const dynamic = "force-dynamic";

export default async function FrontPage() {
  const [stories, forecasts] = await Promise.all([listLatestPublished(20), storedForecasts().catch(() => [])]);
  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
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
              <StoryTeaser story={story} />
            </li>
          ))}
        </ol>
      )}
    </section>
    <WeatherBox forecasts={forecasts} />
    </div>
  );
}
