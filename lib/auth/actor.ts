import type { Role } from "@/lib/db/generated/enums";

/** Who is doing something: a signed-in user, or the operator at the command line. */
export type TActor = { kind: "user"; id: string; role: Role; name: string; email: string } | { kind: "system" };

/** The operator running a command such as `npm run user:create` with direct database access. */
export const SYSTEM_ACTOR: TActor = { kind: "system" };

const RANK: Record<Role, number> = { CONTRIBUTOR: 1, EDITOR: 2, ADMIN: 3 };

/** True when the actor has at least this role (the system actor has every role). */
export function hasRole(actor: TActor | null | undefined, role: Role): boolean {
  if (!actor) return false;
  if (actor.kind === "system") return true;
  return RANK[actor.role] >= RANK[role];
}
