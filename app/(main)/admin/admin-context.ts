import "server-only";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import type { Ctx } from "@/lib/context";

/*
 * The admin console's two edges. Pages: send anyone but an admin to their own home, then
 * hand the verbs a context (the verbs authorize again — this only picks the screen).
 * Actions go through runAction (lib/forms/action.ts) like every other form.
 */

export async function adminPageContext(): Promise<Ctx> {
  await requirePageUser("admin");
  return requestContext();
}

/**
 * How the console's forms call runAction: everything typed is put back after a refusal
 * except passwords (a site's or carrier's code is not a secret here).
 */
export const ADMIN_FORM = { secret: ["password"] } as const;
