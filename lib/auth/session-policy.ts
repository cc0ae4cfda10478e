import type { Role } from "@/db/schema";

const HOUR = 3_600_000;

/**
 * How long a sign-in lasts. Couriers and admins work shifts on shared devices and can
 * open doors, so theirs end within 12 hours; a customer stays signed in for 30 days.
 */
export function sessionLifetimeMs(role: Role): number {
  return role === "customer" ? 30 * 24 * HOUR : 12 * HOUR;
}

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<Role, string> = {
  customer: "/parcels",
  courier: "/courier",
  admin: "/admin",
};

/** Cookie names Auth.js uses for its session, over http and https. */
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

type SessionToken = { role?: Role; endsAt?: number };

/**
 * Auth.js's jwt step: stamp a new sign-in with its end, and end any session past it.
 * Null means "signed out".
 */
export function checkSessionToken<T extends SessionToken>(token: T, signedInAs: Role | undefined, now: number): T | null {
  if (signedInAs) {
    token.role = signedInAs;
    token.endsAt = now + sessionLifetimeMs(signedInAs);
  }
  if (!token.endsAt || now > token.endsAt) return null;
  return token;
}
