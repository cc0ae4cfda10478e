import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { outboundParcels, pickupAttempts, slots, type SlotSize } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { requireKiosk } from "@/lib/auth/authorize";
import type { Ctx, KioskActor } from "@/lib/context";
import { recordDoorEvent } from "@/lib/doors/events";
import { DROP_OFF_FAILED_REASON } from "@/lib/doors/hold";
import { loadDoor, recordOutboundOpenCommand, sendOpen, type OpenCommand } from "@/lib/doors/open";
import { reportedDoorState, type ReportedDoorState } from "@/lib/doors/state";
import { DomainError } from "@/lib/errors";
import { lockoutWait, slowDownWording, type LockedOutDetails } from "@/lib/kiosk/slow-down";
import { translateKey } from "@/lib/i18n/translate";
import { RESERVATION_MS } from "@/lib/parcels/sweep";
import { hashPickupCode, phoneLast4, sameDigits } from "@/lib/pickup-codes/code";
import { findFreeSlot } from "@/lib/slots/assignment";
import { SIZE_RANK, sizeOfRank } from "@/lib/slots/sizes";
import { parseInput } from "@/lib/validation";
import { isDropOffTokenFor, readDropOffQrToken } from "./codes";
import { DropOffByQrInput, DropOffDoorProblem, DropOffInput, OutboundRef } from "./schemas";
import { lapseDropOffs } from "./sweep";
import { moveOutbound, recordOutboundEvent, type OutboundRow } from "./transition";
import { toOutboundView, type OutboundView } from "./view";

/*
 * The kiosk's "Send a parcel": the customer enters their drop-off code (or scans its QR), the
 * best free door of the parcel's size opens — the same best-fit rule as a courier's deposit
 * (lib/slots/assignment.ts) — the customer puts the parcel in and closes the door, and it
 * waits for the carrier. A door that does not open goes out of service and another opens; a
 * parcel that does not fit gets a door one size up; with no door left the shipment goes
 * back to "created" and its code keeps working for another try.
 */

/** Is what the kiosk may be told about an opened door: never whose shipment it is. */
export type DropOffDoor = { outboundParcelId: number; slotLabel: string; lockerCode: string; size: SlotSize; doorOpened: boolean; replayed: boolean };

/** English, for tests and the kiosk's send screen (not yet translated). */
export const DROP_OFF_EXPIRED_MESSAGE = translateKey("en", "errors.dropOffCodeExpired");
const NO_DOOR_MESSAGE = (size: SlotSize) => translateKey("en", "errors.noDropOffDoor", { size });

type Outcome =
  | { kind: "opened"; row: OutboundRow; door: OpenCommand }
  | { kind: "replayed"; row: OutboundRow; door: OpenCommand }
  | { kind: "wrong" }
  | { kind: "stale" }
  | { kind: "expired" }
  | { kind: "locked"; retryAfterMs: number }
  | { kind: "full"; size: SlotSize };

/**
 * A drop-off code and the sender's phone digits entered at a kiosk: the best free door of
 * the parcel's size opens. Kiosks only; every attempt is recorded under the kiosk's guessing
 * limits (as for a pickup) before any answer. Entering the same code while its door is open
 * returns that door again. Raises INVALID, WRONG_CODE, LOCKED_OUT, PARCEL_EXPIRED (the code
 * ran out) and SITE_FULL (no door of that size or larger; the code keeps working).
 */
export async function startDropOff(ctx: Ctx, raw: unknown): Promise<DropOffDoor> {
  const kiosk = requireKiosk(ctx);
  const input = parseInput(DropOffInput, raw);
  return answer(ctx, writeTransaction(ctx.db, () => byCode(ctx, kiosk, input)));
}

/** The drop-off QR from the customer's phone: a signed token, never slowed down (it is not a guess). Same answers as startDropOff. */
export async function startDropOffByQr(ctx: Ctx, raw: unknown): Promise<DropOffDoor> {
  const kiosk = requireKiosk(ctx);
  const { qrToken } = parseInput(DropOffByQrInput, raw);
  return answer(ctx, writeTransaction(ctx.db, () => byQr(ctx, kiosk, qrToken)));
}

