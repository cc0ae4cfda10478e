import "server-only";
import { sql } from "drizzle-orm";
import { preparedQuery } from "@/db/prepared";
import { doorEvents, parcelEvents, type DoorEventKind, type ParcelState } from "@/db/schema";
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
  insertParcelEvent(ctx.db).run({
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
  });
}

// Every change of every parcel writes events: built once per connection.
const insertParcelEvent = preparedQuery((db) =>
  db
    .insert(parcelEvents)
    .values({
      parcelId: sql.placeholder("parcelId"),
      siteId: sql.placeholder("siteId"),
      slotId: sql.placeholder("slotId"),
      kind: sql.placeholder("kind"),
      fromState: sql.placeholder("fromState"),
      toState: sql.placeholder("toState"),
      actorUserId: sql.placeholder("actorUserId"),
      actorKind: sql.placeholder("actorKind"),
      detail: sql.placeholder("detail"),
      at: sql.placeholder("at"),
    })
    .prepare(),
);
const insertDoorEvent = preparedQuery((db) =>
  db
    .insert(doorEvents)
    .values({
      slotId: sql.placeholder("slotId"),
      siteId: sql.placeholder("siteId"),
      parcelId: sql.placeholder("parcelId"),
      kind: sql.placeholder("kind"),
      reason: sql.placeholder("reason"),
      actorUserId: sql.placeholder("actorUserId"),
      actorKind: sql.placeholder("actorKind"),
      at: sql.placeholder("at"),
    })
    .prepare(),
);

export type DoorEventInput = {
  slotId: number;
  siteId: number;
  parcelId: number | null;
  kind: DoorEventKind;
  reason?: string;
};

export function recordDoorEvent(ctx: Ctx, event: DoorEventInput): void {
  insertDoorEvent(ctx.db).run({
    slotId: event.slotId,
    siteId: event.siteId,
    parcelId: event.parcelId,
    kind: event.kind,
    reason: event.reason ?? null,
    actorUserId: actorUserId(ctx.actor),
    actorKind: actorKind(ctx.actor),
    at: ctx.now(),
  });
}
