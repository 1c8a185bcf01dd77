import { describe, expect, it } from "vitest";
import { describeWeather, locationKey, parseLocations } from "./provider";

describe("weather locations", () => {
  it("are read from 'Name:lat,lon;…', skipping anything malformed or out of range", () => {
    expect(parseLocations("Beijing:39.9042,116.4074; Seoul: 37.57 , 126.98;bad;Nowhere:91,0;:1,2")).toEqual([
      { name: "Beijing", latitude: 39.9042, longitude: 116.4074 },
      { name: "Seoul", latitude: 37.57, longitude: 126.98 },
    ]);
    expect(parseLocations(undefined)).toEqual([]);
    expect(locationKey({ name: "x", latitude: 39.9042, longitude: 116.4074 })).toBe("39.90,116.41");
  });
  it("say the WMO weather codes in words", () => {
    expect([0, 2, 3, 45, 53, 63, 73, 81, 86, 95].map(describeWeather)).toEqual([
      "Clear",
      "Partly cloudy",
      "Overcast",
      "Fog",
      "Drizzle",
      "Rain",
      "Snow",
      "Showers",
      "Snow showers",
      "Thunderstorms",
    ]);
  });
});
