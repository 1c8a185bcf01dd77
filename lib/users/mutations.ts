import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError, fromPrismaError } from "@/lib/errors";
import { hasRole, type TActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { ZUserCreate, type TUserCreate } from "./schemas";

function invalid(error: z.ZodError): AppError {
  return new AppError("INVALID_INPUT", "Some fields need attention.", z.flattenError(error).fieldErrors);
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

/**
 * Deactivate or reactivate an account. Deactivating ends all its sessions in
 * the same transaction, and the last active admin cannot be deactivated.
 */
export async function setUserActive({ actor, userId, active }: { actor: TActor; userId: string; active: boolean }) {
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins can deactivate accounts.");
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, active: true } });
    if (!user) throw new AppError("NOT_FOUND", "No such account.");
    if (!active && user.role === "ADMIN" && user.active) {
      // Lock the admins' rows so two admins cannot deactivate each other at once.
      const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'ADMIN' AND active = true FOR UPDATE`;
      if (admins.length <= 1) throw new AppError("CONFLICT", "This is the last active admin; make someone else an admin first.");
    }
    if (!active) {
      await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    return tx.user.update({ where: { id: userId }, data: { active }, select: { id: true, email: true, active: true } });
  });
}
