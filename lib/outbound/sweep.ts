import "server-only";
import { and, eq, lte, ne, sql } from "drizzle-orm";
import { outboundParcels } from "@/db/schema";
import { equalsLiteral } from "@/db/literal";
import { writeTransaction } from "@/db/transaction";
import type { Ctx } from "@/lib/context";
import { moveOutbound, recordOutboundEvent } from "./transition";

// Literal states, so these reads use their partial indexes (outbound_dropping_off_until,
// outbound_created_code_expires, outbound_dropped_off_unalerted).
const DROPPING_OFF = equalsLiteral(outboundParcels.state, "dropping_off");

/** How long a dropped-off parcel may wait for its carrier before the admins are alerted. */
export const TAKE_WITHIN_MS = 24 * 3_600_000;

/**
 * Open doors nobody closed within their window go back: the shipment is "created" again
 * (its code still works) and the door is free. Call inside a write transaction; `exceptId`
 * is the shipment the kiosk is serving right now.
 */
export function lapseDropOffs(ctx: Ctx, siteId?: number, exceptId?: number): number {
  const now = ctx.now();
  const rows = ctx.db
    .select()
    .from(outboundParcels)
    .where(
      and(
        DROPPING_OFF,
        lte(outboundParcels.doorOpenUntil, now),
        siteId === undefined ? undefined : eq(outboundParcels.siteId, siteId),
        exceptId === undefined ? undefined : ne(outboundParcels.id, exceptId),
      ),
    )
    .all();
  for (const row of rows) moveOutbound(ctx, row, "created", { slotId: null, doorOpenUntil: null, upsized: false }, { reason: "door window lapsed" });
  return rows.length;
}

/** Codes past their time open nothing any more: the shipment is expired. */
export function expireDropOffCodes(ctx: Ctx): number {
  const now = ctx.now();
  const rows = ctx.db
    .select()
    .from(outboundParcels)
    .where(and(equalsLiteral(outboundParcels.state, "created"), lte(outboundParcels.codeExpiresAt, now)))
    .all();
  for (const row of rows) moveOutbound(ctx, row, "expired", { closedAt: now, dropOffCodeCipher: null }, { reason: "drop-off code expired" });
  return rows.length;
}

/**
 * Parcels waiting for their carrier longer than TAKE_WITHIN_MS are marked for the admins'
 * dashboard, once each, with an event on their timeline.
 */
export function flagOverdueOutbound(ctx: Ctx): number {
  const now = ctx.now();
  const rows = ctx.db
    .select()
    .from(outboundParcels)
    .where(and(equalsLiteral(outboundParcels.state, "dropped_off"), sql`${outboundParcels.overdueAlertedAt} is null`, lte(outboundParcels.droppedOffAt, now - TAKE_WITHIN_MS)))
    .all();
  for (const row of rows) {
    ctx.db.update(outboundParcels).set({ overdueAlertedAt: now, updatedAt: now }).where(eq(outboundParcels.id, row.id)).run();
    recordOutboundEvent(ctx, { outboundParcelId: row.id, siteId: row.siteId, slotId: row.slotId, kind: "overdue_alert", detail: { waitingMs: now - row.droppedOffAt! } });
  }
  return rows.length;
}

/** The background round's outbound part: one transaction. */
export function runOutboundSweep(ctx: Ctx) {
  return writeTransaction(ctx.db, () => ({
    lapsed: lapseDropOffs(ctx),
    expired: expireDropOffCodes(ctx),
    overdue: flagOverdueOutbound(ctx),
  }));
}
