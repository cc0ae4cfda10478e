import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { parcels, sites } from "@/db/schema";
import { requireCourier } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { z } from "zod";
import { maySeeParcel } from "./access";
import { TrackingNumber } from "./schemas";
import { parcelTimeline, type ParcelTimeline } from "./timeline";

/**
 * The newest parcel of the courier's carrier with this tracking number, with its
 * timeline. Couriers (and carrier tokens) only, at the sites they serve; any other
 * carrier's parcel is NOT_FOUND.
 */
export function parcelByTracking(ctx: Ctx, raw: unknown): ParcelTimeline {
  const courier = requireCourier(ctx);
  const { trackingNumber } = parseInput(z.object({ trackingNumber: TrackingNumber }), raw);
  const rows = ctx.db
    .select({ parcel: parcels, organizationId: sites.organizationId })
    .from(parcels)
    .innerJoin(sites, eq(sites.id, parcels.siteId))
    .where(and(eq(parcels.carrierId, courier.carrierId), eq(parcels.trackingNumber, trackingNumber)))
    .orderBy(desc(parcels.createdAt), desc(parcels.id))
    .all();
  const visible = rows.find((row) => maySeeParcel(ctx, row.parcel, row.organizationId));
  if (!visible) throw notFound();
  return parcelTimeline(ctx, visible.parcel.id);
}
