import "server-only";
import { and, eq, isNull, lte, ne, sql } from "drizzle-orm";
import { equalsLiteral } from "@/db/literal";
import { preparedQuery } from "@/db/prepared";
import { parcels } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { queueParcelMessage } from "@/lib/notifications/outbox";
import { writeTransaction } from "@/db/transaction";
import { moveParcel } from "./transition";

/** How long a reserved door waits for the courier to close it. */
export const RESERVATION_MS = 10 * 60_000;
/** A reminder goes out this long before the hold period ends. */
export const REMINDER_BEFORE_MS = 24 * 3_600_000;

/**
 * Cancels reservations never deposited, freeing their doors. Call inside a transaction.
 * `keepParcelId` spares the reservation of a courier who is at the locker right now.
 */
export function lapseReservations(ctx: Ctx, siteId?: number, keepParcelId?: number): number {
  // Every reservation asks this of its site, and almost always finds nothing: that question
  // is prepared once per connection.
  const lapsed =
    siteId !== undefined && keepParcelId === undefined
      ? lapsedAtSite(ctx.db).all({ siteId, now: ctx.now() })
      : lapsedReservations(ctx, siteId, keepParcelId);
  for (const parcel of lapsed) moveParcel(ctx, parcel, "cancelled", { closedAt: ctx.now() }, { reason: "reservation lapsed" });
  return lapsed.length;
}

// Literal states, so these reads use their partial indexes (parcels_reserved_until,
// parcels_deposited_expires).
const RESERVED = equalsLiteral(parcels.state, "reserved");
const DEPOSITED = equalsLiteral(parcels.state, "deposited");

// Through parcels_reserved_until, whose range up to now holds only the lapsed reservations of
// the whole network (almost always none). The site is tested with a unary `+`, which keeps
// SQLite from choosing parcels_site_state instead: that index walks every reservation of the
// site still in progress, and at a busy site under load that cost 24 µs against 4.5 µs per
// reservation (issue 19).
const lapsedAtSite = preparedQuery((db) =>
  db
    .select()
    .from(parcels)
    .where(and(RESERVED, lte(parcels.reservedUntil, sql.placeholder("now")), sql`+${parcels.siteId} = ${sql.placeholder("siteId")}`))
    .prepare(),
);

function lapsedReservations(ctx: Ctx, siteId?: number, keepParcelId?: number) {
  return ctx.db
    .select()
    .from(parcels)
    .where(
      and(
        RESERVED,
        lte(parcels.reservedUntil, ctx.now()),
        siteId === undefined ? undefined : eq(parcels.siteId, siteId),
        keepParcelId === undefined ? undefined : ne(parcels.id, keepParcelId),
      ),
    )
    .all();
}

/** Marks deposited parcels past their deadline expired and tells the recipient. */
export function expireOverdueParcels(ctx: Ctx, siteId?: number): number {
  const overdue = ctx.db
    .select()
    .from(parcels)
    .where(
      and(
        DEPOSITED,
        lte(parcels.expiresAt, ctx.now()),
        siteId === undefined ? undefined : eq(parcels.siteId, siteId),
      ),
    )
    .all();
  for (const parcel of overdue) expireParcel(ctx, parcel);
  return overdue.length;
}

export function expireParcel(ctx: Ctx, parcel: typeof parcels.$inferSelect) {
  const expired = moveParcel(ctx, parcel, "expired", {}, { deadline: parcel.expiresAt });
  queueParcelMessage(ctx, expired, "parcel_expired");
  return expired;
}

/** Queues one reminder per parcel whose deadline is less than a day away. */
export function queueReminders(ctx: Ctx): number {
  const due = ctx.db
    .select()
    .from(parcels)
    .where(
      and(
        DEPOSITED,
        isNull(parcels.reminderQueuedAt),
        lte(parcels.expiresAt, ctx.now() + REMINDER_BEFORE_MS),
        sql`${parcels.expiresAt} > ${ctx.now()}`,
      ),
    )
    .all();
  for (const parcel of due) {
    ctx.db.update(parcels).set({ reminderQueuedAt: ctx.now() }).where(eq(parcels.id, parcel.id)).run();
    queueParcelMessage(ctx, parcel, "pickup_reminder");
  }
  return due.length;
}

/**
 * The periodic housekeeping: lapsed reservations, expired holds, reminders. Each parcel's
 * change commits with its event and message; run it from a timer or a cron.
 */
export function runParcelSweep(ctx: Ctx): { lapsed: number; expired: number; reminded: number } {
  return writeTransaction(ctx.db, () => ({
    lapsed: lapseReservations(ctx),
    expired: expireOverdueParcels(ctx),
    reminded: queueReminders(ctx),
  }));
}
