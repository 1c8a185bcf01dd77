import { formatDateTime } from "@/lib/site";
import type { TStoredForecast } from "@/lib/weather/forecasts";
import { describeWeather } from "@/lib/weather/provider";

const dayName = (date: string, i: number) =>
  i === 0 ? "Today" : new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));

/**
 * The front page's forecast box: today and the next days for each configured
 * place, from the last stored forecast (with its time). Nothing stored: no box.
 */
export function WeatherBox({ forecasts }: { forecasts: TStoredForecast[] }) {
  if (!forecasts.length) return null;
  return (
    <aside aria-labelledby="weather-heading" className="no-print rounded border border-ink/15 bg-white p-4 text-sm">
      <h2 id="weather-heading" className="font-semibold">
        Weather
      </h2>
      {forecasts.map((f) => (
        <section key={f.name} aria-label={`Weather in ${f.name}`} className="mt-3">
          <h3 className="font-semibold">{f.name}</h3>
          <ol className="mt-1 grid grid-cols-4 gap-2 text-center">
            {f.days.map((d, i) => (
              <li key={d.date}>
                <span className="block text-xs text-ink/60">{dayName(d.date, i)}</span>
                <span className="block">{describeWeather(d.code)}</span>
                <span className="block font-semibold">
                  {Math.round(d.max)}° <span className="font-normal text-ink/60">{Math.round(d.min)}°</span>
                </span>
                {d.precipitation !== null && <span className="block text-xs text-ink/60">{d.precipitation}% rain</span>}
              </li>
            ))}
          </ol>
          <p className="mt-1 text-xs text-ink/60">
            Forecast of <time dateTime={f.fetchedAt.toISOString()}>{formatDateTime(f.fetchedAt)}</time>
          </p>
        </section>
      ))}
    </aside>
  );
}
