import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { startFakeWeather } from "@/testing/fake-weather";
import { locationKey } from "./provider";
import { defaultProvider, refreshForecasts, storedForecasts, storeSampleForecasts } from "./forecasts";

let fake: Awaited<ReturnType<typeof startFakeWeather>>;

beforeAll(async () => {
  fake = await startFakeWeather();
  process.env.NEWSROOM_WEATHER_URL = fake.url;
  // Coordinates no other test uses, so the stored rows are this file's.
  process.env.NEWSROOM_WEATHER_LOCATIONS = "Testville:12.34,56.78;Nowhere:-12.34,-56.78";
});
afterAll(async () => {
  await fake.stop();
  delete process.env.NEWSROOM_WEATHER_URL;
  delete process.env.NEWSROOM_WEATHER_LOCATIONS;
});

describe("the weather box's forecasts", () => {
  it("are fetched from the provider and stored, and the last one is kept when it fails or hangs", async () => {
    fake.setMode("ok");
    fake.setBase(21);
    expect(await refreshForecasts(defaultProvider())).toEqual({ locations: 2, changed: 2, failures: [] });
    const first = await storedForecasts();
    expect(first.map((f) => [f.name, f.days.length, f.days[0]!.max, f.days[0]!.code])).toEqual([
      ["Testville", 4, 21, 0],
      ["Nowhere", 4, 21, 0],
    ]);

    fake.setMode("down");
    const down = await refreshForecasts(defaultProvider());
    expect(down.failures.map((f) => f.reason)).toEqual(["The weather provider answered HTTP 503.", "The weather provider answered HTTP 503."]);
    expect((await storedForecasts()).map((f) => f.issuedAt)).toEqual(first.map((f) => f.issuedAt));

    fake.setMode("slow");
    const started = Date.now();
    const slow = await refreshForecasts(defaultProvider(), 300);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(slow.failures).toHaveLength(2);
    expect((await storedForecasts())[0]!.days[0]!.max).toBe(21);

    // The same answer again is no news: the issued time stays, so no page needs refreshing.
    fake.setMode("ok");
    expect(await refreshForecasts(defaultProvider())).toMatchObject({ changed: 0, failures: [] });
    expect((await storedForecasts()).map((f) => f.issuedAt)).toEqual(first.map((f) => f.issuedAt));

    fake.setBase(5);
    expect(await refreshForecasts(defaultProvider())).toMatchObject({ changed: 2 });
    expect((await storedForecasts())[0]!.days[0]!.max).toBe(5);
    await prisma.weatherForecast.deleteMany({ where: { name: { in: ["Testville", "Nowhere"] } } });
  });

  it("a sample forecast shows until the provider answers, and the real one replaces it", async () => {
    const places = [{ name: "Samplefield", latitude: 23.45, longitude: 67.89 }];
    process.env.NEWSROOM_WEATHER_LOCATIONS = "Samplefield:23.45,67.89";
    try {
      await prisma.$transaction((tx) => storeSampleForecasts(tx, places, new Date("2026-01-05T06:00:00Z")));
      expect((await storedForecasts()).map((f) => [f.name, f.sample, f.days[0]!.date])).toEqual([["Samplefield", true, "2026-01-05"]]);
      // A second seed never overwrites what is stored.
      await prisma.$transaction((tx) => storeSampleForecasts(tx, places));
      expect((await storedForecasts())[0]!.issuedAt.toISOString()).toBe("2026-01-05T06:00:00.000Z");

      fake.setMode("down");
      expect(await refreshForecasts(defaultProvider())).toMatchObject({ changed: 0, failures: [{ location: "Samplefield" }] });
      expect((await storedForecasts())[0]!.sample).toBe(true);

      fake.setMode("ok");
      fake.setBase(30);
      expect(await refreshForecasts(defaultProvider())).toMatchObject({ changed: 1, failures: [] });
      const [real] = await storedForecasts();
      expect(real).toMatchObject({
        name: "Samplefield",
        sample: false,
        days: [expect.objectContaining({ max: 30 }), expect.anything(), expect.anything(), expect.anything()],
      });
      expect(Date.now() - real!.issuedAt.getTime()).toBeLessThan(60_000);
    } finally {
      process.env.NEWSROOM_WEATHER_LOCATIONS = "Testville:12.34,56.78;Nowhere:-12.34,-56.78";
      await prisma.weatherForecast.deleteMany({ where: { locationKey: locationKey(places[0]!) } });
    }
  });
});
