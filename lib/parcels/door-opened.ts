import "server-only";
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

/** The parcel event kind of a door the controller confirmed open for a pickup or a take-back. */
export const DOOR_OPENED_EVENT = "door_opened";

/**
 * Records that the door of `command` opened, inside sendOpen's `opened` transaction
 * (lib/doors/open.ts); for a pickup, queues the recipient's collected message with it
 * (once, whichever open it was).
 */
export function recordDoorOpened(ctx: Ctx, command: OpenCommand): void {
  if (command.parcelId === null) return;
  const pickup = command.purpose === "pickup" || command.purpose === "pickup_retry";
  recordParcelEvent(ctx, {
    parcelId: command.parcelId,
    siteId: command.siteId,
    slotId: command.slotId,
    kind: DOOR_OPENED_EVENT,
    detail: { for: pickup ? "pickup" : "take back", slot: command.slotLabel },
  });
  if (!pickup) return;
  const parcel = ctx.db.$client
    .prepare(
      `select id, recipient_phone as recipientPhone, recipient_email as recipientEmail from parcels p
       where id = ? and state = 'collected'
         and not exists (select 1 from notifications n where n.parcel_id = p.id and n.kind = 'parcel_collected')`,
    )
    .get(command.parcelId) as { id: number; recipientPhone: string; recipientEmail: string | null } | undefined;
  if (parcel) queueParcelMessage(ctx, parcel, "parcel_collected");
}
