import "server-only";
import type { Ctx } from "@/lib/context";
import { DOOR_RETRY } from "./retry-door";

/**
 * A collected parcel whose door did not open: the code is spent and the parcel is marked
 * collected (decision 0007), but it is still inside. Screens say so instead of "collected".
 */
export type DoorNotOpened = {
  slotLabel: string;
  lockerCode: string;
  /** When the controller last failed to open it. */
  failedAt: number;
  /** Until when the door may still be tried again at the kiosk; null once only an admin can open it. */
  retryUntil: number | null;
};

type Collected = { id: number; state: string; slotId: number | null; closedAt: number | null };

/*
 * The parcel's door events since its collection, newest first, through the door's own
 * index (slot, time): a customer's list reads this for every collected parcel.
 */
const SINCE_COLLECTION = `
  select d.kind, d.at, s.label as slotLabel, l.code as lockerCode
  from door_events d join slots s on s.id = d.slot_id join lockers l on l.id = s.locker_id
  where d.slot_id = ? and d.at >= ? and d.parcel_id = ?
  order by d.at desc, d.id desc`;

/**
 * Whether the door of a collected parcel failed to open at its last try. Read by the
 * customer's and the admin's parcel pages, whose own authorization applies (this reads
 * only the parcel it is given). Null for any other parcel, and for one whose door opened.
 */
export function pickupDoorNotOpened(ctx: Ctx, parcel: Collected): DoorNotOpened | null {
  if (parcel.state !== "collected" || parcel.slotId === null || parcel.closedAt === null) return null;
  const events = ctx.db.$client.prepare(SINCE_COLLECTION).all(parcel.slotId, parcel.closedAt, parcel.id) as {
    kind: string;
    at: number;
    slotLabel: string;
    lockerCode: string;
  }[];
  const last = events[0];
  if (!last || last.kind !== "open_failed") return null;
  const opens = events.filter((event) => event.kind === "open_command").length;
  const windowEnds = parcel.closedAt + DOOR_RETRY.windowMs;
  return {
    slotLabel: last.slotLabel,
    lockerCode: last.lockerCode,
    failedAt: last.at,
    retryUntil: windowEnds > ctx.now() && opens < DOOR_RETRY.maxOpens ? windowEnds : null,
  };
}
