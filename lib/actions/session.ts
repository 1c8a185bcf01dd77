"use server";

import { signOut } from "@/lib/auth/auth";

/** Ends this browser's session (the Session row is revoked in the signOut event). */
export async function signOutAction() {
  await signOut({ redirectTo: "/login?signedOut=1" });
}
