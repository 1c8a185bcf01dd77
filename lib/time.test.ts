import { describe, expect, it } from "vitest";
import { formatInZone, utcToWallTime, wallTimeToUtc } from "./time";

describe("newsroom wall times", () => {
  it("mean the newsroom's zone, not the browser's", () => {
    expect(wallTimeToUtc("2026-12-01T10:00", "Asia/Shanghai")?.toISOString()).toBe("2026-12-01T02:00:00.000Z");
    expect(wallTimeToUtc("2026-12-01T10:00", "America/New_York")?.toISOString()).toBe("2026-12-01T15:00:00.000Z");
    expect(wallTimeToUtc("2026-07-01T10:00", "America/New_York")?.toISOString()).toBe("2026-07-01T14:00:00.000Z");
    expect(wallTimeToUtc("2026-12-01T10:00", "UTC")?.toISOString()).toBe("2026-12-01T10:00:00.000Z");
  });
  it("round-trip through the input's format", () => {
    for (const tz of ["UTC", "Asia/Kolkata", "America/Los_Angeles", "Europe/Berlin"]) {
      const at = new Date("2026-11-30T17:45:00Z");
      expect(wallTimeToUtc(utcToWallTime(at, tz), tz)).toEqual(at);
    }
    expect(utcToWallTime(new Date("2026-12-01T02:00:00Z"), "Asia/Shanghai")).toBe("2026-12-01T10:00");
  });
  it("handle the hours a DST change skips or repeats", () => {
    // 02:30 does not exist on 2026-03-08 in New York: it moves past the gap.
    expect(wallTimeToUtc("2026-03-08T02:30", "America/New_York")?.toISOString()).toBe("2026-03-08T07:30:00.000Z");
    // 01:30 happens twice on 2026-11-01: the first (EDT) is meant.
    expect(wallTimeToUtc("2026-11-01T01:30", "America/New_York")?.toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });
  it("refuse what is not a wall time", () => {
    for (const bad of ["", "tomorrow", "2026-02-30T10:00", "2026-12-01 10:00", "2026-12-01T25:00"]) expect(wallTimeToUtc(bad, "UTC")).toBeNull();
  });
});

describe("formatInZone", () => {
  it("says the time as the newsroom reads it, with its zone", () => {
    expect(formatInZone("2026-12-01T02:00:00Z", "Asia/Shanghai")).toBe("December 1, 2026 at 10:00 AM GMT+8");
    expect(formatInZone(new Date("2026-12-01T15:30:00Z"), "UTC")).toBe("December 1, 2026 at 3:30 PM UTC");
  });
});
