import "server-only";
import type { Db } from "@/db/client";
import { LIVE_STATES_SQL, SIZES, type CalendarDayKind, type SlotSize } from "@/db/enums";
import { HISTORY_DAYS, type ForecastInput, type ForecastParcel } from "./model";

/*
 * What the forecast of one site reads: five small queries, each an index range of that
 * site (parcels_site_deposited, parcels_site_state, slots_assignment). The statements are
 * plain SQL text, so the connection's statement cache prepares each once.
 */

const HOUR = 3_600_000;
/** An announcement older than this is a parcel that went elsewhere, not one on its way. */
const ANNOUNCED_FRESH_MS = 72 * HOUR;

const SITE = `select time_zone as timeZone, hold_period_hours as holdPeriodHours, created_at as createdAt, organization_id as organizationId
  from sites where id = ?`;
const CAPACITY = `select size, count(*) as doors from slots
  where site_id = ? and in_service = 1 and retired_at is null group by size`;
// The door's size, not the declared one: an upsized parcel fills a bigger door.
const PARCELS = `select sl.size as size, coalesce(p.deposited_at, p.created_at) as depositedAt,
    case when p.state in ${LIVE_STATES_SQL} then null else p.closed_at end as closedAt
  from parcels p join slots sl on sl.id = p.slot_id
  where p.site_id = ? and p.deposited_at >= ?
  union all
  select sl.size, coalesce(p.deposited_at, p.created_at), null
  from parcels p join slots sl on sl.id = p.slot_id
  where p.site_id = ? and p.state in ${LIVE_STATES_SQL} and coalesce(p.deposited_at, 0) < ?`;
const ANNOUNCED = `select size, count(*) as parcels from parcels
  where site_id = ? and state = 'announced' and created_at >= ? group by size`;
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
  const capacity = bySize(client.prepare(CAPACITY).all(siteId) as { size: SlotSize; doors: number }[], "doors");
  const parcels = client.prepare(PARCELS).all(siteId, from, siteId, from) as ForecastParcel[];
  const announced = bySize(client.prepare(ANNOUNCED).all(siteId, now - ANNOUNCED_FRESH_MS) as { size: SlotSize; parcels: number }[], "parcels");
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
    marks,
    since,
  };
}

function bySize<K extends string>(rows: ({ size: SlotSize } & Record<K, number>)[], key: K): Record<SlotSize, number> {
  const counts = Object.fromEntries(SIZES.map((size) => [size, 0])) as Record<SlotSize, number>;
  for (const row of rows) counts[row.size] = row[key];
  return counts;
}
