import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { parcels } from "@/db/schema";
import { requireRole } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { decryptPickupCode } from "@/lib/pickup-codes/code";
import { toParcelView, type ParcelView } from "./view";

export type CustomerParcel = ParcelView & {
  /** The code to enter at the kiosk, only while the parcel waits in its door. */
  pickupCode: string | null;
};

/**
 * The parcels addressed to the customer's verified phone, waiting ones first, then the
 * latest 50 of the history. Customers only; an unverified phone sees none.
 */
export function listMyParcels(ctx: Ctx): CustomerParcel[] {
  const customer = requireRole(ctx, "customer");
  if (!customer.verifiedPhone) return [];
  const rows = ctx.db
    .select()
    .from(parcels)
    .where(
      and(
        eq(parcels.recipientPhone, customer.verifiedPhone),
        inArray(parcels.state, ["deposited", "expired", "collected", "returned"]),
      ),
    )
    .orderBy(desc(parcels.createdAt))
    .limit(100)
    .all();
  const order = (p: (typeof rows)[number]) => (p.state === "deposited" ? 0 : p.state === "expired" ? 1 : 2);
  return rows
    .sort((a, b) => order(a) - order(b) || (a.expiresAt ?? 0) - (b.expiresAt ?? 0))
    .slice(0, 60)
    .map((p) => ({
      ...toParcelView(ctx, p),
      pickupCode: p.state === "deposited" && p.pickupCodeCipher ? decryptPickupCode(ctx.keys, p.pickupCodeCipher) : null,
    }));
}
