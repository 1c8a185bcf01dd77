import "server-only";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ZCredentials } from "@/lib/users/schemas";
import { decoyHash, verifyPassword } from "./password";
import type { TActor } from "./actor";

/** How long a session lasts at most, in seconds (the cookie lives as long). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** How fresh Session.lastSeenAt is kept (when the session was last used). */
const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

export const INVALID_CREDENTIALS_MESSAGE = "That email and password do not match an account. Check both and try again.";
export const INACTIVE_ACCOUNT_MESSAGE = "This account has been deactivated. Ask an admin of your newsroom to reactivate it.";

/**
 * Check an email and password and open a server-side session for them.
 * A wrong email and a wrong password fail alike, in about the same time.
 */
export async function authenticate(input: unknown, meta: { userAgent?: string | null } = {}) {
  const parsed = ZCredentials.safeParse(input);
  if (!parsed.success) throw new AppError("UNAUTHORIZED", INVALID_CREDENTIALS_MESSAGE);
  const { email, password } = parsed.data;
  const user = await prisma.user.findUnique({ where: { email } });
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !ok) throw new AppError("UNAUTHORIZED", INVALID_CREDENTIALS_MESSAGE);
  if (!user.active) throw new AppError("FORBIDDEN", INACTIVE_ACCOUNT_MESSAGE);
  const session = await prisma.session.create({
    data: {
      userId: user.id,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
    },
    select: { id: true },
  });
  return { sessionId: session.id, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

/**
 * The signed-in user behind a session id, or null when the session was ended
 * (sign-out, deactivation), has expired, or never existed. Called on every
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
