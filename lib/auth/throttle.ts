import "server-only";
import { prisma } from "@/lib/db/client";
import { RateLimitedError } from "@/lib/errors";
import { afterFailure, lockMessage, remainingLock, throttlePolicy, type TThrottleState } from "./throttle-policy";

const PRUNE_AFTER_MS = 2 * 24 * 60 * 60_000;

export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;
/** A device the account signed in from before (lib/auth/device.ts). */
export const deviceKey = (deviceId: string) => `device:${deviceId}`;

/**
 * The keys a password attempt counts against (OWASP's device cookies): from a
 * device this account signed in from before, that device alone; from anywhere
 * else, the account and the client address — so guesses from many addresses
 * lock the account for strangers, while its owner's own browser still gets in.
 */
export function attemptKeys({ email, address, knownDeviceId }: { email: string; address: string | null; knownDeviceId?: string | null }): string[] {
  if (knownDeviceId) return [deviceKey(knownDeviceId)];
  return [emailKey(email), ...(address ? [addressKey(address)] : [])];
}

/** How long sign-ins for any of these keys stay refused, in ms (0: go ahead). */
export async function lockedFor(keys: string[], now = new Date()): Promise<number> {
  const rows = await prisma.loginThrottle.findMany({ where: { key: { in: keys } } });
  return Math.max(0, ...rows.map((r) => remainingLock(r, now)));
}

/**
 * Count a failed sign-in against every key, atomically: each key's row is
 * locked while it is updated, so parallel guesses from several app processes
 * are all counted. Returns how long the keys are now locked (0 if not yet).
 */
export async function recordFailure(keys: string[], now = new Date()): Promise<number> {
  const policy = throttlePolicy();
  return prisma.$transaction(async (tx) => {
    await tx.loginThrottle.createMany({ data: keys.map((key) => ({ key, windowStart: now })), skipDuplicates: true });
    const rows = await tx.$queryRaw<(TThrottleState & { key: string })[]>`
      SELECT key, failures, "windowStart", "lockedUntil", lockouts FROM "LoginThrottle" WHERE key = ANY(${keys}) ORDER BY key FOR UPDATE`;
    let longest = 0;
    for (const row of rows) {
      // A brand-new row starts at zero failures; afterFailure counts this one.
      const next = afterFailure(row, now, policy);
      await tx.loginThrottle.update({ where: { key: row.key }, data: next });
      longest = Math.max(longest, remainingLock(next, now));
    }
    // Keys untouched for two days and not locked have nothing left to count: drop them (indexed).
    const stale = new Date(now.getTime() - PRUNE_AFTER_MS);
    await tx.loginThrottle.deleteMany({ where: { updatedAt: { lt: stale }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] } });
    return longest;
  });
}

/** A successful sign-in: its account (or its known device) starts over; the client address keeps its count. */
export async function recordSuccess(key: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key } });
}

/**
 * A password check outside sign-in (the current password on /newsroom/account)
 * under the same throttle: refused with RATE_LIMITED while any key is locked,
 * and a wrong password counts against them all. True when the password is right.
 */
export async function throttledPasswordCheck(keys: string[], check: () => Promise<boolean>): Promise<boolean> {
  const wait = await lockedFor(keys);
  if (wait > 0) throw new RateLimitedError(lockMessage(wait, "wrong passwords"), Math.ceil(wait / 1000));
  if (await check()) return true;
  await recordFailure(keys);
  return false;
}
