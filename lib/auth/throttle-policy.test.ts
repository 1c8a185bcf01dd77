import { describe, expect, it } from "vitest";
import { afterFailure, lockMessage, remainingLock, throttlePolicy, type TThrottleState } from "./throttle-policy";

const policy = throttlePolicy({});
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 30, 8, 0) + minutes * 60_000);
const fail = (times: number, from: TThrottleState | null, now: Date) =>
  Array.from({ length: times }).reduce<TThrottleState | null>((s) => afterFailure(s, now, policy), from)!;

describe("sign-in throttle policy", () => {
  it("locks on the fifth failure within the window, for a minute the first time", () => {
    const four = fail(4, null, at(0));
    expect(remainingLock(four, at(0))).toBe(0);
    const five = afterFailure(four, at(1), policy);
    expect(remainingLock(five, at(1))).toBe(60_000);
    expect(remainingLock(five, at(2))).toBe(0);
  });

  it("doubles each lock, up to an hour", () => {
    let s: TThrottleState | null = null;
    const locks: number[] = [];
    for (let round = 0; round < 8; round++) {
      s = fail(5, s, at(round * 200));
      locks.push(remainingLock(s, at(round * 200)) / 60_000);
    }
    expect(locks).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it("forgets failures older than the window, and locks after a quiet day start again at a minute", () => {
    const old = fail(4, null, at(0));
    expect(remainingLock(afterFailure(old, at(16), policy), at(16))).toBe(0);
    const locked = fail(5, fail(5, null, at(0)), at(10)); // second lock: 2 minutes
    expect(remainingLock(locked, at(10))).toBe(120_000);
    expect(remainingLock(fail(5, locked, at(10 + 25 * 60)), at(10 + 25 * 60))).toBe(60_000);
  });

  it("says how long to wait in whole minutes", () => {
    expect(lockMessage(1_000)).toMatch(/try again in 1 minute\.$/);
    expect(lockMessage(61_000)).toMatch(/try again in 2 minutes\.$/);
  });

  it("takes a shorter first lock from NEWSROOM_LOGIN_LOCK_SECONDS (tests), and refuses nonsense", () => {
    expect(throttlePolicy({ NEWSROOM_LOGIN_LOCK_SECONDS: "3" }).baseLockMs).toBe(3000);
    expect(throttlePolicy({ NEWSROOM_LOGIN_LOCK_SECONDS: "" }).baseLockMs).toBe(60_000);
    expect(() => throttlePolicy({ NEWSROOM_LOGIN_LOCK_SECONDS: "-1" })).toThrow(/NEWSROOM_LOGIN_LOCK_SECONDS="-1": expected a number of seconds above 0/);
  });
});
