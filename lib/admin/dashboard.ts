import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { organizations, sites, SIZES, type SlotSize } from "@/db/schema";
import { DOOR_HOLDERS_JOIN, HELD_STATE_SQL } from "@/db/occupancy";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { recentCabinetAlarms, type CabinetAlarm } from "@/lib/fleet/alarms";
import { cabinetPresence, type CabinetPresence } from "@/lib/fleet/presence";
import { kioskGuessingBySite, type SiteGuessing } from "@/lib/kiosk/attempts";
import { DAY_MS, dayKey, nextDayStart, prevailingTimeZone, startOfDay } from "@/lib/time";

/*
 * The admin's overview: where the network is full or broken right now, and how busy it
 * has been. Every figure is one grouped query filtered by the admin's organization.
 */

const ACTIVITY_DAYS = 14;

export type DoorCounts = { free: number; reserved: number; occupied: number; outOfService: number; total: number };

export type SiteOverview = {
  id: number;
  code: string;
  name: string;
  status: "open" | "closed";
  bySize: Record<SlotSize, DoorCounts>;
  doors: DoorCounts;
  /** Deposited parcels waiting for their recipient. */
  waiting: number;
  /** Of those, the ones whose pickup time ends before midnight (site time). */
  expiringToday: number;
  /** Expired parcels still in their door, waiting for the courier to take them back. */
  expired: number;
};

export type ActivityDay = { day: string; deposits: number; collections: number };

/** A door whose controller did not answer an open command lately: worth a look on site. */
export type StuckDoor = { siteId: number; siteName: string; timeZone: string; slotId: number; label: string; failures: number; lastAt: number };

/** How far back the dashboard looks for doors that did not open. */
const STUCK_DOOR_WINDOW_MS = 24 * 3_600_000;

/**
 * A message about a parcel that the outbox gave up on (every try refused or unanswered):
 * its recipient may not know their parcel is waiting, or its code.
 */
export type UndeliveredMessage = {
  id: number;
  parcelId: number;
  trackingNumber: string;
  siteName: string;
  /** The site's zone: the time the message was queued reads on its clock. */
  timeZone: string;
  kind: string;
  channel: "sms" | "email";
  recipient: string;
  lastError: string | null;
  at: number;
};

/** How far back the dashboard looks for messages that could not be sent. */
const UNDELIVERED_WINDOW_MS = 7 * 24 * 3_600_000;

export type Dashboard = {
  organization: string;
  today: string;
  sites: SiteOverview[];
  activity: ActivityDay[];
  /** Median time from deposit to collection over the parcels collected in the window. */
  medianWaitMs: number | null;
  collectedInWindow: number;
  /** Doors that did not open in the last STUCK_DOOR_WINDOW_MS, most recent first. */
  stuckDoors: StuckDoor[];
  /** Parcel messages queued in the last UNDELIVERED_WINDOW_MS that failed for good, newest first. */
  undeliveredMessages: UndeliveredMessage[];
  /** Sites whose kiosks saw wrong codes lately, with each kiosk's counts and slow-down (lib/kiosk/attempts.ts). */
  kioskGuessing: SiteGuessing[];
  /** Each cabinet's link (online / offline / last seen); empty with the simulated controller. */
  cabinets: (CabinetPresence & { siteName: string })[];
  /** Doors forced open, left open, tamper alarms: last 24 hours, newest first. */
  cabinetAlarms: CabinetAlarm[];
};

function counts(): DoorCounts {
  return { free: 0, reserved: 0, occupied: 0, outOfService: 0, total: 0 };
}

