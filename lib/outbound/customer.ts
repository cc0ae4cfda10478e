import "server-only";
import { eq, sql } from "drizzle-orm";
import { outboundParcels, OUTBOUND_CODE_STATES } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { requireRole } from "@/lib/auth/authorize";
import type { Ctx, UserActor } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { readPickupCode } from "@/lib/pickup-codes/code";
import { parseInput } from "@/lib/validation";
import { issueDropOffQrToken } from "./codes";
import { dropOffQrDataUrl } from "./qr";
import { OutboundRef } from "./schemas";
import { moveOutbound, type OutboundRow } from "./transition";
import { OUTBOUND_VIEW_COLUMNS, OUTBOUND_VIEW_FROM, toOutboundView, withLabel, type OutboundView, type ViewRow } from "./view";

/** A customer's own shipment: one they started, or a return set up for their verified phone. */
export type CustomerShipment = OutboundView & {
  /** The drop-off code and its QR token while they still open a door; null after. */
  dropOff: { code: string; qrToken: string } | null;
  siteCode: string;
};

function mine(customer: UserActor) {
  return customer.verifiedPhone
    ? sql`(o.sender_user_id = ${customer.userId} or o.sender_phone = ${customer.verifiedPhone})`
    : sql`o.sender_user_id = ${customer.userId}`;
}

/** The customer's shipments and returns, newest first, each with its code while it works. Customers only. */
export function customerShipments(ctx: Ctx): CustomerShipment[] {
  const customer = requireRole(ctx, "customer");
  const rows = ctx.db.all<ViewRow & { siteCode: string; cipher: string | null; hash: string | null }>(sql`
    select ${OUTBOUND_VIEW_COLUMNS}, s.code as siteCode, o.drop_off_code_cipher as cipher, o.drop_off_code_hash as hash
    from ${OUTBOUND_VIEW_FROM}
    where ${mine(customer)}
    order by o.created_at desc, o.id desc
    limit 100`);
  const now = ctx.now();
  return rows.map(({ cipher, hash, siteCode, ...row }) => {
    const open = (OUTBOUND_CODE_STATES as readonly string[]).includes(row.state) && row.codeExpiresAt > now && cipher && hash;
    // A code this server's keys cannot read back (a key was changed) is not shown; the rest of the list is.
    const code = open ? readPickupCode(ctx.keys, row.siteId, hash, cipher) : null;
    return {
      ...withLabel(row),
      siteCode,
      dropOff:
        open && code !== null
          ? { code, qrToken: issueDropOffQrToken(ctx.keys, { id: row.id, dropOffCodeHash: hash, codeExpiresAt: row.codeExpiresAt }) }
          : null,
    };
  });
}

function loadOwnShipment(ctx: Ctx, customer: UserActor, id: number): OutboundRow {
  const row = ctx.db.get<{ id: number }>(sql`select o.id from outbound_parcels o where o.id = ${id} and ${mine(customer)}`);
  if (!row) throw new DomainError("NOT_FOUND", "shipmentNotFound");
  return ctx.db.select().from(outboundParcels).where(eq(outboundParcels.id, row.id)).get()!;
}

/**
 * The customer cancels a shipment or return before it is dropped off: its code stops
 * working at once. Customers, their own shipments only (another's is NOT_FOUND); raises
 * INVALID_TRANSITION once the door is open or the parcel is in. Cancelling again returns
 * the first answer.
 */
export function cancelShipment(ctx: Ctx, raw: unknown): { shipment: OutboundView; replayed: boolean } {
  const customer = requireRole(ctx, "customer");
  const { outboundParcelId } = parseInput(OutboundRef, raw);
  return writeTransaction(ctx.db, () => {
    const row = loadOwnShipment(ctx, customer, outboundParcelId);
    if (row.state === "cancelled") return { shipment: toOutboundView(ctx, row), replayed: true };
    if (row.state !== "created") {
      const key = row.state === "expired" ? "dropOffCodeAlreadyExpired" : "shipmentAlreadyInLocker";
      throw new DomainError("INVALID_TRANSITION", key);
    }
    const cancelled = moveOutbound(ctx, row, "cancelled", { closedAt: ctx.now(), dropOffCodeCipher: null }, { by: "customer" });
    return { shipment: toOutboundView(ctx, cancelled), replayed: false };
  });
}

export type ShipmentCard = Omit<CustomerShipment, "dropOff"> & { dropOff: { code: string; qrSrc: string } | null };

/** customerShipments with each working code's QR drawn, for the customer's page. Customers only. */
export async function customerShipmentCards(ctx: Ctx): Promise<ShipmentCard[]> {
  return Promise.all(
    customerShipments(ctx).map(async ({ dropOff, ...shipment }) => ({
      ...shipment,
      dropOff: dropOff && { code: dropOff.code, qrSrc: await dropOffQrDataUrl(shipment.siteCode, dropOff.qrToken) },
    })),
  );
}

/** One of the customer's shipments, for the cancel confirmation; another's is NOT_FOUND. Customers only. */
export function customerShipment(ctx: Ctx, raw: unknown): OutboundView {
  const customer = requireRole(ctx, "customer");
  const { outboundParcelId } = parseInput(OutboundRef, raw);
  return toOutboundView(ctx, loadOwnShipment(ctx, customer, outboundParcelId));
}
