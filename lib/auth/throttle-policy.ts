/**
 * The sign-in throttle's rules, pure (lib/auth/throttle.ts keeps the state in
 * PostgreSQL). Per key (one email, one client address, or one known device): 5 failures within
 * 15 minutes lock the key; each lock lasts twice the one before (1, 2, 4 … up
 * to 60 minutes); a success (for an email) or a quiet day starts over.
 */
import { config } from "@/lib/config/config";

export type TThrottleState = { failures: number; windowStart: Date; lockedUntil: Date | null; lockouts: number };

export type TThrottlePolicy = { maxFailures: number; windowMs: number; baseLockMs: number; maxLockMs: number; quietResetMs: number };

export function throttlePolicy(env: Record<string, string | undefined> = process.env): TThrottlePolicy {
  return {
    maxFailures: 5,
    windowMs: 15 * 60_000,
    baseLockMs: config("NEWSROOM_LOGIN_LOCK_SECONDS", env) * 1000,
    maxLockMs: 60 * 60_000,
    quietResetMs: 24 * 60 * 60_000,
  };
}

/** How long the key stays locked from `now`, in ms (0: not locked). */
export function remainingLock(state: TThrottleState | null, now: Date): number {
  return state?.lockedUntil ? Math.max(0, state.lockedUntil.getTime() - now.getTime()) : 0;
}

/** The state after one more failure at `now`. */
export function afterFailure(state: TThrottleState | null, now: Date, policy: TThrottlePolicy): TThrottleState {
  let s: TThrottleState = state ?? { failures: 0, windowStart: now, lockedUntil: null, lockouts: 0 };
  const lastActivity = Math.max(s.windowStart.getTime(), s.lockedUntil?.getTime() ?? 0);
  if (now.getTime() - lastActivity > policy.quietResetMs) s = { ...s, lockouts: 0 };
  if (now.getTime() - s.windowStart.getTime() > policy.windowMs) s = { ...s, failures: 0, windowStart: now };
  const failures = s.failures + 1;
  if (failures < policy.maxFailures) return { ...s, failures };
  const lockMs = Math.min(policy.baseLockMs * 2 ** s.lockouts, policy.maxLockMs);
  return { failures: 0, windowStart: now, lockedUntil: new Date(now.getTime() + lockMs), lockouts: s.lockouts + 1 };
}

/** "Too many failed sign-ins … try again in 3 minutes." (whole minutes, rounded up). */
export function lockMessage(remainingMs: number, what = "failed sign-ins"): string {
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return `Too many ${what}. For your account's safety, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
