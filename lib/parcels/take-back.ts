import "server-only";
import { writeTransaction } from "@/db/transaction";
import { requireCourier } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { holdDoorAfterFailedPickup } from "@/lib/doors/hold";
import { recordOpenCommand, sendOpen } from "@/lib/doors/open";
import { DomainError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { loadVisibleParcel } from "./access";
import { ParcelRef } from "./schemas";
import { expireParcel } from "./sweep";
import { moveParcel } from "./transition";
import { toParcelView, type ParcelView } from "./view";

/**
 * A courier of the parcel's carrier takes an expired parcel back out of its door: the
 * door opens, the parcel becomes returned and its door is free. Couriers at the parcel's
 * site only; a retry returns the first answer. Raises NOT_FOUND, FORBIDDEN and
 * INVALID_TRANSITION (not expired yet, or already collected).
 */
export async function takeBackParcel(ctx: Ctx, raw: ParcelRef): Promise<{ parcel: ParcelView; replayed: boolean; doorOpened: boolean }> {
  requireCourier(ctx);
  const { parcelId } = parseInput(ParcelRef, raw);
  const outcome = writeTransaction(ctx.db, () => {
    let parcel = loadVisibleParcel(ctx, parcelId);
    if (parcel.state === "returned") return { parcel, door: null };
    if (parcel.state === "deposited" && parcel.expiresAt! <= ctx.now()) parcel = expireParcel(ctx, parcel);
    if (parcel.state !== "expired") {
      throw new DomainError("INVALID_TRANSITION", "Only parcels whose pickup time is over can be taken back.");
    }
    const door = recordOpenCommand(ctx, parcel.slotId!, parcel.id, "take back");
    // No "door closed" event: nobody confirms the courier shut it, and the history should
    // only say what is known.
    const returned = moveParcel(ctx, parcel, "returned", { closedAt: ctx.now() });
    return { parcel: returned, door };
  });
  const doorOpened = outcome.door ? await sendOpen(ctx, outcome.door) : false;
  if (outcome.door && !doorOpened) holdDoorAfterFailedPickup(ctx, outcome.door);
  return { parcel: toParcelView(ctx, outcome.parcel), replayed: outcome.door === null, doorOpened };
}
