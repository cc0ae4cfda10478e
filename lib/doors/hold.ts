import "server-only";
import { doorHeldSql } from "@/db/occupancy";
import type { Ctx } from "@/lib/context";
import type { OpenCommand } from "./open";

/*
 * A collection commits before its door is commanded open, so when the lock board does not
 * answer, the parcel is marked collected and its door is free — with the parcel still
 * behind it. Assignment must not send the next courier there: such a door is held out of
 * service until it opens (a retry at the kiosk) or an admin, having looked, puts it back.
 * A take-back needs no hold: its parcel stays expired, so live in its door, until the
 * courier confirms it is out (lib/parcels/take-back.ts).
 */

/** The reason a held door shows on its page; also how a later open knows the hold is ours to lift. */
export const HELD_DOOR_REASON = "Did not open for a pickup: the parcel may still be inside. Check the door, then put it back in service.";

/** The reason a door shows after it did not open for a customer's drop-off (lib/outbound/drop-off.ts). */
export const DROP_OFF_FAILED_REASON = "Did not open for a drop-off at the kiosk.";

/** Holds the door of a pickup whose open failed, unless it is already out of service or holds a live parcel. */
export function holdDoorAfterFailedPickup(ctx: Ctx, command: OpenCommand): void {
  ctx.db.$client
    .prepare(
      `update slots set in_service = 0, out_of_service_reason = ?
       where id = ? and in_service = 1 and retired_at is null
         and not ${doorHeldSql("slots.id")}`,
    )
    .run(HELD_DOOR_REASON, command.slotId);
}

/** Lifts that hold once the door has opened; an admin's own out-of-service reason stays. */
export function releaseHeldDoor(ctx: Ctx, command: OpenCommand): void {
  ctx.db.$client
    .prepare("update slots set in_service = 1, out_of_service_reason = null where id = ? and in_service = 0 and retired_at is null and out_of_service_reason = ?")
    .run(command.slotId, HELD_DOOR_REASON);
}
