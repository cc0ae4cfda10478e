import "server-only";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Role } from "@/db/schema";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isDomainError, type DomainError } from "@/lib/errors";
import { signInWithPassword } from "./accounts";
import { logAuthError } from "./auth-log";
import { safeCallbackPath } from "./callback-url";
import { requestClientAddress } from "@/lib/security/client-address";
import { checkSessionToken } from "./session-policy";
import { endSession, startSession } from "./sessions";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
    /** The user_sessions row this cookie names; currentUser() checks it is still open. */
    sessionId?: string;
  }
  interface User {
    role?: Role;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: Role;
    /** Epoch ms after which this sign-in is over, whatever the cookie says. */
    endsAt?: number;
    /** The user_sessions row of this sign-in. */
    sid?: string;
  }
}

/**
 * A sign-in refused by the limits (lib/auth/sign-in-limits.ts). Thrown from `authorize`, it
 * reaches the sign-in form's action as it is; `code` is what Auth.js puts in the URL when
 * the sign-in came by its own route instead.
 */
export class SignInLimited extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly refusal: DomainError) {
    super(refusal.message);
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an answer, not a server error; the sign-in form says so.
    error: (error) => logAuthError(error),
  },
  providers: [
    Credentials({
      credentials: { identifier: { label: "Email or phone" }, password: { label: "Password", type: "password" } },
      // Also reached by a POST straight to /api/auth/callback/credentials, so the limits
      // live here rather than in the sign-in form's action.
      async authorize(credentials, request) {
        let user;
        try {
          user = await signInWithPassword(
            db(),
            { identifier: String(credentials?.identifier ?? ""), password: String(credentials?.password ?? "") },
            requestClientAddress(request.headers),
          );
        } catch (error) {
          if (isDomainError(error) && error.code === "LOCKED_OUT") throw new SignInLimited(error);
          throw error;
        }
        if (!user) return null;
        return { id: String(user.id), name: user.name, email: user.email, role: user.role };
      },
    }),
  ],
  callbacks: {
    // The sign-in form's action already keeps only a path; this also covers a POST straight
    // to /api/auth/callback/credentials with a hostile callbackUrl.
    redirect({ url, baseUrl }) {
      const origin = new URL(baseUrl).origin;
      let target: URL;
      try {
        target = new URL(url, baseUrl);
      } catch {
        return origin;
      }
      if (target.origin !== origin) return origin;
      return `${origin}${safeCallbackPath(`${target.pathname}${target.search}`)}`;
    },
    jwt({ token, user }) {
      const now = Date.now();
      // Null ends the session: courier and admin sign-ins do not outlive a shift.
      const checked = checkSessionToken(token, user?.role, now);
      // A new sign-in gets its row; the cookie only names it (lib/auth/sessions.ts).
      if (checked && user?.role && user.id) checked.sid = startSession(db(), Number(user.id), user.role, now);
      return checked;
    },
    session({ session, token }) {
      session.user.id = token.sub!;
      session.user.role = token.role!;
      session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // Both ways out (our sign-out page's action and a POST to /api/auth/signout) come here.
    signOut(message) {
      if ("token" in message && message.token) endSession(db(), message.token.sid, Date.now());
    },
  },
});
