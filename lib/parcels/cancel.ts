import "server-only";
import { writeTransaction } from "@/db/transaction";
import { requireRole } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { loadVisibleParcel } from "./access";
import { CancelInput } from "./schemas";
import { moveParcel } from "./transition";
import { toParcelView, type ParcelView } from "./view";

/**
 * Cancels an announced parcel or a reservation whose door was never closed, freeing the
 * door. A courier of the carrier or an admin of the organization. Raises NOT_FOUND and
 * INVALID_TRANSITION (the parcel is already in its locker, or finished).
 */
export function cancelParcel(ctx: Ctx, raw: unknown): ParcelView {
  requireRole(ctx, "courier", "admin");
  const input = parseInput(CancelInput, raw);
  const parcel = writeTransaction(ctx.db, () => {
    const current = loadVisibleParcel(ctx, input.parcelId);
    if (current.state === "cancelled") return current;
    if (current.state !== "announced" && current.state !== "reserved") {
      throw new DomainError("INVALID_TRANSITION", "cancelOnlyEarly");
    }
    return moveParcel(ctx, current, "cancelled", { closedAt: ctx.now() }, { reason: input.reason });
  });
  return toParcelView(ctx, parcel);
}
