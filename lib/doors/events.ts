import "server-only";
import { sql } from "drizzle-orm";
import { preparedQuery } from "@/db/prepared";
import { doorEvents, type DoorEventKind } from "@/db/schema";
import { actorKind, actorUserId, type Ctx } from "@/lib/context";

/*
 * A door's history: every open command, open that failed, and closed confirmation, whoever
 * asked and whatever parcel it was for. The doors own it, so the door-control module and a
 * cabinet's reports write it without reaching into the parcel lifecycle.
 */

const insertDoorEvent = preparedQuery((db) =>
  db
    .insert(doorEvents)
    .values({
      slotId: sql.placeholder("slotId"),
      siteId: sql.placeholder("siteId"),
      parcelId: sql.placeholder("parcelId"),
      outboundParcelId: sql.placeholder("outboundParcelId"),
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
  /** The outbound parcel (decision 0013) the door was opened or closed for, if it was one. */
  outboundParcelId?: number | null;
  kind: DoorEventKind;
  reason?: string;
};

/** Writes one door-history row. Call inside the transaction that decided it. */
export function recordDoorEvent(ctx: Ctx, event: DoorEventInput): void {
  insertDoorEvent(ctx.db).run({
    slotId: event.slotId,
    siteId: event.siteId,
    parcelId: event.parcelId,
    outboundParcelId: event.outboundParcelId ?? null,
    kind: event.kind,
    reason: event.reason ?? null,
    actorUserId: actorUserId(ctx.actor),
    actorKind: actorKind(ctx.actor),
    at: ctx.now(),
  });
}
