import "server-only";
import { sql } from "drizzle-orm";
import { preparedQuery } from "@/db/prepared";
import { doorEvents, type DoorEventKind, type DoorOpenPurpose } from "@/db/schema";
import { actorKind, actorUserId, type Ctx } from "@/lib/context";

/*
 * A door's history: every open command, open that failed, and closed confirmation, whoever
 * asked and whatever parcel it was for, and what a cabinet reported of it. The doors own
 * it, so the door-control module and a cabinet's reports write it without reaching into
 * the parcel lifecycle.
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
      purpose: sql.placeholder("purpose"),
      reason: sql.placeholder("reason"),
      messageId: sql.placeholder("messageId"),
      actorUserId: sql.placeholder("actorUserId"),
      actorKind: sql.placeholder("actorKind"),
      at: sql.placeholder("at"),
    })
    .onConflictDoNothing()
    .prepare(),
);

export type DoorEventInput = {
  slotId: number;
  siteId: number;
  parcelId: number | null;
  /** The outbound parcel (decision 0013) the door was opened or closed for, if it was one. */
  outboundParcelId?: number | null;
  kind: DoorEventKind;
  /** Why the software opened it: open_command and open_failed. */
  purpose?: DoorOpenPurpose;
  /** An admin's own words for a remote open, or the controller's error code of an open_failed. */
  reason?: string;
  /** A cabinet's report: recorded once by its message id, and by the cabinet ("device"), not by ctx's actor. */
  messageId?: string;
};

/**
 * Writes one door-history row; call inside the transaction that decided it. A cabinet's
 * report carrying a message id already recorded writes nothing and answers false.
 */
export function recordDoorEvent(ctx: Ctx, event: DoorEventInput): boolean {
  const fromCabinet = event.messageId !== undefined;
  const result = insertDoorEvent(ctx.db).run({
    slotId: event.slotId,
    siteId: event.siteId,
    parcelId: event.parcelId,
    outboundParcelId: event.outboundParcelId ?? null,
    kind: event.kind,
    purpose: event.purpose ?? null,
    reason: event.reason ?? null,
    messageId: event.messageId ?? null,
    actorUserId: fromCabinet ? null : actorUserId(ctx.actor),
    actorKind: fromCabinet ? "device" : actorKind(ctx.actor),
    at: ctx.now(),
  });
  return result.changes > 0;
}
