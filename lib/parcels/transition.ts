import "server-only";
import { and, eq } from "drizzle-orm";
import { parcels, type ParcelState } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import type { ParcelRow } from "./access";
import { recordParcelEvent } from "./events";
import { assertTransition } from "./lifecycle";

type Patch = Partial<Omit<typeof parcels.$inferInsert, "id" | "state">>;

/**
 * Moves a parcel along one arrow of the lifecycle and writes its event. The update is
 * guarded by the state it was read in, so a change that raced past this one is refused
 * rather than overwritten. Call inside a write transaction.
 */
export function moveParcel(
  ctx: Ctx,
  parcel: ParcelRow,
  to: ParcelState,
  patch: Patch = {},
  detail?: Record<string, unknown>,
): ParcelRow {
  assertTransition(parcel.state, to);
  const updated = ctx.db
    .update(parcels)
    .set({ ...patch, state: to, updatedAt: ctx.now() })
    .where(and(eq(parcels.id, parcel.id), eq(parcels.state, parcel.state)))
    .returning()
    .get();
  if (!updated) throw new DomainError("CONFLICT", "parcelChangedMeanwhile");
  recordParcelEvent(ctx, {
    parcelId: parcel.id,
    siteId: updated.siteId,
    slotId: updated.slotId,
    kind: to,
    from: parcel.state,
    to,
    detail,
  });
  return updated;
}
