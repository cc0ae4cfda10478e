import "server-only";
import { and, eq } from "drizzle-orm";
import { outboundEvents, outboundParcels, type OutboundState } from "@/db/schema";
import { actorKind, actorUserId, type Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { assertOutboundTransition } from "./lifecycle";

export type OutboundRow = typeof outboundParcels.$inferSelect;
type Patch = Partial<Omit<typeof outboundParcels.$inferInsert, "id" | "state">>;

export type OutboundEventInput = {
  outboundParcelId: number;
  siteId: number;
  slotId: number | null;
  kind: string;
  from?: OutboundState | null;
  to?: OutboundState | null;
  detail?: Record<string, unknown>;
};

/** Writes one timeline row. Call inside the transaction that made the change. */
export function recordOutboundEvent(ctx: Ctx, event: OutboundEventInput): void {
  ctx.db
    .insert(outboundEvents)
    .values({
      outboundParcelId: event.outboundParcelId,
      siteId: event.siteId,
      slotId: event.slotId,
      kind: event.kind,
      fromState: event.from ?? null,
      toState: event.to ?? null,
      actorUserId: actorUserId(ctx.actor),
      actorKind: actorKind(ctx.actor),
      detail: event.detail ? JSON.stringify(event.detail) : null,
      at: ctx.now(),
    })
    .run();
}

/**
 * Moves an outbound parcel along one arrow and writes its event; guarded by the state it
 * was read in, so a change that raced past this one is refused, not overwritten. Call
 * inside a write transaction.
 */
export function moveOutbound(ctx: Ctx, row: OutboundRow, to: OutboundState, patch: Patch = {}, detail?: Record<string, unknown>): OutboundRow {
  assertOutboundTransition(row.state, to);
  const updated = ctx.db
    .update(outboundParcels)
    .set({ ...patch, state: to, updatedAt: ctx.now() })
    .where(and(eq(outboundParcels.id, row.id), eq(outboundParcels.state, row.state)))
    .returning()
    .get();
  if (!updated) throw new DomainError("CONFLICT", "shipmentChangedMeanwhile");
  recordOutboundEvent(ctx, {
    outboundParcelId: row.id,
    siteId: updated.siteId,
    slotId: updated.slotId ?? row.slotId,
    kind: to,
    from: row.state,
    to,
    detail,
  });
  return updated;
}
