import "server-only";
import type { Db } from "@/db/client";
import { LIVE_STATES_SQL, SIZES, type CalendarDayKind, type SlotSize } from "@/db/enums";
import { RESERVATION_MS } from "@/lib/parcels/sweep";
import { ANNOUNCED_FRESH_MS, type AnnouncedParcel } from "./announcements";
import { HISTORY_DAYS, type ForecastInput, type ForecastParcel } from "./model";

/*
 * What the forecast of one site reads: six small queries, each an index range of that
 * site (parcels_site_deposited, parcels_site_state, slots_assignment,
 * parcel_events_site_state_at). The statements are plain SQL text, so the connection's
 * statement cache prepares each once.
 */

const HOUR = 3_600_000;

const SITE = `select time_zone as timeZone, hold_period_hours as holdPeriodHours, created_at as createdAt, organization_id as organizationId
  from sites where id = ?`;
const CAPACITY = `select size, count(*) as doors from slots
  where site_id = ? and in_service = 1 and retired_at is null group by size`;
// The door's size, and the declared one (an upsized parcel fills a bigger door). A row is
// made when a parcel is announced or, unannounced, when its door is reserved, which lapses
// after RESERVATION_MS: a row older than that at deposit was announced first (created_at is
// when), the lead the forecast learns (announcements.ts). So a reservation's time is its
// last change (updated_at), not its created_at, which may be an announcement's.
const PARCELS = `select sl.size as size, coalesce(p.deposited_at, p.updated_at) as depositedAt,
    case when p.state in ${LIVE_STATES_SQL} then null else p.closed_at end as closedAt,
    case when p.deposited_at - p.created_at > ? then p.created_at end as announcedAt, p.size as declaredSize
  from parcels p join slots sl on sl.id = p.slot_id
  where p.site_id = ? and p.deposited_at >= ?
  union all
  select sl.size, coalesce(p.deposited_at, p.updated_at), null, null, p.size
  from parcels p join slots sl on sl.id = p.slot_id
  where p.site_id = ? and p.state in ${LIVE_STATES_SQL} and coalesce(p.deposited_at, 0) < ?`;
// A parcel the courier keeps to hand over in person will not come to a door.
const ANNOUNCED = `select size, created_at as announcedAt from parcels
  where site_id = ? and state = 'announced' and created_at >= ? and deliver_in_person_at is null`;
// Announcements (their events: a parcel's row does not say it was announced) that never
// came to a door: cancelled, handed over in person, or still announced and stale.
const MISSED = `select count(distinct e.parcel_id) as missed from parcel_events e join parcels p on p.id = e.parcel_id
  where e.site_id = ? and e.to_state = 'announced' and e.at >= ? and e.at < ? and p.deposited_at is null`;
// A site's own mark wins over its organization's for the same day.
const MARKS = `select day, kind, site_id as siteId from forecast_calendar_days
  where (site_id = ? or (site_id is null and organization_id = ?)) and day >= ? order by site_id is not null`;

type SiteRow = { timeZone: string; holdPeriodHours: number; createdAt: number; organizationId: number };

/** The forecast's input for `siteId` at `now`, or undefined when there is no such site. */
export function loadForecastInput(db: Db, siteId: number, now: number): ForecastInput | undefined {
  const client = db.$client;
  const site = client.prepare(SITE).get(siteId) as SiteRow | undefined;
  if (!site) return undefined;
  const from = now - HISTORY_DAYS * 24 * HOUR;
  const capacity = doorsBySize(client.prepare(CAPACITY).all(siteId) as { size: SlotSize; doors: number }[]);
  const parcels = client.prepare(PARCELS).all(RESERVATION_MS, siteId, from, siteId, from) as ForecastParcel[];
  const announced = client.prepare(ANNOUNCED).all(siteId, now - ANNOUNCED_FRESH_MS) as AnnouncedParcel[];
  const { missed } = client.prepare(MISSED).get(siteId, from, now - ANNOUNCED_FRESH_MS) as { missed: number };
  const firstDay = new Date(from - 2 * 24 * HOUR).toISOString().slice(0, 10);
  const marks = new Map<string, CalendarDayKind>();
  for (const mark of client.prepare(MARKS).all(siteId, site.organizationId, firstDay) as { day: string; kind: CalendarDayKind }[]) {
    marks.set(mark.day, mark.kind);
  }
  // A site's parcels can be older than its row (a site moved in from another system, the
  // demo's backdated history): its history starts at whichever came first.
  let since = site.createdAt;
  for (const parcel of parcels) if (parcel.depositedAt < since) since = parcel.depositedAt;
  return {
    now,
    timeZone: site.timeZone,
    holdPeriodHours: site.holdPeriodHours,
    capacity,
    parcels,
    announced,
    missedAnnouncements: missed,
    marks,
    since,
  };
}

function doorsBySize(rows: { size: SlotSize; doors: number }[]): Record<SlotSize, number> {
  const counts = Object.fromEntries(SIZES.map((size) => [size, 0])) as Record<SlotSize, number>;
  for (const row of rows) counts[row.size] = row.doors;
  return counts;
}
