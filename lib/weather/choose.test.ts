import { describe, expect, it } from "vitest";
import { forecastChanged, forecastsForLocations, sampleForecastDays } from "./choose";
import { locationKey } from "./provider";

const beijing = { name: "Beijing", latitude: 39.9042, longitude: 116.4074 };
const portland = { name: "Portland", latitude: 45.5152, longitude: -122.6784 };
const days = sampleForecastDays(new Date("2026-03-01T10:00:00Z"));
const at = new Date("2026-03-01T10:00:00Z");

describe("forecastsForLocations", () => {
  it("gives the configured places in their order, leaving out places with nothing stored and rows no longer configured", () => {
    const rows = [
      { locationKey: locationKey(portland), fetchedAt: at, days, sample: false },
      { locationKey: "1.00,2.00", fetchedAt: at, days, sample: false },
    ];
    expect(forecastsForLocations([beijing, portland], rows).map((f) => f.name)).toEqual(["Portland"]);
    expect(forecastsForLocations([], rows)).toEqual([]);
  });

  it("says which forecast is the sample, and shows four days with the time it was issued", () => {
    const rows = [
      { locationKey: locationKey(beijing), fetchedAt: at, days: [...days, ...days], sample: true },
      { locationKey: locationKey(portland), fetchedAt: at, days, sample: false },
    ];
    expect(forecastsForLocations([beijing, portland], rows).map((f) => [f.name, f.sample, f.days.length, f.issuedAt])).toEqual([
      ["Beijing", true, 4, at],
      ["Portland", false, 4, at],
    ]);
  });

  it("leaves out a row without days (nothing to show is no box)", () => {
    expect(forecastsForLocations([beijing], [{ locationKey: locationKey(beijing), fetchedAt: at, days: [], sample: true }])).toEqual([]);
  });
});

describe("forecastChanged", () => {
  const real = sampleForecastDays(new Date("2026-03-01T10:00:00Z")).map((d) => ({ ...d, max: d.max + 3 }));
  it("takes the first forecast, and a real one always replaces the sample, even with the same days", () => {
    expect(forecastChanged(null, real)).toBe(true);
    expect(forecastChanged({ days, sample: true }, days)).toBe(true);
    expect(forecastChanged({ days: real, sample: true }, real)).toBe(true);
  });
  it("keeps a stored real forecast the provider repeats, and replaces it when any day differs", () => {
    expect(
      forecastChanged(
        { days: real, sample: false },
        real.map((d) => ({ ...d })),
      ),
    ).toBe(false);
    expect(
      forecastChanged(
        { days: real, sample: false },
        real.map((d, i) => (i === 3 ? { ...d, precipitation: null } : d)),
      ),
    ).toBe(true);
    expect(forecastChanged({ days: real, sample: false }, real.slice(0, 3))).toBe(true);
    expect(forecastChanged({ days: "garbage", sample: false }, real)).toBe(true);
  });
});

describe("sampleForecastDays", () => {
  it("is four consecutive days from the given one", () => {
    expect(days.map((d) => d.date)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"]);
  });
});
