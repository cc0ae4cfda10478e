import "server-only";
import { parcels } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { requireCourier } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { SIZE_RANK } from "@/lib/slots/sizes";
import { parseInput } from "@/lib/validation";
import { findPendingParcel, loadCourierSite, refuseAnotherCarriersNumber, trackingNumberTaken } from "./access";
import { recordParcelEvent } from "./events";
import { AnnounceInput } from "./schemas";
import { toParcelView, type ParcelView } from "./view";

/**
 * Pre-advice: the carrier tells the site a parcel is coming, before any door is held.
 * Couriers of the carrier at a site they serve. Announcing again returns the first
 * parcel. Raises INVALID, NOT_FOUND (also a site they do not serve), FORBIDDEN and CONFLICT (already announced or in a
 * locker, or live for another carrier — reserve would refuse it later).
 */
export function announceParcel(ctx: Ctx, raw: unknown): { parcel: ParcelView; replayed: boolean } {
  const courier = requireCourier(ctx);
  const input = parseInput(AnnounceInput, raw);
  const outcome = writeTransaction(ctx.db, () => {
    const site = loadCourierSite(ctx, courier, input.siteId);
    const existing = findPendingParcel(ctx, courier.carrierId, input.trackingNumber);
    if (existing) {
      if (existing.state === "announced" && existing.siteId === site.id) return { parcel: existing, replayed: true };
      throw trackingNumberTaken(input.trackingNumber);
    }
    refuseAnotherCarriersNumber(ctx, courier.carrierId, input.trackingNumber);
    const now = ctx.now();
    const parcel = ctx.db
      .insert(parcels)
      .values({
        carrierId: courier.carrierId,
        trackingNumber: input.trackingNumber,
        siteId: site.id,
        state: "announced",
        size: input.size,
        sizeRank: SIZE_RANK[input.size],
        recipientPhone: input.recipientPhone,
        recipientName: input.recipientName ?? null,
        recipientEmail: input.recipientEmail ?? null,
        courierId: courier.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    recordParcelEvent(ctx, { parcelId: parcel.id, siteId: site.id, slotId: null, kind: "announced", to: "announced" });
    return { parcel, replayed: false };
  });
  return { parcel: toParcelView(ctx, outcome.parcel), replayed: outcome.replayed };
}
