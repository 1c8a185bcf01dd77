import "server-only";
import { cookies } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { config } from "@/lib/config/config";
import type { Role } from "@/lib/db/generated/enums";
import { isAppError, RateLimitedError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/request";
import { siteUrl } from "@/lib/site";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_SECONDS, deviceFromCookieHeader, SECURE_DEVICE_COOKIE, signDevice } from "./device";
import { safeAuthRedirect } from "./redirect";
import { actorForSession, authenticate, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { noteSessionLookupFailure } from "./session-lookup";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: Role };
    /** The Session row behind the cookie (server side: "end my other sessions"). */
    sessionId?: string;
  }
  interface User {
    sessionId?: string;
    role?: Role;
  }
}

/** A correct password for a deactivated account: the form says so, plainly. */
export class InactiveAccountError extends CredentialsSignin {
  code = "account_inactive";
}

/** Too many failed sign-ins for this email or from this address: refused, the right password too, until the wait ends. */
export class ThrottledSignin extends CredentialsSignin {
  code = "rate_limited";
  readonly retryAfterSeconds: number;
  readonly reason: string;

  constructor(reason: string, retryAfterSeconds: number) {
    super(reason);
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * next-auth with email + password. The cookie holds a signed, encrypted JWT
 * that carries only the id of a Session row; every read of the session checks
 * that row and its user, so sign-out and deactivation take effect at once.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  logger: {
    // A failed sign-in is the user's mistake, not a server fault: keep it out of the error log.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // HttpOnly and SameSite=Lax always (next-auth's defaults); Secure whenever the site is served
  // over HTTPS (SITE_URL or the proxy's X-Forwarded-Proto), i.e. everywhere but a local http://.
  useSecureCookies: siteUrl().startsWith("https://") || undefined,
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        try {
          const device = deviceFromCookieHeader(request.headers.get("cookie"), config("AUTH_SECRET"));
          const { sessionId, user, deviceId } = await authenticate(credentials, {
            userAgent: request.headers.get("user-agent"),
            clientAddress: clientAddress(request.headers),
            device,
          });
          await rememberDevice(user.id, deviceId, new URL(request.url).protocol === "https:");
          return { id: user.id, name: user.name, email: user.email, role: user.role, sessionId };
        } catch (err) {
          if (err instanceof RateLimitedError) throw new ThrottledSignin(err.message, err.retryAfterSeconds);
          if (isAppError(err) && err.code === "FORBIDDEN") throw new InactiveAccountError();
          if (isAppError(err)) return null;
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    // Every callbackUrl next-auth reads (query, form field, cookie) goes through the same check as ?next=.
    redirect({ url, baseUrl }) {
      return safeAuthRedirect(url, baseUrl);
    },
    async jwt({ token, user }) {
      if (user?.sessionId) {
        token.sid = user.sessionId;
        return token;
      }
      const actor = await actorForSession(typeof token.sid === "string" ? token.sid : null).catch((err: unknown) => {
        noteSessionLookupFailure(err); // "could not look it up" is not "signed out": see session-lookup.ts
        throw err;
      });
      if (!actor) return null; // session ended: the cookie no longer signs anyone in
      token.sub = actor.id;
      token.name = actor.name;
      token.email = actor.email;
      token.role = actor.role;
      return token;
    },
    async session({ session, token }) {
      session.user = {
        ...session.user,
        id: String(token.sub),
        name: String(token.name ?? ""),
        email: String(token.email ?? ""),
        role: token.role as Role,
      };
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      if ("token" in message && message.token) await revokeSession(typeof message.token.sid === "string" ? message.token.sid : null);
    },
  },
});

/** Leave (or renew) the signed device cookie in this browser after a successful sign-in (see lib/auth/device.ts). */
async function rememberDevice(userId: string, deviceId: string, overHttps: boolean) {
  const secret = config("AUTH_SECRET");
  if (!secret) return;
  const secure = overHttps || siteUrl().startsWith("https://");
  (await cookies()).set(secure ? SECURE_DEVICE_COOKIE : DEVICE_COOKIE, signDevice({ userId, deviceId }, secret), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}
