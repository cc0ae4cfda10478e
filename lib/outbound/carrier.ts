import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { outboundParcels } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { courierServesSite, requireCourier, type CourierActor } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { recordDoorEvent } from "@/lib/doors/events";
import { loadDoor, recordOutboundOpenCommand, sendOpen } from "@/lib/doors/open";
import { DomainError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { AttachWaybillInput, OutboundRef, WaitingQuery } from "./schemas";
import { TAKE_WITHIN_MS } from "./sweep";
import { moveOutbound, recordOutboundEvent, type OutboundRow } from "./transition";
import { OUTBOUND_VIEW_COLUMNS, OUTBOUND_VIEW_FROM, toOutboundView, withLabel, type OutboundView, type ViewRow } from "./view";

/*
 * The carrier's side: its systems poll the outbound parcels waiting for it and attach their
 * waybill; its couriers open the doors of the dropped-off ones and take them. A courier sees
 * their carrier's outbound parcels at the sites they work, like every other parcel of theirs;
 * another carrier's is NOT_FOUND, as if it did not exist.
 */

export type WaitingOutbound = OutboundView & { overdue: boolean };

/**
 * The carrier's open outbound parcels (created, door open, or in the locker) at the sites
 * the courier works, optionally one site's, oldest first. Couriers and carrier tokens.
 */
export function waitingOutbound(ctx: Ctx, raw: unknown = {}): WaitingOutbound[] {
  const courier = requireCourier(ctx);
  const { siteId } = parseInput(WaitingQuery, raw);
  const rows = ctx.db.all<ViewRow>(sql`
    select ${OUTBOUND_VIEW_COLUMNS} from ${OUTBOUND_VIEW_FROM}
    where o.carrier_id = ${courier.carrierId} and o.state in ('created', 'dropping_off', 'dropped_off')
      and o.site_id in (select site_id from courier_sites where user_id = ${courier.userId})
      ${siteId === undefined ? sql`` : sql`and o.site_id = ${siteId}`}
    order by o.state = 'dropped_off' desc, coalesce(o.dropped_off_at, o.created_at), o.id
    limit 500`);
  const now = ctx.now();
  return rows.map((row) => ({ ...withLabel(row), overdue: row.state === "dropped_off" && row.droppedOffAt! <= now - TAKE_WITHIN_MS }));
}

function loadCarriers(ctx: Ctx, courier: CourierActor, id: number): OutboundRow {
  const row = ctx.db
    .select()
    .from(outboundParcels)
    .where(and(eq(outboundParcels.id, id), eq(outboundParcels.carrierId, courier.carrierId)))
    .get();
  if (!row || !courierServesSite(ctx, courier.userId, row.siteId)) throw new DomainError("NOT_FOUND", "outboundNotFound");
  return row;
}

/**
 * The carrier attaches its waybill number (the digital waybill) and, if it gives one, its
 * quoted price: the sender then sees both and the carrier's tracking link. Couriers and
 * carrier tokens of the parcel's carrier; raises NOT_FOUND, INVALID, INVALID_TRANSITION
 * (cancelled or expired) and CONFLICT (another waybill already attached, or this number is
 * already on another of the carrier's parcels). Attaching the same number again returns the
 * first answer.
 */
export function attachWaybill(ctx: Ctx, raw: unknown): { shipment: OutboundView; replayed: boolean } {
  const courier = requireCourier(ctx);
  const input = parseInput(AttachWaybillInput, raw);
  return writeTransaction(ctx.db, () => {
    const row = loadCarriers(ctx, courier, input.outboundParcelId);
    if (row.waybillNumber === input.waybillNumber) return { shipment: toOutboundView(ctx, row), replayed: true };
    if (row.waybillNumber) throw new DomainError("CONFLICT", "waybillAlreadyAttached", { params: { waybill: row.waybillNumber } });
    if (row.state === "cancelled" || row.state === "expired") {
      throw new DomainError("INVALID_TRANSITION", "waybillRefusedClosed", { params: { state: row.state } });
    }
    const clash = ctx.db
      .select({ id: outboundParcels.id })
      .from(outboundParcels)
      .where(and(eq(outboundParcels.carrierId, courier.carrierId), eq(outboundParcels.waybillNumber, input.waybillNumber)))
      .get();
    if (clash) throw new DomainError("CONFLICT", "waybillTaken", { params: { waybill: input.waybillNumber } });
    ctx.db
      .update(outboundParcels)
      .set({ waybillNumber: input.waybillNumber, quotedPriceCents: input.quotedPriceCents ?? null, updatedAt: ctx.now() })
      .where(eq(outboundParcels.id, row.id))
      .run();
    recordOutboundEvent(ctx, {
      outboundParcelId: row.id,
      siteId: row.siteId,
      slotId: row.slotId,
      kind: "waybill_attached",
      detail: { waybillNumber: input.waybillNumber, quotedPriceCents: input.quotedPriceCents ?? null },
    });
    return { shipment: toOutboundView(ctx, row), replayed: false };
  });
}

/**
 * One tap: the door of a dropped-off parcel opens for its carrier's courier (the door's
 * history records who and for which parcel). Nothing else changes until the courier says
 * they have it (confirmOutboundTaken). Couriers of the carrier at the site; raises NOT_FOUND
 * and INVALID_TRANSITION (not in the locker).
 */
export async function openOutboundDoor(ctx: Ctx, raw: unknown): Promise<{ shipment: OutboundView; doorOpened: boolean }> {
  const courier = requireCourier(ctx);
  const { outboundParcelId } = parseInput(OutboundRef, raw);
  const { row, door } = writeTransaction(ctx.db, () => {
    const row = loadCarriers(ctx, courier, outboundParcelId);
    if (row.state !== "dropped_off") throw new DomainError("INVALID_TRANSITION", "outboundNotInLocker");
    return { row, door: recordOutboundOpenCommand(ctx, loadDoor(ctx, row.slotId!), row.id, "outbound_pickup") };
  });
  return { shipment: toOutboundView(ctx, row), doorOpened: await sendOpen(ctx, door) };
}

/**
 * The courier has the parcel: it is handed to the carrier and its door is free. Couriers
 * and carrier tokens of the parcel's carrier at its site; taking it again returns the first
 * answer. Raises NOT_FOUND and INVALID_TRANSITION (not in the locker).
 */
export function confirmOutboundTaken(ctx: Ctx, raw: unknown): { shipment: OutboundView; replayed: boolean } {
  const courier = requireCourier(ctx);
  const { outboundParcelId } = parseInput(OutboundRef, raw);
  return writeTransaction(ctx.db, () => {
    const row = loadCarriers(ctx, courier, outboundParcelId);
    if (row.state === "taken") return { shipment: toOutboundView(ctx, row), replayed: true };
    if (row.state !== "dropped_off") throw new DomainError("INVALID_TRANSITION", "outboundNotInLockerToTake");
    recordDoorEvent(ctx, { slotId: row.slotId!, siteId: row.siteId, parcelId: null, outboundParcelId: row.id, kind: "closed" });
    const now = ctx.now();
    const taken = moveOutbound(ctx, row, "taken", { takenAt: now, takenByUserId: courier.userId, closedAt: now }, { by: courier.userId });
    return { shipment: toOutboundView(ctx, taken), replayed: false };
  });
}
