"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { InactiveAccountError, signIn } from "@/lib/auth/auth";
import { safeNextPath } from "@/lib/auth/redirect";
import { INACTIVE_ACCOUNT_MESSAGE, INVALID_CREDENTIALS_MESSAGE } from "@/lib/auth/sessions";
import { ZCredentials } from "@/lib/users/schemas";

export type TLoginState = {
  error: string | null;
  fieldErrors?: { email?: string[]; password?: string[] };
  /** Echoed back so that a failed attempt never empties the email field. */
  email: string;
};

export async function loginAction(_previous: TLoginState, formData: FormData): Promise<TLoginState> {
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const parsed = ZCredentials.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    return { error: "Enter your email address and password.", fieldErrors: z.flattenError(parsed.error).fieldErrors, email };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeNextPath(formData.get("next")) });
  } catch (err) {
    if (err instanceof InactiveAccountError) return { error: INACTIVE_ACCOUNT_MESSAGE, email };
    if (err instanceof AuthError) {
      if (err.type === "CredentialsSignin") return { error: INVALID_CREDENTIALS_MESSAGE, email };
      console.error("Sign-in failed:", err);
      return { error: "Signing in failed on our side. Please try again in a moment.", email };
    }
    throw err; // the redirect to the newsroom travels as an error
  }
  return { error: null, email };
}
