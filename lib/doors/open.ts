import "server-only";
import type { Ctx } from "@/lib/context";
import { recordDoorEvent } from "@/lib/parcels/events";
import type { DoorAddress } from "./door-controller";

const DOOR_ADDRESS = `
  select l.controller_id as controllerId, l.code as lockerCode, s.label as slotLabel,
         s.row, s.column, s.site_id as siteId
  from slots s join lockers l on l.id = s.locker_id where s.id = ?`;

export function doorAddress(ctx: Ctx, slotId: number): DoorAddress & { siteId: number } {
  return ctx.db.$client.prepare(DOOR_ADDRESS).get(slotId) as DoorAddress & { siteId: number };
}

/** Records the open command; call inside the transaction that decided to open. */
export function recordOpenCommand(ctx: Ctx, slotId: number, parcelId: number | null, reason?: string): DoorAddress {
  const address = doorAddress(ctx, slotId);
  recordDoorEvent(ctx, { slotId, siteId: address.siteId, parcelId, kind: "open_command", reason });
  return address;
}

/**
 * Sends the open command after commit — a lock board is never waited on while the
 * database is locked. A controller that does not answer yields false; the courier then
 * reports the door, which re-assigns the parcel.
 */
export async function sendOpen(ctx: Ctx, address: DoorAddress): Promise<boolean> {
  try {
    await ctx.doors.open(address);
    return true;
  } catch (error) {
    console.error(`door ${address.controllerId}/${address.slotLabel} did not open:`, error);
    return false;
  }
}
