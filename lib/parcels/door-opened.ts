import "server-only";
import { writeTransaction } from "@/db/transaction";
import type { Ctx } from "@/lib/context";
import type { OpenCommand } from "@/lib/doors/open";
import { queueParcelMessage } from "@/lib/notifications/outbox";
import { recordParcelEvent } from "./events";

/*
 * A collection and a take-back commit before their door is commanded open (decision 0007),
 * so the commit alone does not say the parcel came out. What is only true once the door
 * opened — the recipient's "your parcel was collected", a take-back the courier may confirm
 * — waits for the controller's answer and is written here, in one transaction with the
 * parcel event that records it. A door that never opens never writes it.
 */

export type DoorPurpose = "pickup" | "take back";

/** The parcel event kind of a door the controller confirmed open for a pickup or a take-back. */
export const DOOR_OPENED_EVENT = "door_opened";

/**
 * Records that the door of `command` opened, after `sendOpen` said so; for a pickup, queues
 * the recipient's collected message with it (once, whichever open it was). The door is open
 * whatever happens here, so a failure to write is logged rather than turned into an error
 * the person at the door would read as "it did not open".
 */
export function recordDoorOpened(ctx: Ctx, command: OpenCommand, purpose: DoorPurpose): void {
  if (command.parcelId === null) return;
  const parcelId = command.parcelId;
  try {
    writeTransaction(ctx.db, () => {
      recordParcelEvent(ctx, {
        parcelId,
        siteId: command.siteId,
        slotId: command.slotId,
        kind: DOOR_OPENED_EVENT,
        detail: { for: purpose, slot: command.slotLabel },
      });
      if (purpose !== "pickup") return;
      const parcel = ctx.db.$client
        .prepare(
          `select id, recipient_phone as recipientPhone, recipient_email as recipientEmail from parcels p
           where id = ? and state = 'collected'
             and not exists (select 1 from notifications n where n.parcel_id = p.id and n.kind = 'parcel_collected')`,
        )
        .get(parcelId) as { id: number; recipientPhone: string; recipientEmail: string | null } | undefined;
      if (parcel) queueParcelMessage(ctx, parcel, "parcel_collected");
    });
  } catch (error) {
    console.error(`door ${command.controllerId}/${command.slotLabel} opened, but recording it failed:`, error);
  }
}
