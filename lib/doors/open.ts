import "server-only";
import type { Ctx } from "@/lib/context";
import { recordDoorEvent } from "./events";
import { doorName, type DoorAddress } from "@/lib/cabinet/door-controller";

const DOOR_ADDRESS = `
  select l.controller_id as controllerId, l.code as lockerCode, s.label as slotLabel,
         s.row, s.column, s.site_id as siteId
  from slots s join lockers l on l.id = s.locker_id where s.id = ?`;

export function doorAddress(ctx: Ctx, slotId: number): DoorAddress & { siteId: number } {
  return ctx.db.$client.prepare(DOOR_ADDRESS).get(slotId) as DoorAddress & { siteId: number };
}

/** An open command as recorded: where the door is, and what it was opened for. */
export type OpenCommand = DoorAddress & { slotId: number; siteId: number; parcelId: number | null };

/** Records the open command; call inside the transaction that decided to open. */
export function recordOpenCommand(ctx: Ctx, slotId: number, parcelId: number | null, reason?: string): OpenCommand {
  const address = doorAddress(ctx, slotId);
  recordDoorEvent(ctx, { slotId, siteId: address.siteId, parcelId, kind: "open_command", reason });
  return { ...address, slotId, parcelId };
}

/**
 * Sends the open command after commit — a lock board is never waited on while the
 * database is locked. A controller that does not answer yields false and an open_failed
 * door event; at a deposit the courier then reports the door (which re-assigns the
 * parcel); after a collection the door is held out of service (lib/doors/hold.ts); after a
 * collection or a take-back the person there may try again (lib/parcels/retry-door.ts).
 * Only a true answer lets what follows an open happen (lib/parcels/door-opened.ts).
 */
export async function sendOpen(ctx: Ctx, command: OpenCommand): Promise<boolean> {
  const { controllerId, lockerCode, slotLabel, row, column } = command;
  try {
    await ctx.doors.open({ controllerId, lockerCode, slotLabel, row, column });
    return true;
  } catch (error) {
    console.error(`door ${doorName(command)} did not open:`, error);
    // On the door's history, and what lets the kiosk offer the customer another try.
    recordDoorEvent(ctx, { slotId: command.slotId, siteId: command.siteId, parcelId: command.parcelId, kind: "open_failed" });
    return false;
  }
}
