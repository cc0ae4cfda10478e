import "server-only";
import { eq } from "drizzle-orm";
import { parcels, slots, type SlotSize } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { requireCourier } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { recordOpenCommand, sendOpen } from "@/lib/doors/open";
import { DomainError } from "@/lib/errors";
import { findFreeSlot } from "@/lib/slots/assignment";
import { SIZE_RANK, sizeOfRank } from "@/lib/slots/sizes";
import { parseInput } from "@/lib/validation";
import { loadVisibleParcel, type ParcelRow } from "./access";
import { recordParcelEvent } from "./events";
import { noDoorError, whyNoDoor, type NoDoor, type NoDoorWithinReachDetails, type SiteFullDetails } from "./no-door";
import { ParcelRef, SlotFaultInput } from "./schemas";
import { lapseReservations, RESERVATION_MS } from "./sweep";
import { moveParcel } from "./transition";
import { toParcelView, type ParcelView } from "./view";

/** The parcel has another door, opened for the courier (doorOpened: the controller confirmed it). */
export type Reassigned = { outcome: "moved"; parcel: ParcelView; doorOpened: boolean };
/**
 * No door was left: the reservation is cancelled (`parcel` shows it so) and these are the
 * nearest sites with room — or, for a recipient who asked for doors within reach
 * (`no_door_within_reach`), with a free door in the band. This is the verb's committed
 * result, not a refusal — the report and the cancellation are one transaction, so nothing
 * is left for a caller to undo or redo.
 */
export type ReassignSiteFull =
  | (SiteFullDetails & { outcome: "site_full"; parcel: ParcelView })
  | (NoDoorWithinReachDetails & { outcome: "no_door_within_reach"; parcel: ParcelView });
export type ReassignResult = Reassigned | ReassignSiteFull;

type Outcome = { kind: "moved"; parcel: ParcelRow; door: ReturnType<typeof recordOpenCommand> } | { kind: "full"; parcel: ParcelRow; noDoor: NoDoor };

/**
 * The reserved door did not open or is damaged: it goes out of service with the reason
 * and the parcel gets another door (same size first, then larger). If none is left the
 * reservation is cancelled and the result is `site_full` with the nearest sites with room
 * (`no_door_within_reach` when the recipient asked for doors within reach and none is free
 * in the band) — the broken door stays reported either way. Couriers of the parcel's carrier only;
 * raises FORBIDDEN, NOT_FOUND (another carrier's parcel), INVALID and INVALID_TRANSITION
 * (not reserved), each before anything is written.
 */
export async function reportSlotFault(ctx: Ctx, raw: unknown): Promise<ReassignResult> {
  requireCourier(ctx);
  const input = parseInput(SlotFaultInput, raw);
  const outcome = writeTransaction(ctx.db, () => {
    const parcel = requireReserved(ctx, input.parcelId);
    const now = ctx.now();
    ctx.db
      .update(slots)
      .set({ inService: false, outOfServiceReason: input.reason })
      .where(eq(slots.id, parcel.slotId!))
      .run();
    recordParcelEvent(ctx, {
      parcelId: parcel.id,
      siteId: parcel.siteId,
      slotId: parcel.slotId,
      kind: "slot_fault",
      detail: { reason: input.reason, at: now },
    });
    return moveToFreeSlot(ctx, parcel, parcel.size, { reason: "slot fault" });
  });
  return finish(ctx, outcome);
}

/**
 * The parcel does not fit its door: it is re-declared one size up and given such a
 * door; with none free the reservation is cancelled (`site_full`, as above). XL has
 * nothing bigger (INVALID, nothing changes). Couriers of the parcel's carrier only.
 */
export async function reportParcelDoesNotFit(ctx: Ctx, raw: unknown): Promise<ReassignResult> {
  requireCourier(ctx);
  const { parcelId } = parseInput(ParcelRef, raw);
  const outcome = writeTransaction(ctx.db, () => {
    const parcel = requireReserved(ctx, parcelId);
    const slot = ctx.db.select().from(slots).where(eq(slots.id, parcel.slotId!)).get()!;
    const bigger = sizeOfRank(slot.sizeRank + 1);
    if (!bigger) throw new DomainError("INVALID", "alreadyLargestDoor");
    return moveToFreeSlot(ctx, parcel, bigger, { reason: "did not fit", declared: parcel.size });
  });
  return finish(ctx, outcome);
}