/** The dashboard of the admin's organization as of ctx.now(). Admins only. */
export function organizationDashboard(ctx: Ctx): Dashboard {
  const admin = requireAdmin(ctx);
  const org = admin.organizationId;
  const now = ctx.now();
  const organization = ctx.db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, org)).get()!;
  const siteRows = ctx.db.select().from(sites).where(eq(sites.organizationId, org)).orderBy(asc(sites.name)).all();

  // A site's own figures ("expiring today") follow its own calendar; the organization's
  // (its activity by day) follow the zone most of its sites keep.
  const zone = prevailingTimeZone(siteRows.map((site) => site.timeZone));
  const dayStarts = [startOfDay(zone, now)];
  while (dayStarts.length < ACTIVITY_DAYS) dayStarts.unshift(startOfDay(zone, dayStarts[0] - DAY_MS / 2));
  const windowStart = dayStarts[0];
  const windowEnd = nextDayStart(zone, dayStarts[ACTIVITY_DAYS - 1]);
  const dayIndex = sql`case ${sql.join(
    dayStarts.slice(1).map((start, index) => sql`when e.at < ${start} then ${index}`),
    sql` `,
  )} else ${ACTIVITY_DAYS - 1} end`;
  const endOfSiteToday = siteRows.length
    ? sql`case p.site_id ${sql.join(
        siteRows.map((site) => sql`when ${site.id} then ${nextDayStart(site.timeZone, startOfDay(site.timeZone, now))}`),
        sql` `,
      )} end`
    : sql`0`;

  // Retired doors are gone from the cabinet; they count nowhere.
  const doorRows = ctx.db.all<{ siteId: number; size: SlotSize; inService: number; state: string | null; n: number }>(sql`
    select s.site_id as siteId, s.size, s.in_service as inService, ${sql.raw(HELD_STATE_SQL)} as state, count(*) as n
    from slots s
    join sites st on st.id = s.site_id and st.organization_id = ${org}
    ${sql.raw(DOOR_HOLDERS_JOIN)}
    where s.retired_at is null
    group by s.site_id, s.size, s.in_service, ${sql.raw(HELD_STATE_SQL)}`);

  const parcelRows = ctx.db.all<{ siteId: number; waiting: number; expiringToday: number; expired: number }>(sql`
    select p.site_id as siteId,
           sum(p.state = 'deposited') as waiting,
           sum(p.state = 'deposited' and p.expires_at < ${endOfSiteToday}) as expiringToday,
           sum(p.state = 'expired') as expired
    from parcels p join sites st on st.id = p.site_id and st.organization_id = ${org}
    where p.state in ('deposited', 'expired')
    group by p.site_id`);

  const overview = siteRows.map((site): SiteOverview => {
    const bySize = Object.fromEntries(SIZES.map((size) => [size, counts()])) as Record<SlotSize, DoorCounts>;
    const doors = counts();
    for (const row of doorRows.filter((r) => r.siteId === site.id)) {
      const key: keyof DoorCounts =
        row.state === "reserved" ? "reserved" : row.state !== null ? "occupied" : row.inService ? "free" : "outOfService";
      for (const cell of [bySize[row.size], doors]) {
        cell[key] += row.n;
        cell.total += row.n;
      }
    }
    const parcels = parcelRows.find((r) => r.siteId === site.id);
    return {
      id: site.id,
      code: site.code,
      name: site.name,
      status: site.status,
      bySize,
      doors,
      waiting: parcels?.waiting ?? 0,
      expiringToday: parcels?.expiringToday ?? 0,
      expired: parcels?.expired ?? 0,
    };
  });

  // Events, not parcel columns: a parcel deposited on day 1 and collected on day 3
  // counts once on each day.
  const activityRows = ctx.db.all<{ dayIndex: number; deposits: number; collections: number }>(sql`
    select ${dayIndex} as dayIndex,
           sum(e.to_state = 'deposited') as deposits, sum(e.to_state = 'collected') as collections
    from parcel_events e join sites st on st.id = e.site_id and st.organization_id = ${org}
    where e.to_state in ('deposited', 'collected') and e.at >= ${windowStart} and e.at < ${windowEnd}
    group by dayIndex`);
  const activity: ActivityDay[] = Array.from({ length: ACTIVITY_DAYS }, (_, index) => {
    const row = activityRows.find((r) => r.dayIndex === index);
    return { day: dayKey(zone, dayStarts[index]), deposits: row?.deposits ?? 0, collections: row?.collections ?? 0 };
  });

  // The median wait in the database: how many, then the middle one or two (never the
  // thousands of waits of a busy fortnight read into JavaScript). parcels_site_closed holds
  // every column, so neither query reads the table.
  const collected = sql`
      from parcels p join sites st on st.id = p.site_id and st.organization_id = ${org}
      where p.state = 'collected' and p.closed_at >= ${windowStart} and p.deposited_at is not null`;
  const collectedInWindow = ctx.db.get<{ n: number }>(sql`select count(*) as n ${collected}`)!.n;
  const middleWaits =
    collectedInWindow === 0
      ? []
      : ctx.db
          .all<{ wait: number }>(sql`
            select p.closed_at - p.deposited_at as wait ${collected}
            order by wait limit ${2 - (collectedInWindow % 2)} offset ${Math.floor((collectedInWindow - 1) / 2)}`)
          .map((row) => row.wait);

  const stuckDoors = ctx.db.all<StuckDoor>(sql`
    select d.site_id as siteId, st.name as siteName, st.time_zone as timeZone, d.slot_id as slotId, s.label, count(*) as failures, max(d.at) as lastAt
    from door_events d
    join sites st on st.id = d.site_id and st.organization_id = ${org}
    join slots s on s.id = d.slot_id
    where d.kind = 'open_failed' and d.at >= ${now - STUCK_DOOR_WINDOW_MS}
    group by d.slot_id
    order by lastAt desc
    limit 20`);

  const undeliveredMessages = ctx.db.all<UndeliveredMessage>(sql`
    select n.id, n.parcel_id as parcelId, p.tracking_number as trackingNumber, st.name as siteName, st.time_zone as timeZone, n.kind,
           n.channel, n.recipient, substr(n.last_error, 1, 200) as lastError, n.created_at as at
    from notifications n
    join parcels p on p.id = n.parcel_id
    join sites st on st.id = p.site_id and st.organization_id = ${org}
    where n.status = 'failed' and n.created_at > ${now - UNDELIVERED_WINDOW_MS}
    order by n.created_at desc, n.id desc
    limit 20`);

  return {
    organization: organization.name,
    today: dayKey(zone, now),
    sites: overview,
    activity,
    medianWaitMs: median(middleWaits),
    collectedInWindow,
    stuckDoors,
    undeliveredMessages,
    kioskGuessing: kioskGuessingBySite(ctx),
    cabinets: cabinetPresence(ctx, siteRows.map((site) => site.id)).map((cabinet) => ({
      ...cabinet,
      siteName: siteRows.find((site) => site.id === cabinet.siteId)!.name,
    })),
    cabinetAlarms: recentCabinetAlarms(ctx, org),
  };
}

/** The middle value of an ascending list (the mean of the two middle ones if even). */
export function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}
