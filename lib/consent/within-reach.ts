import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { reachNeeds } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { requireRole } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { phoneOf, phoneOfToken } from "./my-preferences";

/*
 * "Doors within reach" (issue 16): a recipient who cannot reach high or low doors asks that
 * their parcels go only into doors in the reach band (lib/slots/reach.ts). Kept by phone,
 * as couriers know recipients, beside the consent preferences and set from the same two
 * places: the account's locker preferences and a consent text's link.
 */

/** A checkbox: present ("on") means yes, absent means no. */
export const WithinReachInput = z.object({
  withinReach: z
    .enum(["on", "true", "false"])
    .optional()
    .transform((value) => value === "on" || value === "true"),
});
export type WithinReachInput = z.input<typeof WithinReachInput>;

function needsReach(ctx: Ctx, phone: string): boolean {
  return ctx.db.select({ phone: reachNeeds.phone }).from(reachNeeds).where(eq(reachNeeds.phone, phone)).get() !== undefined;
}

function store(ctx: Ctx, phone: string, withinReach: boolean, byUserId: number | null): void {
  writeTransaction(ctx.db, () => {
    if (!withinReach) {
      ctx.db.delete(reachNeeds).where(eq(reachNeeds.phone, phone)).run();
      return;
    }
    const values = { updatedAt: ctx.now(), updatedByUserId: byUserId };
    ctx.db.insert(reachNeeds).values({ phone, ...values }).onConflictDoUpdate({ target: reachNeeds.phone, set: values }).run();
  });
}

/** Whether the signed-in customer asked for doors within reach. Customers with a confirmed phone; raises FORBIDDEN. */
export function myWithinReach(ctx: Ctx): boolean {
  return needsReach(ctx, phoneOf(ctx));
}

/** Turns it on or off. Customers with a confirmed phone; raises INVALID, FORBIDDEN. */
export function setMyWithinReach(ctx: Ctx, raw: unknown): void {
  const phone = phoneOf(ctx);
  store(ctx, phone, parseInput(WithinReachInput, raw).withinReach, requireRole(ctx, "customer").userId);
}

/** The same for the phone a valid consent link was texted to; null when the link is not valid (any more). */
export function withinReachByToken(ctx: Ctx, token: string): boolean | null {
  const phone = phoneOfToken(ctx, token);
  return phone ? needsReach(ctx, phone) : null;
}

/** Sets it by the link. Raises INVALID (also a link not valid any more). */
export function setWithinReachByToken(ctx: Ctx, raw: unknown): void {
  const { token, withinReach } = parseInput(WithinReachInput.extend({ token: z.string().trim().max(80) }), raw);
  const phone = phoneOfToken(ctx, token);
  if (!phone) throw new DomainError("INVALID", "preferencesLinkInvalid");
  store(ctx, phone, withinReach, null);
}
