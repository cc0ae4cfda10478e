import "server-only";
import { doorEvents, parcelEvents, type ParcelState } from "@/db/schema";
import { actorUserId, type Actor, type Ctx } from "@/lib/context";

type ActorKind = "user" | "kiosk" | "system" | "device";

function actorKind(actor: Actor): ActorKind {
  // Anonymous callers are refused before they can change anything; "system" is a safe label.
  if (actor.kind === "anonymous") return "system";
  if (actor.kind === "user" && actor.viaTokenId !== undefined) return "device";
  return actor.kind;
}

export type ParcelEventInput = {
  parcelId: number;
  siteId: number;
  slotId: number | null;
  kind: string;
  from?: ParcelState | null;
  to?: ParcelState | null;
  detail?: Record<string, unknown>;
};

/** Writes one timeline row. Call inside the transaction that made the change. */
export function recordParcelEvent(ctx: Ctx, event: ParcelEventInput): void {
  ctx.db
    .insert(parcelEvents)
    .values({
      parcelId: event.parcelId,
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

export type DoorEventInput = {
  slotId: number;
  siteId: number;
  parcelId: number | null;
  kind: "open_command" | "closed";
  reason?: string;
};

export function recordDoorEvent(ctx: Ctx, event: DoorEventInput): void {
  ctx.db
    .insert(doorEvents)
    .values({
      slotId: event.slotId,
      siteId: event.siteId,
      parcelId: event.parcelId,
      kind: event.kind,
      reason: event.reason ?? null,
      actorUserId: actorUserId(ctx.actor),
      actorKind: actorKind(ctx.actor),
      at: ctx.now(),
    })
    .run();
}
