import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { preparedQuery } from "@/db/prepared";
import { parcels, sites, TRACKING_STATES_SQL } from "@/db/schema";
import { courierServesSite, type CourierActor } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError, notFound } from "@/lib/errors";

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
  const row = parcelWithOrganization(ctx.db).get({ parcelId });
  if (!row || !maySeeParcel(ctx, row.parcel, row.organizationId)) throw notFound();
  return row.parcel;
}


// The look-ups every deposit and collection makes, built once per connection.
const parcelWithOrganization = preparedQuery((db) =>
  db
    .select({ parcel: parcels, organizationId: sites.organizationId })
    .from(parcels)
    .innerJoin(sites, eq(sites.id, parcels.siteId))
    .where(eq(parcels.id, sql.placeholder("parcelId")))
    .prepare(),
);
const pendingByTracking = preparedQuery((db) =>
  db
    .select()
    .from(parcels)
    .where(
      and(
        eq(parcels.carrierId, sql.placeholder("carrierId")),
        eq(parcels.trackingNumber, sql.placeholder("trackingNumber")),
        // tracking_live_unique's own condition (literal states), so SQLite uses that index.
        sql`${parcels.state} in ${sql.raw(TRACKING_STATES_SQL)}`,
      ),
    )
    .prepare(),
);
const siteById = preparedQuery((db) => db.select().from(sites).where(eq(sites.id, sql.placeholder("siteId"))).prepare());

/** The carrier's parcel with this tracking number that is announced or in a locker, if any. */
export function findPendingParcel(ctx: Ctx, carrierId: number, trackingNumber: string): ParcelRow | undefined {
  return pendingByTracking(ctx.db).get({ carrierId, trackingNumber });
}

/**
 * The one refusal of a tracking number that is live already, whoever's parcel it is: the
 * courier's own carrier's elsewhere, or another carrier's. One code and one message, so
 * the answer never tells a courier that a number belongs to another carrier (issue 11).
 */
export function trackingNumberTaken(trackingNumber: string): DomainError {
  return new DomainError("CONFLICT", "trackingNumberLive", { params: { tracking: trackingNumber } });
}

/**
 * CONFLICT when another carrier has a live parcel under this tracking number. Invariant 4
 * is per carrier, but a number live for two carriers at once is far likelier a mis-scan
 * than a coincidence, and the wrong carrier's parcel must not go into a door under it.
 * The refusal reads as any other taken number (trackingNumberTaken).
 */
export function refuseAnotherCarriersNumber(ctx: Ctx, carrierId: number, trackingNumber: string): void {
  const taken = ctx.db.$client
    .prepare(`select 1 from parcels where tracking_number = ? and carrier_id <> ? and state in ${TRACKING_STATES_SQL}`)
    .get(trackingNumber, carrierId);
  if (taken) throw trackingNumberTaken(trackingNumber);
}

/**
 * The courier's site, or NOT_FOUND: a site they do not serve reads exactly as one that
 * does not exist (same code, same words), so a site id tells them nothing (issue 11).
 */
export function loadCourierSite(ctx: Ctx, courier: CourierActor, siteId: number) {
  const site = siteById(ctx.db).get({ siteId });
  if (!site || !courierServesSite(ctx, courier.userId, site.id)) throw new DomainError("NOT_FOUND", "siteNotFound");
  return site;
}