function requireReserved(ctx: Ctx, parcelId: number): ParcelRow {
  const parcel = loadVisibleParcel(ctx, parcelId);
  if (parcel.state !== "reserved") {
    throw new DomainError("INVALID_TRANSITION", "reassignOnlyOpen");
  }
  return parcel;
}

/**
 * Gives a reserved parcel a free door of at least `size`, re-declaring its size when it
 * grows. Door, size and rank change in one update so the fit trigger sees them together.
 * With no door left the reservation is cancelled.
 */
function moveToFreeSlot(ctx: Ctx, parcel: ParcelRow, size: SlotSize, detail: Record<string, unknown>): Outcome {
  const rank = SIZE_RANK[size];
  // Doors held by other reservations nobody finished are free again, as for a new
  // reservation; this courier's own is not lapsed — they are at the locker now.
  lapseReservations(ctx, parcel.siteId, parcel.id);
  // The parcel's current door is out of service or too small, and still held by this
  // live parcel, so the search cannot return it.
  const slot = findFreeSlot(ctx, parcel.siteId, rank, parcel.recipientPhone);
  if (!slot) {
    const noDoor = whyNoDoor(ctx, parcel.siteId, size, parcel.recipientPhone);
    const withinReach = noDoor.code === "NO_DOOR_WITHIN_REACH" ? { withinReach: true } : {};
    const cancelled = moveParcel(ctx, parcel, "cancelled", { closedAt: ctx.now() }, { ...detail, outcome: "no free door", ...withinReach });
    return { kind: "full", parcel: cancelled, noDoor };
  }
  const moved = ctx.db
    .update(parcels)
    // A new door gets a full reservation window: the old deadline would let the next
    // courier's reservation lapse this one while the parcel is going in.
    .set({
      slotId: slot.slotId,
      size,
      sizeRank: rank,
      upsized: slot.sizeRank > rank,
      withinReach: slot.withinReach,
      reservedUntil: ctx.now() + RESERVATION_MS,
      updatedAt: ctx.now(),
    })
    .where(eq(parcels.id, parcel.id))
    .returning()
    .get()!;
  recordParcelEvent(ctx, {
    parcelId: parcel.id,
    siteId: parcel.siteId,
    slotId: slot.slotId,
    kind: "reassigned",
    detail: { ...detail, size, fromSlotId: parcel.slotId, slot: slot.slotLabel, upsized: moved.upsized },
  });
  return { kind: "moved", parcel: moved, door: recordOpenCommand(ctx, slot, parcel.id, "deposit") };
}

async function finish(ctx: Ctx, outcome: Outcome): Promise<ReassignResult> {
  if (outcome.kind === "full") {
    const parcel = toParcelView(ctx, outcome.parcel);
    const { noDoor } = outcome;
    return noDoor.code === "NO_DOOR_WITHIN_REACH"
      ? { outcome: "no_door_within_reach", parcel, ...noDoor.details }
      : { outcome: "site_full", parcel, ...noDoor.details };
  }
  return { outcome: "moved", parcel: toParcelView(ctx, outcome.parcel, outcome.door), doorOpened: await sendOpen(ctx, outcome.door) };
}

/**
 * How an edge reports a `site_full` or `no_door_within_reach` result to the courier: the
 * SITE_FULL or NO_DOOR_WITHIN_REACH error a first reservation answers with, so forms and
 * API clients branch on one code each. The cancellation it describes is already committed;
 * raising this changes nothing.
 */
export function siteFullRefusal(result: ReassignSiteFull): DomainError<SiteFullDetails> {
  const noDoor: NoDoor =
    result.outcome === "no_door_within_reach"
      ? { code: "NO_DOOR_WITHIN_REACH", details: { size: result.size, withinReachMm: result.withinReachMm, alternatives: result.alternatives } }
      : { code: "SITE_FULL", details: { size: result.size, alternatives: result.alternatives } };
  return noDoorError(noDoor, { cancelled: true });
}
