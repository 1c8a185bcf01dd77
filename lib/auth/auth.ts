import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Role } from "@/lib/db/generated/enums";
import { isAppError } from "@/lib/errors";
import { actorForSession, authenticate, revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: Role };
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
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        try {
          const { sessionId, user } = await authenticate(credentials, { userAgent: request.headers.get("user-agent") });
          return { id: user.id, name: user.name, email: user.email, role: user.role, sessionId };
        } catch (err) {
          if (isAppError(err) && err.code === "FORBIDDEN") throw new InactiveAccountError();
          if (isAppError(err)) return null;
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.sessionId) {
        token.sid = user.sessionId;
        return token;
      }
      const actor = await actorForSession(typeof token.sid === "string" ? token.sid : null);
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
      return session;
    },
  },
  events: {
    async signOut(message) {
      if ("token" in message && message.token) await revokeSession(typeof message.token.sid === "string" ? message.token.sid : null);
    },
  },
});
