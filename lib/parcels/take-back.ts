import "server-only";
import { writeTransaction } from "@/db/transaction";
import { requireCourier } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { loadDoor, recordOpenCommand, sendOpen } from "@/lib/doors/open";
import { DomainError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { loadVisibleParcel, type ParcelRow } from "./access";
import { DOOR_OPENED_EVENT, recordDoorOpened } from "./door-opened";
import { recordParcelEvent } from "./events";
import { ParcelRef } from "./schemas";
import { expireParcel } from "./sweep";
import { moveParcel } from "./transition";
import { toParcelView, type ParcelView } from "./view";

/*
 * A take-back is two steps. Opening the door proves nothing about the parcel: the courier
 * may be called away, or the door may not open at all. So the open leaves the parcel
 * expired — a live state, so invariant 1 keeps its door from being assigned — with a
 * take_back_started event; only the courier's "I took it out" (later the cabinet's own
 * door-closed report) makes it returned and frees the door, in one transaction with its
 * event.
 */

/** The parcel event of a door opened for a take-back, in the transaction that commands it. */
export const TAKE_BACK_STARTED_EVENT = "take_back_started";

export type TakeBackResult = {
  parcel: ParcelView;
  /** The parcel was already returned: nothing was opened. */
  replayed: boolean;
  /** The controller confirmed the door opened. */
  doorOpened: boolean;
};

/**
 * Step 1: a courier of the parcel's carrier, at its site, opens the door of an expired
 * parcel to take it back. The parcel stays expired, its door taken, until the same courier
 * confirms (confirmTakeBack). Opening again later is allowed (the door may have been shut
 * before the parcel came out). A parcel already returned answers as it is, opening nothing.
 * Raises NOT_FOUND, FORBIDDEN and INVALID_TRANSITION (not expired yet, or collected).
 */
export async function takeBackParcel(ctx: Ctx, raw: unknown): Promise<TakeBackResult> {
  requireCourier(ctx);
  const { parcelId } = parseInput(ParcelRef, raw);
  const outcome = writeTransaction(ctx.db, () => {
    let parcel = loadVisibleParcel(ctx, parcelId);
    if (parcel.state === "returned") return { parcel, door: null };
    if (parcel.state === "deposited" && parcel.expiresAt! <= ctx.now()) parcel = expireParcel(ctx, parcel);
    if (parcel.state !== "expired") {
      throw new DomainError("INVALID_TRANSITION", "takeBackOnlyExpired");
    }
    const door = recordOpenCommand(ctx, loadDoor(ctx, parcel.slotId!), parcel.id, "take_back");
    recordParcelEvent(ctx, { parcelId: parcel.id, siteId: parcel.siteId, slotId: parcel.slotId, kind: TAKE_BACK_STARTED_EVENT });
    return { parcel, door };
  });
  if (!outcome.door) return { parcel: toParcelView(ctx, outcome.parcel), replayed: true, doorOpened: false };
  // A door that does not open needs no hold (lib/doors/hold.ts): the parcel is still
  // expired in it, so nothing can be assigned there.
  const door = outcome.door;
  const doorOpened = await sendOpen(ctx, door, { opened: () => recordDoorOpened(ctx, door) });
  return { parcel: toParcelView(ctx, outcome.parcel, door), replayed: false, doorOpened };
}

export type TakeBackProgress = {
  /** The courier who opened the door for the latest take-back. */
  courierId: number | null;
  startedAt: number;
  /** The controller confirmed that door open (at the take-back or a retry since). */
  doorOpened: boolean;
};

/**
 * The latest take-back opened on an expired parcel, or null: none, or the parcel is no
 * longer expired. No authorization: callers have loaded the parcel as its viewer.
 */
export function takeBackProgress(ctx: Ctx, parcel: Pick<ParcelRow, "id" | "state">): TakeBackProgress | null {
  if (parcel.state !== "expired") return null;
  const started = ctx.db.$client
    .prepare("select id, at, actor_user_id as courierId from parcel_events where parcel_id = ? and kind = ? order by id desc limit 1")
    .get(parcel.id, TAKE_BACK_STARTED_EVENT) as { id: number; at: number; courierId: number | null } | undefined;
  if (!started) return null;
  const opened = ctx.db.$client
    .prepare("select 1 from parcel_events where parcel_id = ? and id > ? and kind = ? limit 1")
    .get(parcel.id, started.id, DOOR_OPENED_EVENT);
  return { courierId: started.courierId, startedAt: started.at, doorOpened: opened !== undefined };
}

/**
 * Step 2: the courier who opened the door confirms they took the parcel out. The parcel
 * becomes returned and its door free, with its event, in one transaction. A retry (the
 * parcel already returned) answers with the parcel as it is. Raises NOT_FOUND (not their
 * carrier's or site's), FORBIDDEN (another courier opened the door) and INVALID_TRANSITION
 * (the door was not opened for a take-back, or did not open).
 */
export function confirmTakeBack(ctx: Ctx, raw: unknown): { parcel: ParcelView; replayed: boolean } {
  const courier = requireCourier(ctx);
  const { parcelId } = parseInput(ParcelRef, raw);
  const outcome = writeTransaction(ctx.db, () => {
    const parcel = loadVisibleParcel(ctx, parcelId);
    if (parcel.state === "returned") return { parcel, replayed: true };
    const progress = takeBackProgress(ctx, parcel);
    if (!progress) {
      throw new DomainError("INVALID_TRANSITION", "takeBackOpenFirst", { params: { tracking: parcel.trackingNumber } });
    }
    if (progress.courierId !== courier.userId) {
      throw new DomainError("FORBIDDEN", "takeBackOtherCourier", { params: { tracking: parcel.trackingNumber } });
    }
    if (!progress.doorOpened) {
      throw new DomainError("INVALID_TRANSITION", "takeBackDoorDidNotOpen", { params: { tracking: parcel.trackingNumber } });
    }
    const returned = moveParcel(ctx, parcel, "returned", { closedAt: ctx.now() }, { confirmedBy: "courier" });
    return { parcel: returned, replayed: false };
  });
  return { parcel: toParcelView(ctx, outcome.parcel), replayed: outcome.replayed };
}

/**
 * The cabinet reported the door of a take-back closed after it opened (issue 13): the
 * parcel is returned and its door free, as the courier's confirmation would, unless the
 * cabinet's occupancy sensor says the parcel is still inside. Call inside the transaction
 * that records the report (lib/fleet/recorder.ts). Null when this report confirms nothing.
 */
export function returnOnDoorClosed(ctx: Ctx, parcel: ParcelRow, occupied: boolean | null): ParcelRow | null {
  if (occupied === true) return null;
  const progress = takeBackProgress(ctx, parcel);
  if (!progress?.doorOpened) return null;
  return moveParcel(ctx, parcel, "returned", { closedAt: ctx.now() }, { confirmedBy: "cabinet" });
}
