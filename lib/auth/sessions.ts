import "server-only";
import { prisma } from "@/lib/db/client";
import { AppError, RateLimitedError } from "@/lib/errors";
import { ZCredentials } from "@/lib/auth/credentials";
import { recordAudit } from "@/lib/audit/audit";
import { config } from "@/lib/config/config";
import { decoyHash, verifyPassword } from "./password";
import { attemptKeys, lockedFor, recordFailure, recordSuccess } from "./throttle";
import { newDeviceId, type TDevice } from "./device";
import { lockMessage } from "./throttle-policy";
import type { TActor } from "./actor";

/** How long a session lasts at most, however busy (NEWSROOM_SESSION_MAX_DAYS, default 30); the cookie lives as long. */
export const SESSION_MAX_AGE_SECONDS = Math.round(config("NEWSROOM_SESSION_MAX_DAYS") * 24 * 60 * 60);

/** A session unused this long ends (NEWSROOM_SESSION_IDLE_HOURS, default 12; at least 15 minutes). */
export const SESSION_IDLE_MS = Math.max(15 * 60_000, config("NEWSROOM_SESSION_IDLE_HOURS") * 60 * 60_000);

/** How fresh Session.lastSeenAt is kept (when the session was last used). */
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

export const INVALID_CREDENTIALS_MESSAGE = "That email and password do not match an account. Check both and try again.";
export const INACTIVE_ACCOUNT_MESSAGE = "This account has been deactivated. Ask an admin of your newsroom to reactivate it.";

/**
 * Check an email and password and open a server-side session for them.
 * A wrong email and a wrong password fail alike, in about the same time.
 * Throttled (lib/auth/throttle.ts): after 5 failures for the email, or from the
 * client's address, sign-ins are refused with RATE_LIMITED for a growing wait,
 * the right password included — except from a device this account signed in
 * from before (`meta.device`, a verified device cookie), whose failures count
 * against that device alone. Every outcome goes to the audit log. Returns the
 * device id to remember in the browser (the known one, or a new one).
 */
export async function authenticate(input: unknown, meta: { userAgent?: string | null; clientAddress?: string | null; device?: TDevice | null } = {}) {
  const parsed = ZCredentials.safeParse(input);
  if (!parsed.success) throw new AppError("UNAUTHORIZED", INVALID_CREDENTIALS_MESSAGE);
  const { email, password } = parsed.data;
  const address = meta.clientAddress ?? null;
  const user = await prisma.user.findUnique({ where: { email } });
  // A device cookie counts only for the account it names.
  const knownDeviceId = user && meta.device?.userId === user.id ? meta.device.deviceId : null;
  const keys = attemptKeys({ email, address, knownDeviceId });
  const details = { email, address, ...(knownDeviceId ? { knownDevice: true } : {}) };
  const wait = await lockedFor(keys);
  if (wait > 0) {
    await recordAudit(prisma, { actor: { kind: "system" }, action: "auth.sign-in-throttled", details });
    throw new RateLimitedError(lockMessage(wait), Math.ceil(wait / 1000));
  }
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !ok) {
    await recordFailure(keys);
    await recordAudit(prisma, {
      actor: { kind: "system" },
      action: "auth.sign-in-failed",
      details: { ...details, reason: user ? "wrong password" : "unknown email" },
    });
    throw new AppError("UNAUTHORIZED", INVALID_CREDENTIALS_MESSAGE);
  }
  if (!user.active) {
    await recordAudit(prisma, { actor: { kind: "system" }, action: "auth.sign-in-failed", details: { ...details, reason: "deactivated account" } });
    throw new AppError("FORBIDDEN", INACTIVE_ACCOUNT_MESSAGE);
  }
  await recordSuccess(keys[0]!);
  const session = await prisma.session.create({
    data: {
      userId: user.id,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
    },
    select: { id: true },
  });
  await recordAudit(prisma, { actor: { kind: "user", id: user.id, role: user.role, name: user.name, email: user.email }, action: "auth.sign-in", details });
  return { sessionId: session.id, user: { id: user.id, email: user.email, name: user.name, role: user.role }, deviceId: knownDeviceId ?? newDeviceId() };
}

/**
 * The signed-in user behind a session id, or null when the session was ended
 * (sign-out, deactivation, role or password change), has expired (absolute
 * maximum) or sat idle too long, or never existed. Called on every
 * request that reads the session, so a replayed old cookie stops working at once.
 */
export async function actorForSession(sessionId: string | undefined | null): Promise<Extract<TActor, { kind: "user" }> | null> {
  if (!sessionId) return null;
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { revokedAt: true, expiresAt: true, lastSeenAt: true, user: { select: { id: true, email: true, name: true, role: true, active: true } } },
  });
  const now = new Date();
  if (!session || session.revokedAt || session.expiresAt <= now || !session.user.active) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) {
    await revokeSession(sessionId); // idle too long: sign in again
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    // At most one write per session every few minutes, not one per request.
    await prisma.session.updateMany({ where: { id: sessionId, lastSeenAt: session.lastSeenAt }, data: { lastSeenAt: now } });
  }
  const { id, email, name, role } = session.user;
  return { kind: "user", id, email, name, role };
}

/** End one session (sign-out). Ending an already-ended session is fine. */
export async function revokeSession(sessionId: string | undefined | null): Promise<void> {
  if (!sessionId) return;
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
