import { randomBytes } from "node:crypto";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import type { Role } from "@/lib/db/generated/enums";
import { createUser } from "@/lib/users/mutations";

/** A unique email, so tests can share a database and run in any order. */
export const uniqueEmail = (label = "user") => `${label}-${randomBytes(5).toString("hex")}@test.newsroom.invalid`;

export async function makeUser(overrides: { role?: Role; password?: string; email?: string } = {}) {
  const password = overrides.password ?? `pw-${randomBytes(8).toString("hex")}`;
  const user = await createUser({
    actor: SYSTEM_ACTOR,
    data: { email: overrides.email ?? uniqueEmail(), name: "Test Person", role: overrides.role ?? "CONTRIBUTOR", password },
  });
  return { ...user, password };
}