async function answer(ctx: Ctx, outcome: Outcome): Promise<DropOffDoor> {
  switch (outcome.kind) {
    case "wrong":
      throw new DomainError("WRONG_CODE", "wrongDropOffCode");
    case "stale":
      throw new DomainError("WRONG_CODE", "dropOffQrOutOfDate");
    case "expired":
      throw new DomainError("PARCEL_EXPIRED", "dropOffCodeExpired");
    case "locked": {
      const slowDown = slowDownWording(outcome.retryAfterMs);
      throw new DomainError<LockedOutDetails>("LOCKED_OUT", slowDown.key, { params: slowDown.params, details: { retryAfterMs: outcome.retryAfterMs } });
    }
    case "full":
      throw new DomainError("SITE_FULL", "noDropOffDoor", { params: { size: outcome.size }, details: { size: outcome.size, alternatives: [] } });
    case "replayed":
      return doorResult(outcome.row, outcome.door, false, true);
    case "opened":
      return doorResult(outcome.row, outcome.door, await sendOpen(ctx, outcome.door), false);
  }
}

function doorResult(row: OutboundRow, door: OpenCommand, doorOpened: boolean, replayed: boolean): DropOffDoor {
  return { outboundParcelId: row.id, slotLabel: door.slotLabel, lockerCode: door.lockerCode, size: row.size, doorOpened, replayed };
}

function attempt(ctx: Ctx, kiosk: KioskActor, outcome: "opened" | "wrong" | "expired" | "locked_out"): void {
  ctx.db.insert(pickupAttempts).values({ siteId: kiosk.siteId, kioskId: kiosk.kioskId, outcome, parcelId: null, at: ctx.now() }).run();
}

function byCode(ctx: Ctx, kiosk: KioskActor, input: z.output<typeof DropOffInput>): Outcome {
  const wait = lockoutWait(ctx, kiosk, ctx.now());
  if (wait > 0) {
    attempt(ctx, kiosk, "locked_out");
    return { kind: "locked", retryAfterMs: wait };
  }
  const hash = hashPickupCode(ctx.keys, kiosk.siteId, input.code);
  // The newest row with this code: an expired one keeps its hash, and says so rather than "wrong".
  const row = ctx.db
    .select()
    .from(outboundParcels)
    .where(and(eq(outboundParcels.siteId, kiosk.siteId), eq(outboundParcels.dropOffCodeHash, hash), sql`${outboundParcels.state} in ('created', 'dropping_off', 'expired')`))
    .orderBy(sql`${outboundParcels.id} desc`)
    .get();
  if (!row || !sameDigits(phoneLast4(row.senderPhone), input.phoneLast4)) {
    attempt(ctx, kiosk, "wrong");
    return { kind: "wrong" };
  }
  return openFor(ctx, kiosk, row);
}

function byQr(ctx: Ctx, kiosk: KioskActor, token: string): Outcome {
  const claim = readDropOffQrToken(token);
  const row = claim ? ctx.db.select().from(outboundParcels).where(and(eq(outboundParcels.id, claim.id), eq(outboundParcels.siteId, kiosk.siteId))).get() : undefined;
  if (!claim || !row?.dropOffCodeHash || !isDropOffTokenFor(ctx.keys, claim, row.dropOffCodeHash)) {
    const wait = lockoutWait(ctx, kiosk, ctx.now());
    if (wait > 0) {
      attempt(ctx, kiosk, "locked_out");
      return { kind: "locked", retryAfterMs: wait };
    }
    attempt(ctx, kiosk, "wrong");
    return { kind: "wrong" };
  }
  if (row.state !== "created" && row.state !== "dropping_off" && row.state !== "expired") {
    // Ours, so not a guess: it does not count towards the kiosk's slow-down.
    attempt(ctx, kiosk, "expired");
    return { kind: "stale" };
  }
  return openFor(ctx, kiosk, row);
}

