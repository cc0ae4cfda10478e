import "server-only";
import { now as clockNow } from "@/lib/clock";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/db/schema";
import type { AnonymousActor, Ctx, UserActor } from "@/lib/context";
import { db } from "@/lib/db";
import { doorController } from "@/lib/doors";
import { env } from "@/lib/env";
import { keysFromHex } from "@/lib/pickup-codes/code";
import { loadUserActor, signUpCustomer, type SessionUser } from "./accounts";
import { auth } from "./next-auth";
import { sessionIsOpen } from "./sessions";
import { ROLE_HOME } from "./session-policy";

export type CurrentUser = UserActor & { name: string };

/**
 * The signed-in, still active user of this request, or null. Read once per request. A
 * cookie whose session row was ended (signed out, password changed, deactivated), has
 * expired or never had one counts as nobody: the cookie alone proves nothing.
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  if (!sessionIsOpen(db(), session?.sessionId, id, Date.now())) return null;
  const actor = loadUserActor(db(), id);
  return actor ? { ...actor, sessionId: session!.sessionId } : null;
});

let keys: ReturnType<typeof keysFromHex> | undefined;
function pickupCodeKeys() {
  keys ??= keysFromHex(env().PICKUP_CODE_HMAC_KEY, env().PICKUP_CODE_ENCRYPTION_KEY);
  return keys;
}

/** The context for a domain call made on behalf of this request's user (or nobody). */
export async function requestContext(): Promise<Ctx<UserActor | AnonymousActor>> {
  const user = await currentUser();
  return serviceContext(user ?? { kind: "anonymous" });
}

export function serviceContext<A extends Ctx["actor"]>(actor: A): Ctx<A> {
  return { db: db(), actor, now: clockNow, doors: doorController(), keys: pickupCodeKeys() };
}

/**
 * The sign-up form's account creation: signUpCustomer (lib/auth/accounts.ts, which says
 * what it raises) on the app's database, counted against the client's `address`.
 */
export function signUpFromRequest(raw: unknown, address: string): Promise<SessionUser> {
  return signUpCustomer(db(), raw, { address });
}

/**
 * For pages: the signed-in user if their role is allowed here. Nobody signed in goes to
 * sign in; a user of another role goes to their own home. Data is still authorized by
 * the verbs the page calls — this only picks the right screen.
 */
export async function requirePageUser(...roles: Role[]): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  if (!roles.includes(user.role)) redirect(ROLE_HOME[user.role]);
  return user;
}
