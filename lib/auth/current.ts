import "server-only";
import { redirect } from "next/navigation";
import { appContext } from "@/lib/app-context";
import { cache } from "react";
import type { Role } from "@/db/schema";
import type { AnonymousActor, Ctx, UserActor } from "@/lib/context";
import { db } from "@/lib/db";
import { loadUserActor } from "./accounts";
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

/** The context for a domain call made on behalf of this request's user (or nobody). */
export async function requestContext(): Promise<Ctx<UserActor | AnonymousActor>> {
  const user = await currentUser();
  return appContext(user ?? { kind: "anonymous" });
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
