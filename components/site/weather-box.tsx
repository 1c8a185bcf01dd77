import { formatDateTime } from "@/lib/site";
import { SAMPLE_LABEL, type TStoredForecast } from "@/lib/weather/choose";
import { describeWeather } from "@/lib/weather/provider";

const dayName = (date: string, i: number) =>
  i === 0 ? "Today" : new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));

/**
 * The "Weather Forecast" box (front page and story pages): today and the next
 * days for each configured place, from the last stored forecast, with the time
 * it was issued, or the demo's sample, labelled as such. Nothing stored: no box,
 * and the page lays out without its column.
 */
export function WeatherBox({ forecasts, className = "" }: { forecasts: TStoredForecast[]; className?: string }) {
  if (!forecasts.length) return null;
  const allSample = forecasts.every((f) => f.sample);
  return (
    <aside aria-labelledby="weather-heading" className={`no-print self-start rounded border border-ink/15 bg-white p-4 text-sm ${className}`}>
      <h2 id="weather-heading" className="font-semibold">
        Weather Forecast
      </h2>
      {allSample && <p className="mt-1 text-xs font-semibold text-accent">{SAMPLE_LABEL}</p>}
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
          {f.sample ? (
            !allSample && <p className="mt-1 text-xs font-semibold text-accent">{SAMPLE_LABEL}</p>
          ) : (
            <p className="mt-1 text-xs text-ink/60">
              Issued <time dateTime={f.issuedAt.toISOString()}>{formatDateTime(f.issuedAt)}</time>
            </p>
          )}
        </section>
      ))}
    </aside>
  );
}
