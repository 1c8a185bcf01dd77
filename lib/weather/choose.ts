import { locationKey, type TForecastDay, type TWeatherLocation } from "./provider";

/** What the box says over a forecast that is the demo's sample, not the provider's. */
export const SAMPLE_LABEL = "Sample forecast — demo data";

/** A stored forecast as the box shows it. `issuedAt`: when we first received it. */
export type TStoredForecast = { name: string; issuedAt: Date; days: TForecastDay[]; sample: boolean };

/** A stored row, as far as choosing goes. */
export type TForecastRow = { locationKey: string; fetchedAt: Date; days: unknown; sample: boolean };

const DAYS_SHOWN = 4;

/** The stored forecasts of the configured locations, in their order; a location with none stored is left out. */
export function forecastsForLocations(locations: TWeatherLocation[], rows: TForecastRow[]): TStoredForecast[] {
  const byKey = new Map(rows.map((r) => [r.locationKey, r]));
  return locations.flatMap((l) => {
    const row = byKey.get(locationKey(l));
    if (!row || !Array.isArray(row.days) || row.days.length === 0) return [];
    return [{ name: l.name, issuedAt: row.fetchedAt, days: (row.days as TForecastDay[]).slice(0, DAYS_SHOWN), sample: row.sample }];
  });
}

const sameDay = (a: TForecastDay, b: TForecastDay) =>
  a.date === b.date && a.code === b.code && a.max === b.max && a.min === b.min && a.precipitation === b.precipitation;

/**
 * Whether the provider's answer is news to readers: nothing stored yet, the
 * stored one is the demo's sample (a real forecast always replaces it), or the
 * days differ. An unchanged answer keeps the row (and its issued time) as it is,
 * so the pages showing it stay cached.
 */
export function forecastChanged(stored: { days: unknown; sample: boolean } | null | undefined, days: TForecastDay[]): boolean {
  if (!stored || stored.sample || !Array.isArray(stored.days)) return true;
  const old = stored.days as TForecastDay[];
  return old.length !== days.length || days.some((d, i) => !sameDay(d, old[i]!));
}

/** The demo's sample: four plausible days from `start` (UTC dates), the same numbers for every place. */
export function sampleForecastDays(start: Date): TForecastDay[] {
  const codes = [1, 3, 61, 0];
  return codes.map((code, i) => ({
    date: new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10),
    code,
    max: 18 - i,
    min: 9 - i,
    precipitation: [10, 30, 70, 5][i]!,
  }));
}
