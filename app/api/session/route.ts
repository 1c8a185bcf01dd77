// POST /api/session — sign in with email and password (the login form posts here)
import { AuthError } from "next-auth";
import { z } from "zod";
import { InactiveAccountError, signIn, ThrottledSignin } from "@/lib/auth/auth";
import { safeNextPath } from "@/lib/auth/redirect";
import { INACTIVE_ACCOUNT_MESSAGE, INVALID_CREDENTIALS_MESSAGE } from "@/lib/auth/sessions";
import { crossSiteReason } from "@/lib/http/request";
import { ZCredentials } from "@/lib/auth/credentials";

export const dynamic = "force-dynamic";

const ZBody = z.object({ email: z.unknown(), password: z.unknown(), next: z.unknown().optional() });

const refuse = (status: number, error: string, headers: Record<string, string> = {}) =>
  Response.json({ error }, { status, headers: { "Cache-Control": "no-store", ...headers } });

/**
 * 200 `{ redirectTo }` with the session cookie; 400 for a malformed form, 401 for a
 * wrong email or password (alike), 403 for a deactivated account or another
 * site's page (or this site's opened at another address than SITE_URL: the message says which), 429 with Retry-After while the email or the client is throttled.
 */
export async function POST(request: Request) {
  const crossSite = crossSiteReason(request);
  if (crossSite) return refuse(403, crossSite);
  const body = ZBody.safeParse(await request.json().catch(() => null));
  const credentials = ZCredentials.safeParse(body.success ? { email: body.data.email, password: body.data.password } : {});
  if (!body.success || !credentials.success) return refuse(400, "Enter your email address and password.");
  try {
    await signIn("credentials", { ...credentials.data, redirect: false });
  } catch (err) {
    if (err instanceof ThrottledSignin) return refuse(429, err.reason, { "Retry-After": String(err.retryAfterSeconds) });
    if (err instanceof InactiveAccountError) return refuse(403, INACTIVE_ACCOUNT_MESSAGE);
    if (err instanceof AuthError && err.type === "CredentialsSignin") return refuse(401, INVALID_CREDENTIALS_MESSAGE);
    console.error("Sign-in failed:", err);
    return refuse(500, "Signing in failed on our side. Please try again in a moment.");
  }
  return Response.json({ redirectTo: safeNextPath(body.data.next) }, { headers: { "Cache-Control": "no-store" } });
}
