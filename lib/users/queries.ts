import "server-only";
import { prisma } from "@/lib/db/client";
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
