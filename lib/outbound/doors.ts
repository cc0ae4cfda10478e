import "server-only";
import type { Ctx } from "@/lib/context";
import { doorName } from "@/lib/doors/door-controller";
import { recordDoorEvent } from "@/lib/doors/events";
import { doorAddress } from "@/lib/doors/open";

/*
 * Doors opened for outbound parcels go through the same door-control module as every
 * other open, and their history names the outbound parcel (door_events.outbound_parcel_id).
 */

export type OutboundDoor = { slotId: number; siteId: number; outboundParcelId: number; controllerId: string; lockerCode: string; slotLabel: string; row: number; column: number };

/** Records the open command; call inside the transaction that decided to open. */
export function recordOutboundOpen(ctx: Ctx, slotId: number, outboundParcelId: number, reason: string): OutboundDoor {
  const address = doorAddress(ctx, slotId);
  recordDoorEvent(ctx, { slotId, siteId: address.siteId, parcelId: null, outboundParcelId, kind: "open_command", reason });
  return { ...address, slotId, outboundParcelId };
}

/** Sends the open after commit; a controller that does not answer is an open_failed door event and false. */
export async function sendOutboundOpen(ctx: Ctx, door: OutboundDoor): Promise<boolean> {
  const { controllerId, lockerCode, slotLabel, row, column } = door;
  try {
    await ctx.doors.open({ controllerId, lockerCode, slotLabel, row, column });
    return true;
  } catch (error) {
    console.error(`door ${doorName(door)} did not open for outbound parcel ${door.outboundParcelId}:`, error);
    recordDoorEvent(ctx, { slotId: door.slotId, siteId: door.siteId, parcelId: null, outboundParcelId: door.outboundParcelId, kind: "open_failed" });
    return false;
  }
}
