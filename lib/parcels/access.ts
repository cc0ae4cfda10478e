import "server-only";
import { eq } from "drizzle-orm";
import { parcels, sites } from "@/db/schema";
import { courierServesSite } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";

export type ParcelRow = typeof parcels.$inferSelect;

/**
 * Whether the actor may see the parcel: a courier their carrier's parcels at the sites
 * they serve, an admin their organization's, a customer those addressed to their
 * verified phone, a kiosk its own site's.
 */
export function maySeeParcel(ctx: Ctx, parcel: ParcelRow, organizationId: number): boolean {
  const actor = ctx.actor;
  if (actor.kind === "system") return true;
  if (actor.kind === "anonymous") return false;
  if (actor.kind === "kiosk") return actor.siteId === parcel.siteId;
  switch (actor.role) {
    case "admin":
      return actor.organizationId === organizationId;
    case "courier":
      return actor.carrierId === parcel.carrierId && courierServesSite(ctx, actor.userId, parcel.siteId);
    case "customer":
      return actor.verifiedPhone !== null && actor.verifiedPhone === parcel.recipientPhone;
  }
}

/** Loads a parcel the actor may see, or NOT_FOUND as if it did not exist. */
export function loadVisibleParcel(ctx: Ctx, parcelId: number): ParcelRow {
  const row = ctx.db
    .select({ parcel: parcels, organizationId: sites.organizationId })
    .from(parcels)
    .innerJoin(sites, eq(sites.id, parcels.siteId))
    .where(eq(parcels.id, parcelId))
    .get();
  if (!row || !maySeeParcel(ctx, row.parcel, row.organizationId)) throw notFound();
  return row.parcel;
}
