import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/audit";
import { prisma } from "@/lib/db/client";
import { AppError, fromPrismaError } from "@/lib/errors";
import { hasRole, type TActor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { attemptKeys, throttledPasswordCheck } from "@/lib/auth/throttle";
import type { Role } from "@/lib/db/generated/enums";
import { ZPassword, ZRole, ZUserCreate, type TUserCreate } from "./schemas";

function invalid(error: z.ZodError, field?: string): AppError {
  const fieldErrors = field ? { [field]: error.issues.map((i) => i.message) } : z.flattenError(error).fieldErrors;
  return new AppError("INVALID_INPUT", "Some fields need attention.", fieldErrors as Record<string, string[]>);
}

/** Create a login account. Admins only (or the operator at the command line). */
export async function createUser({ actor, data }: { actor: TActor; data: TUserCreate }) {
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins can create accounts.");
  const parsed = ZUserCreate.safeParse(data);
  if (!parsed.success) throw invalid(parsed.error);
  const { password, ...rest } = parsed.data;
  try {
    return await prisma.user.create({
      data: { ...rest, passwordHash: await hashPassword(password) },
      select: { id: true, email: true, name: true, role: true, active: true },
    });
  } catch (err) {
    throw fromPrismaError(err, `An account with the email ${rest.email} already exists.`);
  }
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

/**
 * Refuse to leave the newsroom without an active admin. The admins' rows are
 * locked, so two admins cannot demote or deactivate each other at once.
 */
async function keepAnActiveAdmin(tx: Tx, user: { role: Role; active: boolean }, what: string) {
  if (user.role !== "ADMIN" || !user.active) return;
  const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'ADMIN' AND active = true FOR UPDATE`;
  if (admins.length <= 1) throw new AppError("CONFLICT", `This is the last active admin, so you cannot ${what}. Make someone else an admin first.`);
}

async function findUserOrThrow(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, active: true } });
  if (!user) throw new AppError("NOT_FOUND", "No such account.");
  return user;
}

async function endSessions(tx: Tx, userId: string) {
  await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * Deactivate or reactivate an account. Deactivating ends all its sessions in
 * the same transaction, and the last active admin cannot be deactivated.
 */
export async function setUserActive({ actor, userId, active }: { actor: TActor; userId: string; active: boolean }) {
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins can deactivate accounts.");
  return prisma.$transaction(async (tx) => {
    const user = await findUserOrThrow(tx, userId);
    if (!active) {
      await keepAnActiveAdmin(tx, user, "deactivate this account");
      await endSessions(tx, userId);
    }
    const updated = await tx.user.update({ where: { id: userId }, data: { active }, select: { id: true, email: true, active: true } });
    if (user.active !== active) await recordAudit(tx, { actor, action: active ? "user.activate" : "user.deactivate", details: { email: updated.email } });
    return updated;
  });
}

/**
 * Change an account's role. Admins only; the last active admin keeps the role.
 * The account's sessions end (on their next request it signs in again, under the new role).
 */
export async function changeUserRole({ actor, userId, role }: { actor: TActor; userId: string; role: unknown }) {
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins can change roles.");
  const parsed = ZRole.safeParse(role);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Choose Contributor, Editor or Admin.", { role: ["Choose Contributor, Editor or Admin."] });
  return prisma.$transaction(async (tx) => {
    const user = await findUserOrThrow(tx, userId);
    if (parsed.data !== "ADMIN") await keepAnActiveAdmin(tx, user, "take away the admin role");
    const updated = await tx.user.update({ where: { id: userId }, data: { role: parsed.data }, select: { id: true, email: true, role: true } });
    if (user.role !== parsed.data) {
      await endSessions(tx, userId);
      await recordAudit(tx, { actor, action: "user.role", details: { email: updated.email, from: user.role, to: parsed.data } });
    }
    return updated;
  });
}

/** Set a new password for someone (admins), ending their sessions so the old password's sessions stop. */
export async function resetUserPassword({ actor, userId, password }: { actor: TActor; userId: string; password: unknown }) {
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins can reset passwords.");
  const parsed = ZPassword.safeParse(password);
  if (!parsed.success) throw invalid(parsed.error, "password");
  const passwordHash = await hashPassword(parsed.data);
  return prisma.$transaction(async (tx) => {
    await findUserOrThrow(tx, userId);
    await endSessions(tx, userId);
    const updated = await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true, email: true } });
    await recordAudit(tx, { actor, action: "user.password-reset", details: { email: updated.email } });
    return updated;
  });
}

/**
 * Change your own password: the current one must be right. Your other sessions
 * end unless you choose to keep them; the one you are using stays.
 */
export async function changeOwnPassword({
  actor,
  sessionId,
  currentPassword,
  newPassword,
  endOtherSessions,
  clientAddress = null,
}: {
  actor: TActor | null;
  sessionId: string | null;
  currentPassword: unknown;
  newPassword: unknown;
  endOtherSessions: boolean;
  /** For the throttle on the current-password check (lib/http/request.ts clientAddress). */
  clientAddress?: string | null;
}) {
  if (!actor || actor.kind !== "user") throw new AppError("UNAUTHORIZED", "Sign in again to change your password.");
  const parsed = ZPassword.safeParse(newPassword);
  if (!parsed.success) throw invalid(parsed.error, "newPassword");
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  // Throttled as sign-in is, per account and address: a session left open is no way round the sign-in lockout.
  const keys = attemptKeys({ email: actor.email, address: clientAddress });
  const right = await throttledPasswordCheck(keys, async () =>
    Boolean(user && typeof currentPassword === "string" && (await verifyPassword(user.passwordHash, currentPassword))),
  );
  if (!user || !right) {
    throw new AppError("INVALID_INPUT", "Your current password is not right.", { currentPassword: ["Your current password is not right."] });
  }
  const passwordHash = await hashPassword(parsed.data);
  return prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    const ended = endOtherSessions
      ? (await tx.session.updateMany({ where: { userId: actor.id, revokedAt: null, id: { not: sessionId ?? "" } }, data: { revokedAt: new Date() } })).count
      : 0;
    await recordAudit(tx, { actor, action: "user.password-change", details: { endedOtherSessions: ended } });
    return { endedSessions: ended };
  });
}