function openFor(ctx: Ctx, kiosk: KioskActor, found: OutboundRow): Outcome {
  const now = ctx.now();
  const row = found.state === "created" && found.codeExpiresAt <= now ? moveOutbound(ctx, found, "expired", { closedAt: now, dropOffCodeCipher: null }) : found;
  if (row.state === "expired") {
    attempt(ctx, kiosk, "expired");
    return { kind: "expired" };
  }
  if (row.state === "dropping_off") {
    attempt(ctx, kiosk, "opened");
    // A retry while the door is open answers the same door and opens nothing again.
    return { kind: "replayed", row, door: { ...loadDoor(ctx, row.slotId!), parcelId: null, outboundParcelId: row.id, purpose: "drop_off" } };
  }
  lapseDropOffs(ctx, kiosk.siteId);
  const slot = findFreeSlot(ctx, row.siteId, row.sizeRank, null);
  if (!slot) {
    attempt(ctx, kiosk, "opened");
    recordOutboundEvent(ctx, { outboundParcelId: row.id, siteId: row.siteId, slotId: null, kind: "no_free_door", detail: { size: row.size } });
    return { kind: "full", size: row.size };
  }
  const dropping = moveOutbound(
    ctx,
    row,
    "dropping_off",
    { slotId: slot.slotId, upsized: slot.sizeRank > row.sizeRank, doorOpenUntil: now + RESERVATION_MS },
    { slot: slot.slotLabel, slotSize: slot.size, upsized: slot.sizeRank > row.sizeRank, kioskId: kiosk.kioskId },
  );
  attempt(ctx, kiosk, "opened");
  return { kind: "opened", row: dropping, door: recordOutboundOpenCommand(ctx, slot, dropping.id, "drop_off") };
}

function loadAtKiosk(ctx: Ctx, kiosk: KioskActor, id: number): OutboundRow {
  const row = ctx.db.select().from(outboundParcels).where(and(eq(outboundParcels.id, id), eq(outboundParcels.siteId, kiosk.siteId))).get();
  if (!row) throw new DomainError("NOT_FOUND", "shipmentNotFound");
  return row;
}

/**
 * The customer closed the door on their parcel: it is dropped off and waits for the carrier,
 * and the drop-off code is used up. Kiosks of the shipment's station only; confirming again
 * returns the first answer. Raises NOT_FOUND and INVALID_TRANSITION (the door's window lapsed:
 * enter the code again).
 */
export function confirmDropOff(ctx: Ctx, raw: unknown): { shipment: OutboundView; replayed: boolean } {
  const kiosk = requireKiosk(ctx);
  const { outboundParcelId } = parseInput(OutboundRef, raw);
  return writeTransaction(ctx.db, () => {
    const row = loadAtKiosk(ctx, kiosk, outboundParcelId);
    if (row.state === "dropped_off" || row.state === "taken") return { shipment: toOutboundView(ctx, row), replayed: true };
    if (row.state !== "dropping_off") {
      throw new DomainError("INVALID_TRANSITION", "dropOffDoorClosedAgain");
    }
    recordDoorEvent(ctx, { slotId: row.slotId!, siteId: row.siteId, parcelId: null, outboundParcelId: row.id, kind: "closed" });
    const done = moveOutbound(ctx, row, "dropped_off", { droppedOffAt: ctx.now(), doorOpenUntil: null, dropOffCodeCipher: null }, { kioskId: kiosk.kioskId });
    return { shipment: toOutboundView(ctx, done), replayed: false };
  });
}

/** What a kiosk's open-door screen follows while the customer puts their parcel in. */
export type DropOffProgress = { droppedOff: boolean; cabinetDoor: ReportedDoorState | null };

/**
 * Has the parcel gone in? True once the cabinet reported the door closed on it (or the
 * customer said so), and what the cabinet sees of the door while it is open: null where the
 * station's cabinets report no doors, so the screen stops asking. Kiosks of the station only;
 * raises NOT_FOUND. Writes nothing.
 */
export function dropOffProgress(ctx: Ctx, raw: unknown): DropOffProgress {
  const kiosk = requireKiosk(ctx);
  const { outboundParcelId } = parseInput(OutboundRef, raw);
  const row = loadAtKiosk(ctx, kiosk, outboundParcelId);
  return {
    droppedOff: row.state === "dropped_off" || row.state === "taken",
    cabinetDoor: row.state === "dropping_off" && row.slotId !== null ? reportedDoorState(ctx, row.slotId) : null,
  };
}

