import "server-only";
import { z } from "zod";
import type { SlotSize } from "@/db/schema";
import { requireCourier } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { Id, parseInput } from "@/lib/validation";
import { findPendingParcel, loadCourierSite } from "./access";
import { TrackingNumber } from "./schemas";

export const AnnouncedLookupInput = z.object({ siteId: Id, trackingNumber: TrackingNumber });
export type AnnouncedLookupInput = z.input<typeof AnnouncedLookupInput>;

/** What the carrier said about a parcel before it came: the deposit form shows it to confirm. */
export type AnnouncedParcel = {
  trackingNumber: string;
  size: SlotSize;
  recipientPhone: string;
  recipientName: string | null;
  recipientEmail: string | null;
};

/**
 * The announcement of a scanned tracking number at this site, so the courier confirms
 * rather than types. Couriers only, at a site they serve; only their own carrier's
 * announcement at this very site counts (anything else is null, as if never announced:
 * reserveParcel still decides, and refuses a number live elsewhere). Raises INVALID,
 * FORBIDDEN and NOT_FOUND (a site they do not serve).
 */
export function findAnnouncedParcel(ctx: Ctx, raw: unknown): AnnouncedParcel | null {
  const courier = requireCourier(ctx);
  const input = parseInput(AnnouncedLookupInput, raw);
  const site = loadCourierSite(ctx, courier, input.siteId);
  const parcel = findPendingParcel(ctx, courier.carrierId, input.trackingNumber);
  if (!parcel || parcel.state !== "announced" || parcel.siteId !== site.id) return null;
  return {
    trackingNumber: parcel.trackingNumber,
    size: parcel.size,
    recipientPhone: parcel.recipientPhone,
    recipientName: parcel.recipientName,
    recipientEmail: parcel.recipientEmail,
  };
}
