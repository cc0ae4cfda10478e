import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { notifications, outboundParcels, sites } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { requireCourier, requireRole } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError, field } from "@/lib/errors";
import { SIZE_RANK } from "@/lib/slots/sizes";
import { parseInput } from "@/lib/validation";
import { DROP_OFF_CODE_TTL_MS, issueDropOffCode, issueDropOffQrToken } from "./codes";
import { CreateReturnInput, StartShipmentInput } from "./schemas";
import { acceptsOutbound } from "./settings";
import { recordOutboundEvent } from "./transition";
import { toOutboundView, type OutboundView } from "./view";

export type StartedShipment = { shipment: OutboundView; code: string; qrToken: string };

function openSite(ctx: Ctx, siteId: number) {
  const site = ctx.db.select({ id: sites.id, name: sites.name, status: sites.status }).from(sites).where(eq(sites.id, siteId)).get();
  if (!site) throw new DomainError("NOT_FOUND", "stationNotFound");
  if (site.status !== "open") throw new DomainError("SITE_CLOSED", "stationClosedToShipments", { params: { site: site.name } });
  return site;
}

/**
 * INVALID unless the carrier takes outbound parcels at the site, on the field the caller
 * chose: the customer's form chooses the carrier; a carrier's return comes with its carrier
 * (the token's) and chooses the station.
 */
function refuseWithoutOutbound(ctx: Ctx, siteId: number, carrierId: number, chosen: "carrierId" | "siteId"): void {
  if (!acceptsOutbound(ctx, siteId, carrierId)) {
    throw new DomainError("INVALID", "carrierTakesNoShipmentsHere", { fields: { [chosen]: [field("carrierTakesNoShipmentsHere")] } });
  }
}

/**
 * A customer starts sending a parcel: the carrier (one that takes outbound parcels at the
 * chosen station), the size, the recipient, and the declaration against the prohibited
 * list. Returns the drop-off code and its QR, valid for DROP_OFF_CODE_TTL_MS. Customers with
 * a verified phone only (the phone's last 4 digits go with the code); raises FORBIDDEN,
 * INVALID (also: a carrier that takes no outbound parcels here), NOT_FOUND, SITE_CLOSED and
 * CONFLICT (the station has no more room for open codes).
 */
export function startShipment(ctx: Ctx, raw: unknown): StartedShipment {
  const customer = requireRole(ctx, "customer");
  const input = parseInput(StartShipmentInput, raw);
  if (!customer.verifiedPhone) throw new DomainError("FORBIDDEN", "confirmPhoneToSend");
  const phone = customer.verifiedPhone;
  return writeTransaction(ctx.db, () => {
    const site = openSite(ctx, input.siteId);
    refuseWithoutOutbound(ctx, site.id, input.carrierId, "carrierId");
    const code = issueDropOffCode(ctx, site.id);
    const now = ctx.now();
    const row = ctx.db
      .insert(outboundParcels)
      .values({
        kind: "send",
        carrierId: input.carrierId,
        siteId: site.id,
        state: "created",
        size: input.size,
        sizeRank: SIZE_RANK[input.size],
        senderPhone: phone,
        senderUserId: customer.userId,
        recipientName: input.recipientName,
        recipientPhone: input.recipientPhone,
        recipientAddress: input.recipientAddress,
        declaredAt: now,
        dropOffCodeHash: code.hash,
        dropOffCodeCipher: code.cipher,
        codeExpiresAt: now + DROP_OFF_CODE_TTL_MS,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    recordOutboundEvent(ctx, { outboundParcelId: row.id, siteId: site.id, slotId: null, kind: "created", to: "created", detail: { kind: "send", size: input.size, declared: true } });
    return {
      shipment: toOutboundView(ctx, row),
      code: code.code,
      qrToken: issueDropOffQrToken(ctx.keys, { id: row.id, dropOffCodeHash: code.hash, codeExpiresAt: row.codeExpiresAt }),
    };
  });
}

export type CreatedReturn = { shipment: OutboundView; replayed: boolean };

/**
 * A merchant, through its carrier's system, sets up a return for a customer: the order
 * reference, the station and the size. The customer is sent a return drop-off code by text
 * and finds it in the app (their verified phone). Couriers and carrier API tokens; the
 * carrier must take outbound parcels at the station. The same order reference of the same
 * carrier while its return is still open returns the first answer. Raises FORBIDDEN,
 * INVALID, NOT_FOUND, SITE_CLOSED and CONFLICT.
 */
export function createReturn(ctx: Ctx, raw: unknown): CreatedReturn {
  const courier = requireCourier(ctx);
  const input = parseInput(CreateReturnInput, raw);
  return writeTransaction(ctx.db, () => {
    const existing = ctx.db
      .select()
      .from(outboundParcels)
      .where(
        and(
          eq(outboundParcels.carrierId, courier.carrierId),
          eq(outboundParcels.kind, "return"),
          eq(outboundParcels.orderReference, input.orderReference),
          sql`${outboundParcels.state} in ('created', 'dropping_off', 'dropped_off')`,
        ),
      )
      .get();
    if (existing) {
      if (existing.senderPhone !== input.customerPhone || existing.siteId !== input.siteId || existing.size !== input.size) {
        throw new DomainError("CONFLICT", "returnOrderClash", { params: { order: input.orderReference } });
      }
      return { shipment: toOutboundView(ctx, existing), replayed: true };
    }
    const site = openSite(ctx, input.siteId);
    refuseWithoutOutbound(ctx, site.id, courier.carrierId, "siteId");
    const code = issueDropOffCode(ctx, site.id);
    const now = ctx.now();
    const customer = ctx.db.$client
      .prepare("select id from users where phone = ? and phone_verified_at is not null and role = 'customer'")
      .pluck()
      .get(input.customerPhone) as number | undefined;
    const row = ctx.db
      .insert(outboundParcels)
      .values({
        kind: "return",
        carrierId: courier.carrierId,
        siteId: site.id,
        state: "created",
        size: input.size,
        sizeRank: SIZE_RANK[input.size],
        senderPhone: input.customerPhone,
        senderUserId: customer ?? null,
        orderReference: input.orderReference,
        createdByUserId: courier.userId,
        dropOffCodeHash: code.hash,
        dropOffCodeCipher: code.cipher,
        codeExpiresAt: now + DROP_OFF_CODE_TTL_MS,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    recordOutboundEvent(ctx, { outboundParcelId: row.id, siteId: site.id, slotId: null, kind: "created", to: "created", detail: { kind: "return", size: input.size, orderReference: input.orderReference } });
    // The text names the shipment, not the code: the sender renders it at send time.
    ctx.db
      .insert(notifications)
      .values({
        kind: "return_drop_off_code",
        channel: "sms",
        recipient: input.customerPhone,
        userId: customer ?? null,
        payload: JSON.stringify({ outboundParcelId: row.id }),
        nextAttemptAt: now,
        createdAt: now,
      })
      .run();
    return { shipment: toOutboundView(ctx, row), replayed: false };
  });
}
