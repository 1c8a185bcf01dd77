import "server-only";
import { hasRole, type TActor } from "@/lib/auth/actor";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ZEmail } from "./schemas";

/** For the command line and tests: an account by email, without its password hash. */
export async function findUserByEmail(email: string) {
  const parsed = ZEmail.safeParse(email);
  if (!parsed.success) return null;
  return prisma.user.findUnique({
    where: { email: parsed.data },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
}

/** Every account, for the admins' list. */
export async function listUsers({ actor }: { actor: TActor | null }) {
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins can manage accounts.");
  return prisma.user.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: { id: true, email: true, name: true, role: true, active: true, createdAt: true },
  });
}

/**
 * Every account with when it last signed in (its newest session, ended or not;
 * null if never), for the operator's `npm run user -- list`. Admins only.
 */
export async function listUsersWithLastSignIn({ actor }: { actor: TActor | null }) {
  if (!hasRole(actor, "ADMIN")) throw new AppError("FORBIDDEN", "Only admins can manage accounts.");
  const users = await prisma.user.findMany({
    orderBy: [{ active: "desc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, active: true, sessions: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 } },
  });
  return users.map(({ sessions, ...user }) => ({ ...user, lastSignInAt: sessions[0]?.createdAt ?? null }));
}
