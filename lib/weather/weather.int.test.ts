import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { startFakeWeather } from "@/lib/testing/fake-weather";
import { defaultProvider, refreshForecasts, storedForecasts } from "./forecasts";

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
    expect(await refreshForecasts(defaultProvider())).toEqual({ locations: 2, failures: [] });
    const first = await storedForecasts();
    expect(first.map((f) => [f.name, f.days.length, f.days[0]!.max, f.days[0]!.code])).toEqual([
      ["Testville", 4, 21, 0],
      ["Nowhere", 4, 21, 0],
    ]);

    fake.setMode("down");
    const down = await refreshForecasts(defaultProvider());
    expect(down.failures.map((f) => f.reason)).toEqual(["The weather provider answered HTTP 503.", "The weather provider answered HTTP 503."]);
    expect((await storedForecasts()).map((f) => f.fetchedAt)).toEqual(first.map((f) => f.fetchedAt));

    fake.setMode("slow");
    const started = Date.now();
    const slow = await refreshForecasts(defaultProvider(), 300);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(slow.failures).toHaveLength(2);
    expect((await storedForecasts())[0]!.days[0]!.max).toBe(21);

    fake.setMode("ok");
    fake.setBase(5);
    await refreshForecasts(defaultProvider());
    expect((await storedForecasts())[0]!.days[0]!.max).toBe(5);
    await prisma.weatherForecast.deleteMany({ where: { name: { in: ["Testville", "Nowhere"] } } });
  });
});