/**
 * The cabinet reported the door of a drop-off closed (lib/fleet/recorder.ts, inside its
 * transaction): the parcel is in and waits for the carrier, as when the customer presses
 * "I closed the door", which then answers the same. With the occupancy sensor saying the
 * door is empty, nothing went in: the customer at the kiosk decides.
 */
export function dropOffOnDoorClosed(ctx: Ctx, row: OutboundRow, occupied: boolean | null): void {
  if (row.state !== "dropping_off" || occupied === false) return;
  moveOutbound(ctx, row, "dropped_off", { droppedOffAt: ctx.now(), doorOpenUntil: null, dropOffCodeCipher: null }, { by: "cabinet" });
}

export type DropOffDoorResult = ({ outcome: "moved" } & DropOffDoor) | { outcome: "no_door"; size: SlotSize; message: string };

/**
 * The open door did not open (it goes out of service, as a courier's would, and another
 * door of the size opens) or the parcel does not fit (a door one size up opens; XL has none:
 * INVALID). With no door left the shipment goes back to "created" and its code keeps
 * working: the result says so. Kiosks of the station only; raises NOT_FOUND, INVALID and
 * INVALID_TRANSITION (no door is open for it), each before anything is written.
 */
export async function reportDropOffDoor(ctx: Ctx, raw: unknown): Promise<DropOffDoorResult> {
  const kiosk = requireKiosk(ctx);
  const input = parseInput(DropOffDoorProblem, raw);
  const outcome = writeTransaction(ctx.db, () => {
    const row = loadAtKiosk(ctx, kiosk, input.outboundParcelId);
    if (row.state !== "dropping_off") throw new DomainError("INVALID_TRANSITION", "dropOffNoDoorOpen");
    const slot = ctx.db.select().from(slots).where(eq(slots.id, row.slotId!)).get()!;
    let size = row.size;
    if (input.problem === "does_not_fit") {
      const bigger = sizeOfRank(slot.sizeRank + 1);
      if (!bigger) throw new DomainError("INVALID", "dropOffLargestDoor");
      size = bigger;
    } else {
      ctx.db.update(slots).set({ inService: false, outOfServiceReason: DROP_OFF_FAILED_REASON }).where(eq(slots.id, slot.id)).run();
      recordOutboundEvent(ctx, { outboundParcelId: row.id, siteId: row.siteId, slotId: slot.id, kind: "slot_fault", detail: { reason: "did not open" } });
    }
    const rank = SIZE_RANK[size];
    lapseDropOffs(ctx, row.siteId, row.id);
    const next = findFreeSlot(ctx, row.siteId, rank, null);
    if (!next) {
      const back = moveOutbound(ctx, row, "created", { slotId: null, doorOpenUntil: null, upsized: false }, { reason: input.problem, outcome: "no free door" });
      return { kind: "none" as const, row: back, size };
    }
    const moved = ctx.db
      .update(outboundParcels)
      .set({ slotId: next.slotId, size, sizeRank: rank, upsized: next.sizeRank > rank, doorOpenUntil: ctx.now() + RESERVATION_MS, updatedAt: ctx.now() })
      .where(and(eq(outboundParcels.id, row.id), eq(outboundParcels.state, "dropping_off")))
      .returning()
      .get()!;
    recordOutboundEvent(ctx, {
      outboundParcelId: row.id,
      siteId: row.siteId,
      slotId: next.slotId,
      kind: "reassigned",
      detail: { reason: input.problem, fromSlotId: slot.id, slot: next.slotLabel, size },
    });
    return { kind: "moved" as const, row: moved, door: recordOutboundOpenCommand(ctx, next, row.id, "drop_off") };
  });
  if (outcome.kind === "none") return { outcome: "no_door", size: outcome.size, message: NO_DOOR_MESSAGE(outcome.size) };
  return { outcome: "moved", ...doorResult(outcome.row, outcome.door, await sendOpen(ctx, outcome.door), false) };
}
