import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { parcels } from "@/db/schema";
import { requireRole } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { storedPickupCode } from "@/lib/pickup-codes/stored";
import { toParcelView, type ParcelView } from "@/lib/parcels/view";

export type CustomerParcel = ParcelView & {
  /** The code to enter at the kiosk, only while the parcel waits in its door. */
  pickupCode: string | null;
  /** Waiting, but its code cannot be read with this server's keys: an admin must send a new one. */
  pickupCodeLost: boolean;
};

/** How much of a customer's history "My parcels" shows: the newest this many, by when each ended. */
export const MY_HISTORY_LIMIT = 50;

/**
 * The parcels addressed to the customer's verified phone: every live one (waiting, soonest
 * deadline first, then expired), then the newest MY_HISTORY_LIMIT of the history (collected
 * or returned, latest ended first). Customers only; an unverified phone sees none.
 */
export function listMyParcels(ctx: Ctx): CustomerParcel[] {
  const customer = requireRole(ctx, "customer");
  if (!customer.verifiedPhone) return [];
  const phone = customer.verifiedPhone;
  // Live parcels are bounded by the doors they occupy; none is ever cut off by history.
  const live = ctx.db
    .select()
    .from(parcels)
    .where(and(eq(parcels.recipientPhone, phone), inArray(parcels.state, ["deposited", "expired"])))
    .orderBy(sql`${parcels.state} = 'expired'`, asc(parcels.expiresAt), asc(parcels.id))
    .all();
  const history = ctx.db
    .select()
    .from(parcels)
    .where(and(eq(parcels.recipientPhone, phone), inArray(parcels.state, ["collected", "returned"])))
    .orderBy(desc(parcels.closedAt), desc(parcels.id))
    .limit(MY_HISTORY_LIMIT)
    .all();
  return [...live, ...history].map((p) => {
    const pickupCode = p.state === "deposited" ? storedPickupCode(ctx.keys, p) : null;
    return { ...toParcelView(ctx, p), pickupCode, pickupCodeLost: p.state === "deposited" && pickupCode === null };
  });
}
