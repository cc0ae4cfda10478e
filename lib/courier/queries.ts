import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, lte, or } from "drizzle-orm";
import { courierSites, lockers, parcelEvents, parcels, sites, slots, type SlotSize } from "@/db/schema";
import { courierServesSite, requireCourier, type CourierActor } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { DEFAULT_TIME_ZONE, startOfDay } from "@/lib/time";
import { loadVisibleParcel } from "@/lib/parcels/access";
import { TAKE_BACK_STARTED_EVENT, takeBackProgress } from "@/lib/parcels/take-back";
import { toParcelView, type ParcelView } from "@/lib/parcels/view";

/*
 * What the courier's screens read. Every function authorizes the way the verbs do: a
 * courier sees their own carrier's parcels at the sites they serve, and a site they do not
 * serve looks like a site that does not exist.
 */

function requireServedSite(ctx: Ctx, siteId: number): CourierActor {
  const courier = requireCourier(ctx);
  if (!courierServesSite(ctx, courier.userId, siteId)) throw notFound("That site");
  return courier;
}

/**
 * Parcels whose hold period is over. The sweep marks them expired on a timer, so a parcel
 * whose deadline passed since the last sweep is still "deposited" — it is due all the
 * same, and takeBackParcel expires it on the spot.
 */
function dueForTakeBack(now: number) {
  // The list of states first: with the two states only inside the `or`, SQLite searched the
  // (carrier, state) and (site, state) indexes by their first column alone and read every
  // parcel the carrier or site ever had (55,000 at a year: 4 ms on every courier page).
  return and(
    inArray(parcels.state, ["expired", "deposited"]),
    or(eq(parcels.state, "expired"), lte(parcels.expiresAt, now)),
  );
}

export type TakeBackParcel = ParcelView & {
  overdueMs: number;
  /**
   * A take-back already opened on it and not yet confirmed: by this courier or another, and
   * whether the door opened. The parcel stays in the list (and in its door) until confirmed.
   */
  takeBack: { byMe: boolean; doorOpened: boolean; startedAt: number } | null;
};

/**
 * The parcels at a site that the courier's carrier must take back, most overdue first.
 * Couriers serving the site only: NOT_FOUND for another site, FORBIDDEN for other roles.
 */
export function listTakeBack(ctx: Ctx, siteId: number): TakeBackParcel[] {
  const courier = requireServedSite(ctx, siteId);
  const now = ctx.now();
  return ctx.db
    .select()
    .from(parcels)
    .where(and(eq(parcels.siteId, siteId), eq(parcels.carrierId, courier.carrierId), dueForTakeBack(now)))
    .orderBy(asc(parcels.expiresAt), asc(parcels.id))
    .all()
    .map((parcel) => {
      const progress = takeBackProgress(ctx, parcel);
      return {
        ...toParcelView(ctx, parcel),
        overdueMs: now - (parcel.expiresAt ?? now),
        takeBack: progress
          ? { byMe: progress.courierId === courier.userId, doorOpened: progress.doorOpened, startedAt: progress.startedAt }
          : null,
      };
    });
}

/** How many parcels the courier's carrier must take back at each site the courier serves. */
export function countTakeBackBySite(ctx: Ctx): Map<number, number> {
  const courier = requireCourier(ctx);
  const rows = ctx.db
    .select({ siteId: parcels.siteId, id: parcels.id })
    .from(parcels)
    .innerJoin(courierSites, and(eq(courierSites.siteId, parcels.siteId), eq(courierSites.userId, courier.userId)))
    .where(and(eq(parcels.carrierId, courier.carrierId), dueForTakeBack(ctx.now())))
    .all();
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.siteId, (counts.get(row.siteId) ?? 0) + 1);
  return counts;
}

/**
 * The courier's own reservations at a site whose door is still held for them: doors they
 * opened and have not yet confirmed closed. A screen shows these so that a courier who
 * navigated away does not leave a parcel to lapse unnoticed. Couriers serving the site only.
 */
export function listOpenReservations(ctx: Ctx, siteId: number): ParcelView[] {
  const courier = requireServedSite(ctx, siteId);
  return ctx.db
    .select()
    .from(parcels)
    .where(
      and(
        eq(parcels.siteId, siteId),
        eq(parcels.carrierId, courier.carrierId),
        eq(parcels.courierId, courier.userId),
        eq(parcels.state, "reserved"),
        gt(parcels.reservedUntil, ctx.now()),
      ),
    )
    .orderBy(asc(parcels.reservedUntil))
    .all()
    .map((parcel) => toParcelView(ctx, parcel));
}

export type LockerMap = {
  code: string;
  rows: number;
  columns: number;
  doors: { label: string; row: number; column: number; size: SlotSize }[];
};

export type DepositScreen = {
  parcel: ParcelView;
  /** The courier typed it; kept so a parcel sent to another site keeps all its details. */
  recipientEmail: string | null;
  /** The cabinet holding the parcel's door, so the door can be found at a glance. */
  locker: LockerMap | null;
};

/**
 * One parcel as the courier's door screen shows it: the parcel, and the cabinet around its
 * door. Couriers of the parcel's carrier at its site; NOT_FOUND for anyone else's parcel.
 */
