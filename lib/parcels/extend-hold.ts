import "server-only";
import { and, eq } from "drizzle-orm";
import { parcels } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { requireRole } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { loadVisibleParcel } from "./access";
import { recordParcelEvent } from "./events";
import { ParcelRef } from "./schemas";
import { toParcelView, type ParcelView } from "./view";

export const HOLD_EXTENSION_MS = 24 * 3_600_000;

/**
 * Moves a waiting parcel's deadline a day later, once. The recipient (verified phone) or
 * an admin of the site's organization. Raises NOT_FOUND, CONFLICT (already extended) and
 * INVALID_TRANSITION (not waiting, or already past its deadline).
 */
export function extendHold(ctx: Ctx, raw: unknown): ParcelView {
  requireRole(ctx, "customer", "admin");
  const { parcelId } = parseInput(ParcelRef, raw);
  const parcel = writeTransaction(ctx.db, () => {
    const current = loadVisibleParcel(ctx, parcelId);
    if (current.state !== "deposited" || current.expiresAt! <= ctx.now()) {
      throw new DomainError("INVALID_TRANSITION", "extendOnlyWaiting");
    }
    if (current.holdExtended) throw new DomainError("CONFLICT", "extendAlreadyOnce");
    const expiresAt = current.expiresAt! + HOLD_EXTENSION_MS;
    const updated = ctx.db
      .update(parcels)
      .set({ expiresAt, holdExtended: true, reminderQueuedAt: null, updatedAt: ctx.now() })
      .where(and(eq(parcels.id, current.id), eq(parcels.holdExtended, false)))
      .returning()
      .get();
    if (!updated) throw new DomainError("CONFLICT", "extendAlreadyOnce");
    recordParcelEvent(ctx, {
      parcelId: current.id,
      siteId: current.siteId,
      slotId: current.slotId,
      kind: "hold_extended",
      detail: { from: current.expiresAt, to: expiresAt },
    });
    return updated;
  });
  return toParcelView(ctx, parcel);
}
