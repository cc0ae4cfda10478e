import "server-only";
import type { z } from "zod";
import { parcels, type SlotSize } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { requireCourier, type CourierActor } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { recordOpenCommand, sendOpen } from "@/lib/doors/open";
import { DomainError } from "@/lib/errors";
import { findFreeSlot, nearestSitesWithRoom, type AlternativeSite } from "@/lib/slots/assignment";
import { SIZE_RANK } from "@/lib/slots/sizes";
import { parseInput } from "@/lib/validation";
import { findPendingParcel, loadCourierSite, refuseAnotherCarriersNumber, trackingNumberTaken, type ParcelRow } from "./access";
import { recordParcelEvent } from "./events";
import { ReserveInput } from "./schemas";
import { lapseReservations, RESERVATION_MS } from "./sweep";
import { moveParcel } from "./transition";
import { toParcelView, type ParcelView } from "./view";

export type ReserveResult = {
  parcel: ParcelView;
  /** True when this was a retry of a reservation or deposit that had already happened. */
  replayed: boolean;
  /** Whether the controller accepted the open command (false on a replay). */
  doorOpened: boolean;
};

export type SiteFullDetails = { size: SlotSize; alternatives: AlternativeSite[] };

/**
 * Assigns a door to a parcel and opens it: the courier's first step of a deposit.
 * Couriers only, at a site they serve. A retry with a tracking number already live here
 * returns the first answer. Raises INVALID, FORBIDDEN, NOT_FOUND (also a site they do not serve), SITE_CLOSED, CONFLICT
 * (live elsewhere, or another carrier's) and SITE_FULL (details: nearest sites with room).
 */
export async function reserveParcel(ctx: Ctx, raw: unknown): Promise<ReserveResult> {
  const courier = requireCourier(ctx);
  const input = parseInput(ReserveInput, raw);

  const outcome = writeTransaction(ctx.db, () => reserveInTransaction(ctx, courier, input));
  if (outcome.kind === "full") {
    throw new DomainError<SiteFullDetails>("SITE_FULL", "siteFull", {
      params: { size: input.size },
      details: { size: input.size, alternatives: outcome.alternatives },
    });
  }
  const parcel = toParcelView(ctx, outcome.parcel);
  if (outcome.replayed) return { parcel, replayed: true, doorOpened: false };
  return { parcel, replayed: false, doorOpened: await sendOpen(ctx, outcome.door!) };
}

type Outcome =
  | { kind: "reserved"; parcel: ParcelRow; replayed: boolean; door?: ReturnType<typeof recordOpenCommand> }
  | { kind: "full"; alternatives: AlternativeSite[] };

function reserveInTransaction(ctx: Ctx, courier: CourierActor, input: z.output<typeof ReserveInput>): Outcome {
  const site = loadCourierSite(ctx, courier, input.siteId);
  const existing = findPendingParcel(ctx, courier.carrierId, input.trackingNumber);
  if (existing && existing.state !== "announced") {
    if (existing.siteId !== site.id) {
      throw trackingNumberTaken(input.trackingNumber);
    }
    return { kind: "reserved", parcel: existing, replayed: true };
  }

  refuseAnotherCarriersNumber(ctx, courier.carrierId, input.trackingNumber);
  if (site.status !== "open") throw new DomainError("SITE_CLOSED", "siteClosed", { params: { site: site.name } });

  // Doors held by reservations nobody finished are free again.
  lapseReservations(ctx, site.id);

  const wanted = SIZE_RANK[input.size];
  const slot = findFreeSlot(ctx, site.id, wanted);
  if (!slot) return { kind: "full", alternatives: nearestSitesWithRoom(ctx, site.id, wanted) };

  const now = ctx.now();
  const fields = {
    siteId: site.id,
    slotId: slot.id,
    size: input.size,
    sizeRank: wanted,
    upsized: slot.sizeRank > wanted,
    recipientPhone: input.recipientPhone,
    recipientName: input.recipientName ?? null,
    recipientEmail: input.recipientEmail ?? null,
    courierId: courier.userId,
    reservedUntil: now + RESERVATION_MS,
  };
  const detail = { slot: slot.label, upsized: fields.upsized, size: input.size, slotSize: slot.size };

  let parcel: ParcelRow;
  if (existing) {
    parcel = moveParcel(ctx, existing, "reserved", fields, detail);
  } else {
    parcel = ctx.db
      .insert(parcels)
      .values({
        ...fields,
        carrierId: courier.carrierId,
        trackingNumber: input.trackingNumber,
        state: "reserved",
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    recordParcelEvent(ctx, { parcelId: parcel.id, siteId: site.id, slotId: slot.id, kind: "reserved", to: "reserved", detail });
  }
  const door = recordOpenCommand(ctx, slot.id, parcel.id);
  return { kind: "reserved", parcel, replayed: false, door };
}
