/**
 * Wall-clock times in the newsroom's time zone (NEWSROOM_TIME_ZONE) and the
 * UTC instants they stand for. A <input type="datetime-local"> holds a wall
 * time with no zone; the newsroom means its own zone, whatever the browser's.
 */

function offsetAt(instantMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instantMs);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2026-12-01T10:00" in `timeZone` as a Date (UTC), or null when it is not a
 * wall time. A time skipped by a DST change moves forward by the gap; a time
 * that happens twice means the first.
 */
export function wallTimeToUtc(wall: string, timeZone: string): Date | null {
  const m = WALL.exec(wall.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!, s || 0);
  if (Number.isNaN(guess) || new Date(guess).getUTCDate() !== d) return null;
  // The offset at the naive instant, then at the first estimate: the same except
  // around a DST change, where the later estimate is the one past the gap.
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return new Date(Math.max(first, second));
}

/** A Date as the wall time in `timeZone`, "YYYY-MM-DDTHH:mm", for a datetime-local input. */
export function utcToWallTime(date: Date, timeZone: string): string {
  const local = new Date(date.getTime() + offsetAt(date.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}

/** "December 1, 2026 at 10:00 AM GMT+8": an instant as the newsroom reads it. */
export function formatInZone(date: Date | string, timeZone: string): string {
  // (dateStyle/timeStyle cannot be combined with timeZoneName: spell the parts out.)
  return new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(date));
}
