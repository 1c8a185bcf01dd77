import "server-only";
import { createHash } from "node:crypto";
import { recordChanges } from "@/lib/changes";
import { claimLease } from "@/lib/db/lease";
import { config } from "@/lib/config/config";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { forecastChanged, forecastsForLocations, sampleForecastDays, type TStoredForecast } from "./choose";
import { locationKey, openMeteo, parseLocations, type TWeatherLocation, type TWeatherProvider } from "./provider";

export type { TStoredForecast } from "./choose";

const SETTING = "weatherLocations";
/** How long one provider call may take before we give up (the page never waits for it). */
const TIMEOUT_MS = 5_000;

/** The locations to forecast: NEWSROOM_WEATHER_LOCATIONS if set, else the site setting (demo content sets one). */
export async function weatherLocations(): Promise<TWeatherLocation[]> {
  const fromEnv = config("NEWSROOM_WEATHER_LOCATIONS");
  if (fromEnv) return parseLocations(fromEnv);
  const setting = await prisma.siteSetting.findUnique({ where: { key: SETTING } });
  return parseLocations(typeof setting?.value === "string" ? setting.value : undefined);
}

export const defaultProvider = (): TWeatherProvider => openMeteo(config("NEWSROOM_WEATHER_URL"));

/**
 * Fetch and store each location's forecast. A location whose provider call
 * fails or times out keeps its last stored forecast; the failures are returned.
 * `changed`: how many stored forecasts are new to readers (an answer equal to
 * the stored one leaves the row and its issued time alone, so pages stay cached).
 */
export async function refreshForecasts(provider: TWeatherProvider = defaultProvider(), timeoutMs = TIMEOUT_MS) {
  const locations = await weatherLocations();
  const failures: { location: string; reason: string }[] = [];
  let changed = 0;
  await Promise.all(
    locations.map(async (location) => {
      try {
        const days = await provider.forecast(location, { signal: AbortSignal.timeout(timeoutMs) });
        if (!days.length) throw new Error("The provider sent no days.");
        const key = locationKey(location);
        const stored = await prisma.weatherForecast.findUnique({ where: { locationKey: key }, select: { days: true, sample: true } });
        if (!forecastChanged(stored, days)) return;
        const data = { name: location.name, days: days as unknown as Prisma.InputJsonArray, fetchedAt: new Date(), sample: false };
        // The cached pages with the box show the new forecast from the next reader on.
        await prisma.$transaction(async (tx) => {
          await tx.weatherForecast.upsert({ where: { locationKey: key }, create: { locationKey: key, ...data }, update: data });
          await recordChanges(tx, [{ kind: "weather" }]);
        });
        changed++;
      } catch (err) {
        failures.push({ location: location.name, reason: (err as Error).message });
      }
    }),
  );
  return { locations: locations.length, changed, failures };
}

/** What the weather box shows: the stored forecasts of the configured locations, in their order. Never calls the provider. */
export async function storedForecasts(): Promise<TStoredForecast[]> {
  const locations = await weatherLocations();
  if (!locations.length) return [];
  const rows = await prisma.weatherForecast.findMany({ where: { locationKey: { in: locations.map(locationKey) } } });
  return forecastsForLocations(locations, rows);
}

/**
 * The demo database's sample forecast for these locations ("Sample forecast —
 * demo data"), so the offline demo shows the box; the first real forecast
 * replaces it. Never overwrites a stored forecast.
 */
export async function storeSampleForecasts(db: Prisma.TransactionClient, locations: TWeatherLocation[], now = new Date()) {
  const days = sampleForecastDays(now) as unknown as Prisma.InputJsonArray;
  await db.weatherForecast.createMany({
    data: locations.map((l) => ({ locationKey: locationKey(l), name: l.name, days, fetchedAt: now, sample: true })),
    skipDuplicates: true,
  });
}

let timer: ReturnType<typeof setTimeout> | null = null;

/** The lease of the refresh this process would do: its provider and its locations. */
async function weatherLeaseName(): Promise<string> {
  const work = JSON.stringify([config("NEWSROOM_WEATHER_URL"), (await weatherLocations()).map(locationKey)]);
  return `weather:${createHash("sha256").update(work).digest("hex").slice(0, 16)}`;
}

/**
 * Refresh in the background now and every NEWSROOM_WEATHER_INTERVAL_MS (default
 * 30 min). NEWSROOM_WEATHER=off turns it off. However many processes run it,
 * one refreshes: the holder of the weather lease, renewed at each tick and
 * lapsing just before the next, so if that process stops another takes over
 * within an interval. The lease is the work's: the same provider and the same
 * locations (processes configured alike share it; one configured otherwise
 * does its own).
 */
export function startWeatherLoop(): void {
  if (timer || !config("NEWSROOM_WEATHER")) return;
  const interval = config("NEWSROOM_WEATHER_INTERVAL_MS");
  const tick = async () => {
    try {
      if (!(await claimLease(await weatherLeaseName(), Math.max(1_000, interval - 1_000)))) return;
      const { failures } = await refreshForecasts();
      for (const f of failures) console.warn(`[weather] ${f.location}: ${f.reason} Keeping the last forecast.`);
    } catch (err) {
      console.error("[weather] refresh failed:", err);
    } finally {
      timer = setTimeout(tick, interval);
      timer.unref?.();
    }
  };
  timer = setTimeout(tick, 0);
}
