import { describe, expect, it } from "vitest";
import { formatDateTime } from "./site";

describe("formatDateTime", () => {
  it("shows date, time and zone the way a reader expects", () => {
    expect(formatDateTime(new Date("2026-11-30T14:05:00Z"))).toBe("November 30, 2026 at 2:05 PM UTC");
  });
});
