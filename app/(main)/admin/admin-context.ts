import "server-only";
import { notFound } from "next/navigation";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import type { Ctx } from "@/lib/context";
import { isDomainError } from "@/lib/errors";

/*
 * The admin console's two edges. Pages: send anyone but an admin to their own home, then
 * hand the verbs a context (the verbs authorize again — this only picks the screen).
 * Actions go through runAction (lib/forms/action.ts) like every other form.
 */

export async function adminPageContext(): Promise<Ctx> {
  await requirePageUser("admin");
  return requestContext();
}

/** A read that may name something absent — or another organization's — renders 404. */
export function orNotFound<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/**
 * How the console's forms call runAction: everything typed is put back after a refusal
 * except passwords (a site's or carrier's code is not a secret here).
 */
export const ADMIN_FORM = { secret: ["password"] } as const;
