import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import type { Role } from "@/lib/db/generated/enums";
import { AppError, fromDatabaseOutage } from "@/lib/errors";
import { hasRole, type TActor } from "./actor";
import { auth } from "./auth";
import { withSessionLookup } from "./session-lookup";

export type TUserActor = Extract<TActor, { kind: "user" }>;

/**
 * The signed-in, active user of this request, or null. One lookup per request.
 * If the lookup itself failed (the database is down), that error is thrown —
 * UNAVAILABLE for an outage — rather than answering "signed out".
 */
export const getCurrentUser = cache(async (): Promise<TUserActor | null> => {
  const { value: session, failure } = await withSessionLookup(() => auth());
  if (failure) throw fromDatabaseOutage(failure);
  if (!session?.user?.id) return null;
  const { id, name, email, role } = session.user;
  return { kind: "user", id, name, email, role };
});

/** The id of the Session row behind this request's cookie, or null. */
export async function getCurrentSessionId(): Promise<string | null> {
  return (await auth())?.sessionId ?? null;
}

/** For pages: the signed-in user, or a redirect to /login that comes back here. */
export async function requireUser(returnTo: string): Promise<TUserActor> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For actions and domain entry points: the user if they hold the role, else an AppError. */
export async function requireRole(role: Role): Promise<TUserActor> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again; your work on this page is kept.");
  if (!hasRole(user, role)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
  return user;
}
