import "server-only";
import type { DoorOpenPurpose, SlotSize } from "@/db/schema";
import { durable } from "@/db/group-commit";
import { writeTransaction } from "@/db/transaction";
import type { Ctx } from "@/lib/context";
import { recordDoorEvent } from "./events";
import { doorName, type DoorAddress } from "@/lib/cabinet/door-controller";

/**
 * A door as the assignment (lib/slots/assignment.ts) or a parcel's slot names it, read
 * once: where it is for the controller, and what the screens call it. It travels with the
 * deposit from the assignment to the open command and the courier's screen.
 */
export type Door = DoorAddress & { slotId: number; siteId: number; size: SlotSize };

const DOOR = `
  select s.id as slotId, s.site_id as siteId, l.controller_id as controllerId, l.code as lockerCode,
         s.label as slotLabel, s.row, s.column, s.size
  from slots s join lockers l on l.id = s.locker_id where s.id = ?`;

/** The door of a slot, for a verb that starts from a parcel already in it. */
export function loadDoor(ctx: Ctx, slotId: number): Door {
  return ctx.db.$client.prepare(DOOR).get(slotId) as Door;
}

/**
 * An open command as recorded: which door, for which parcel (an inbound one, or an outbound
 * one of decision 0013), and why.
 */
export type OpenCommand = Door & { parcelId: number | null; outboundParcelId?: number; purpose: DoorOpenPurpose };

/**
 * Records the open command; call inside the transaction that decided to open. `reason`
 * is an admin's own words for a remote open, nothing else.
 */
export function recordOpenCommand(ctx: Ctx, door: Door, parcelId: number | null, purpose: DoorOpenPurpose, reason?: string): OpenCommand {
  recordDoorEvent(ctx, { slotId: door.slotId, siteId: door.siteId, parcelId, kind: "open_command", purpose, reason });
  return { ...door, parcelId, purpose };
}

/** recordOpenCommand for an outbound parcel: a customer's drop-off, or its carrier taking it away. */
export function recordOutboundOpenCommand(ctx: Ctx, door: Door, outboundParcelId: number, purpose: "drop_off" | "outbound_pickup"): OpenCommand {
  recordDoorEvent(ctx, { slotId: door.slotId, siteId: door.siteId, parcelId: null, outboundParcelId, kind: "open_command", purpose });
  return { ...door, parcelId: null, outboundParcelId, purpose };
}

/** What follows an open, written in the one transaction that records how it went. */
export type AfterOpen = {
  /** Only once the controller confirmed the door open (e.g. the recipient's "collected"). */
  opened?: () => void;
  /** With the open_failed row (e.g. holding the door of a failed pickup, lib/doors/hold.ts). */
  failed?: () => void;
};

/**
 * Sends the open command after commit — a lock board is never waited on while the
 * database is locked — then writes its consequences in ONE transaction (decision 0003):
 * open_failed and `after.failed` when the controller did not confirm, `after.opened` when
 * it did. At a deposit the courier then reports the door (which re-assigns the parcel);
 * after a collection the door is held out of service (lib/doors/hold.ts); after a
 * collection or a take-back the person there may try again (lib/parcels/retry-door.ts).
 */
export async function sendOpen(ctx: Ctx, command: OpenCommand, after: AfterOpen = {}): Promise<boolean> {
  const { controllerId, lockerCode, slotLabel, row, column } = command;
  // A door opens only for what is on disk: a crash must not leave an open door that the
  // records say was never opened for this parcel (db/group-commit.ts). When the commit
  // fails this throws, and the request answers with an error, its door shut.
  await durable(ctx.db);
  try {
    await ctx.doors.open({ controllerId, lockerCode, slotLabel, row, column });
  } catch (error) {
    // One line: a jammed or offline door is an expected event, not a crash to trace.
    console.warn(`door ${doorName(command)} did not open: ${error instanceof Error ? error.message : String(error)}`);
    const code = typeof (error as { code?: unknown }).code === "string" ? (error as { code: string }).code : null;
    writeTransaction(ctx.db, () => {
      // On the door's history, and what lets the kiosk offer the customer another try.
      recordDoorEvent(ctx, {
        slotId: command.slotId,
        siteId: command.siteId,
        parcelId: command.parcelId,
        outboundParcelId: command.outboundParcelId,
        kind: "open_failed",
        purpose: command.purpose,
        reason: code ?? undefined,
      });
      after.failed?.();
    });
    return false;
  }
  if (after.opened) {
    try {
      writeTransaction(ctx.db, after.opened);
    } catch (error) {
      // The door is open whatever happens here: a failure to write is logged rather than
      // turned into an error the person at the door would read as "it did not open".
      console.error(`door ${doorName(command)} opened, but recording it failed:`, error);
    }
  }
  return true;
}
