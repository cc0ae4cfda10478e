import "server-only";
import { sql } from "drizzle-orm";
import { preparedQuery } from "@/db/prepared";
import { parcelEvents, type ParcelState } from "@/db/schema";
import { actorKind, actorUserId, type Ctx } from "@/lib/context";

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
