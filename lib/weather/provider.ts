import { z } from "zod";

/** A place the front page shows the weather for. */
export type TWeatherLocation = { name: string; latitude: number; longitude: number };

/** One day of forecast, in the provider-neutral shape we store. */
export type TForecastDay = { date: string; code: number; max: number; min: number; precipitation: number | null };

/** Where forecasts come from. Open-Meteo by default; tests use a local fake of it. */
export interface TWeatherProvider {
  forecast(location: TWeatherLocation, options: { signal: AbortSignal }): Promise<TForecastDay[]>;
}

const ZOpenMeteo = z.object({
  daily: z.object({
    time: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
    weather_code: z.array(z.number().int().nullable()),
    temperature_2m_max: z.array(z.number().nullable()),
    temperature_2m_min: z.array(z.number().nullable()),
    precipitation_probability_max: z.array(z.number().nullable()).optional(),
  }),
});

/** Open-Meteo's forecast API (https://open-meteo.com), at `baseUrl` (NEWSROOM_WEATHER_URL). */
export function openMeteo(baseUrl: string): TWeatherProvider {
  return {
    async forecast(location, { signal }) {
      const url = new URL("/v1/forecast", baseUrl);
      url.search = new URLSearchParams({
        latitude: String(location.latitude),
        longitude: String(location.longitude),
        daily: "weather_code,temperature_2m_max,temperature_2m_min,precipitation_probability_max",
        timezone: "auto",
        forecast_days: "4",
      }).toString();
      const res = await fetch(url, { signal, headers: { Accept: "application/json" } });
      if (!res.ok) throw new Error(`The weather provider answered HTTP ${res.status}.`);
      const { daily } = ZOpenMeteo.parse(await res.json());
      return daily.time.flatMap((date, i) => {
        const code = daily.weather_code[i];
        const max = daily.temperature_2m_max[i];
        const min = daily.temperature_2m_min[i];
        if (code === null || code === undefined || max === null || max === undefined || min === null || min === undefined) return [];
        return [{ date, code, max, min, precipitation: daily.precipitation_probability_max?.[i] ?? null }];
      });
    },
  };
}

/** WMO weather codes (as Open-Meteo reports them) in words. */
export function describeWeather(code: number): string {
  if (code === 0) return "Clear";
  if (code <= 2) return "Partly cloudy";
  if (code === 3) return "Overcast";
  if (code === 45 || code === 48) return "Fog";
  if (code >= 51 && code <= 57) return "Drizzle";
  if (code >= 61 && code <= 67) return "Rain";
  if (code >= 71 && code <= 77) return "Snow";
  if (code >= 80 && code <= 82) return "Showers";
  if (code === 85 || code === 86) return "Snow showers";
  if (code >= 95) return "Thunderstorms";
  return "Mixed";
}

/** "Beijing:39.90,116.41;Seoul:37.57,126.98" into locations; bad entries are skipped. */
export function parseLocations(raw: string | undefined): TWeatherLocation[] {
  return (raw ?? "")
    .split(";")
    .map((entry) => entry.trim().match(/^(.+?):\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/))
    .flatMap((m) => {
      if (!m) return [];
      const [latitude, longitude] = [Number(m[2]), Number(m[3])];
      return Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 ? [{ name: m[1]!.trim(), latitude, longitude }] : [];
    });
}

export const locationKey = (l: TWeatherLocation) => `${l.latitude.toFixed(2)},${l.longitude.toFixed(2)}`;