export function depositScreen(ctx: Ctx, parcelId: number): DepositScreen {
  requireCourier(ctx);
  const row = loadVisibleParcel(ctx, parcelId);
  return { parcel: toParcelView(ctx, row), recipientEmail: row.recipientEmail, locker: lockerAround(ctx, row.slotId) };
}

function lockerAround(ctx: Ctx, slotId: number | null): LockerMap | null {
  if (slotId === null) return null;
  const slot = ctx.db.select({ lockerId: slots.lockerId }).from(slots).where(eq(slots.id, slotId)).get();
  if (!slot) return null;
  const locker = ctx.db.select().from(lockers).where(eq(lockers.id, slot.lockerId)).get()!;
  const doors = ctx.db
    .select({ label: slots.label, row: slots.row, column: slots.column, size: slots.size })
    .from(slots)
    .where(eq(slots.lockerId, locker.id))
    .orderBy(asc(slots.row), asc(slots.column))
    .all();
  return { code: locker.code, rows: locker.rows, columns: locker.columns, doors };
}

export type CourierDayEntry = {
  parcel: ParcelView;
  /**
   * What the courier did with it today: put it in a door, took it back out (confirmed), or
   * opened its door to take it back without confirming yet — the parcel is still expired
   * in its door then; or handed it to its recipient in person (no door), or cancelled it.
   */
  activity: "deposit" | "take-back" | "take-back-unconfirmed" | "handed-over" | "cancelled";
  /** The courier's latest change to it today. */
  at: number;
};

export type CourierDay = {
  /** The earliest midnight among the courier's sites; each site's "today" starts at its own. */
  since: number;
  entries: CourierDayEntry[];
  deposited: number;
  /** Take-backs confirmed today. */
  takenBack: number;
  /** Doors opened for a take-back today that still wait for the courier's confirmation. */
  takeBackUnconfirmed: number;
};

/**
 * The parcels the courier handled today (since midnight at each parcel's site, in the
 * site's own time zone), latest first, with
 * their state now: deposits, open doors, cancellations and take-backs. Only the courier's
 * own carrier's parcels at sites they still serve. Couriers only.
 */
/** What the courier's own events of today did to `row`. */
function dayActivity(row: typeof parcels.$inferSelect, kinds: Set<string>): CourierDayEntry["activity"] {
  if (kinds.has("returned")) return "take-back";
  if (kinds.has("cancelled") && row.state === "cancelled") return row.handedOverAt !== null ? "handed-over" : "cancelled";
  if (kinds.has(TAKE_BACK_STARTED_EVENT)) {
    // Still expired: the door was opened but the parcel not confirmed out. Otherwise another
    // courier confirmed it since, and this courier's part was only the open.
    return row.state === "expired" ? "take-back-unconfirmed" : "take-back";
  }
  return "deposit";
}

export function listCourierToday(ctx: Ctx): CourierDay {
  const courier = requireCourier(ctx);
  const now = ctx.now();
  const served = ctx.db
    .select({ siteId: sites.id, timeZone: sites.timeZone })
    .from(courierSites)
    .innerJoin(sites, eq(sites.id, courierSites.siteId))
    .where(eq(courierSites.userId, courier.userId))
    .all();
  const todayAt = new Map(served.map((site) => [site.siteId, startOfDay(site.timeZone, now)]));
  const since = todayAt.size > 0 ? Math.min(...todayAt.values()) : startOfDay(DEFAULT_TIME_ZONE, now);
  const events = ctx.db
    .select({ parcelId: parcelEvents.parcelId, siteId: parcels.siteId, kind: parcelEvents.kind, at: parcelEvents.at })
    .from(parcelEvents)
    .innerJoin(parcels, eq(parcels.id, parcelEvents.parcelId))
    .innerJoin(courierSites, and(eq(courierSites.siteId, parcels.siteId), eq(courierSites.userId, courier.userId)))
    .where(
      and(
        eq(parcelEvents.actorUserId, courier.userId),
        gte(parcelEvents.at, since),
        eq(parcels.carrierId, courier.carrierId),
      ),
    )
    .orderBy(desc(parcelEvents.at), desc(parcelEvents.id))
    .all();

  const byParcel = new Map<number, { at: number; kinds: Set<string> }>();
  for (const event of events) {
    if (event.at < todayAt.get(event.siteId)!) continue;
    const entry = byParcel.get(event.parcelId) ?? { at: event.at, kinds: new Set<string>() };
    entry.kinds.add(event.kind);
    byParcel.set(event.parcelId, entry);
  }
  if (byParcel.size === 0) return { since, entries: [], deposited: 0, takenBack: 0, takeBackUnconfirmed: 0 };

  const rows = ctx.db.select().from(parcels).where(inArray(parcels.id, [...byParcel.keys()])).all();
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const entries: CourierDayEntry[] = [...byParcel.entries()].map(([parcelId, mine]) => {
    const row = rowById.get(parcelId)!;
    return { parcel: toParcelView(ctx, row), activity: dayActivity(row, mine.kinds), at: mine.at };
  });
  return {
    since,
    entries,
    deposited: [...byParcel.values()].filter((mine) => mine.kinds.has("deposited")).length,
    takenBack: [...byParcel.values()].filter((mine) => mine.kinds.has("returned")).length,
    takeBackUnconfirmed: entries.filter((entry) => entry.activity === "take-back-unconfirmed").length,
  };
}
