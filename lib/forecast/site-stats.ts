import "server-only";
import { SIZES, type SlotSize } from "@/db/enums";
import { idOrNotFound, loadOrganizationSite } from "@/lib/auth/organization-scope";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { siteForecastView, type SiteForecastView } from "./admin";
import { dwellCurves, survivalAt } from "./dwell";
import { HISTORY_DAYS } from "./model";
import { doorsForEveryArrival, replayBestFit, type ReplayResult } from "./replay";
import { zoneClock } from "./zone-clock";

/*
 * What an admin needs to size a locker: how long parcels stay (the dwell-time curve), how
 * many are collected within one, two and three days, the busiest hours, and how many
 * doors of each size last month's parcels would have needed — replayed through the
 * assignment rule (replay.ts). A refusal at a full site leaves no parcel behind, so the
 * replay sees the parcels that got in: a site that turned many away needs more than this.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONTH_DAYS = 30;
export const DWELL_MARKS_HOURS = [1, 2, 4, 8, 12, 24, 48, 72, 96] as const;

export type SiteStats = {
  siteId: number;
  name: string;
  timeZone: string;
  holdPeriodHours: number;
  /** Parcels deposited in the window the curve rests on. */
  parcels: number;
  measured: boolean;
  /** Share still in its door this many hours after arriving. */
  dwell: { hours: number; stillWaiting: number }[];
  /** Of parcels deposited at least three days ago (so their end is known), the share collected within 1, 2, 3 days. */
  collectedWithin: { days: number; share: number }[] | null;
  /** How many parcels collectedWithin counts (the curve above counts every parcel of the window, the recent ones too). */
  collectedOf: number;
  /** Average arrivals per day in each local hour, over the last 28 days; busiest first. */
  busiestHours: { hour: number; perDay: number }[];
  /** The next 48 hours beside the last 24, when the background round has made a forecast. */
  forecast: SiteForecastView | undefined;
  sizing: {
    parcels: number;
    doorsNow: Record<SlotSize, number>;
    /** Doors per size that would have taken every parcel of the month in its own size. */
    doorsNeeded: Record<SlotSize, number>;
    /** The month replayed against the doors there are now. */
    withDoorsNow: ReplayResult;
  };
};

type Row = { size: SlotSize; doorSize: SlotSize; depositedAt: number; closedAt: number | null; state: string };

const PARCELS = `select p.size as size, sl.size as doorSize, p.deposited_at as depositedAt, p.closed_at as closedAt, p.state as state
  from parcels p join slots sl on sl.id = p.slot_id
  where p.site_id = ? and p.deposited_at >= ?`;
const DOORS = `select size, count(*) as doors from slots where site_id = ? and in_service = 1 and retired_at is null group by size`;

/** The statistics of one site of the admin's organization. Admins only; NOT_FOUND for another's site. */
export function siteStats(ctx: Ctx, rawSiteId: unknown): SiteStats {
  const admin = requireAdmin(ctx);
  const site = loadOrganizationSite(ctx, admin, idOrNotFound(rawSiteId, "That site"));
  const now = ctx.now();
  const from = now - HISTORY_DAYS * DAY;
  const rows = ctx.db.$client.prepare(PARCELS).all(site.id, from) as Row[];
  const clock = zoneClock(site.timeZone);
  const live = (row: Row) => row.state === "reserved" || row.state === "deposited" || row.state === "expired";
  const dwell = dwellCurves(
    rows.map((row) => ({ depositedAt: row.depositedAt, closedAt: live(row) ? null : row.closedAt })),
    from,
    now,
    site.holdPeriodHours,
    clock,
  );

  const finished = rows.filter((row) => row.depositedAt <= now - 3 * DAY);
  const collectedWithin =
    finished.length === 0
      ? null
      : [1, 2, 3].map((days) => ({
          days,
          share: finished.filter((row) => row.state === "collected" && row.closedAt !== null && row.closedAt - row.depositedAt <= days * DAY).length / finished.length,
        }));

  const recentFrom = now - 28 * DAY;
  // A site younger than four weeks: its deposits per day are over the days it has lived.
  const recentDays = Math.min(28, Math.max(1, (now - Math.max(site.createdAt, recentFrom)) / DAY));
  const byHour = new Array<number>(24).fill(0);
  for (const row of rows) if (row.depositedAt >= recentFrom) byHour[clock.hour(row.depositedAt)]++;
  const busiestHours = byHour
    .map((count, hour) => ({ hour, perDay: count / recentDays }))
    .filter((h) => h.perDay > 0)
    .sort((a, b) => b.perDay - a.perDay || a.hour - b.hour)
    .slice(0, 3);

  const month = rows
    .filter((row) => row.depositedAt >= now - MONTH_DAYS * DAY)
    .map((row) => ({ size: row.size, at: row.depositedAt, leavesAt: live(row) || row.closedAt === null ? now : row.closedAt }));
  const doorsNow = Object.fromEntries(SIZES.map((size) => [size, 0])) as Record<SlotSize, number>;
  for (const door of ctx.db.$client.prepare(DOORS).all(site.id) as { size: SlotSize; doors: number }[]) doorsNow[door.size] = door.doors;

  return {
    siteId: site.id,
    name: site.name,
    timeZone: site.timeZone,
    holdPeriodHours: site.holdPeriodHours,
    parcels: rows.length,
    measured: dwell.measured,
    dwell: DWELL_MARKS_HOURS.map((hours) => ({ hours, stillWaiting: survivalAt(dwell.pooled, hours) })),
    collectedWithin,
    collectedOf: finished.length,
    busiestHours,
    forecast: siteForecastView(ctx, site),
    sizing: { parcels: month.length, doorsNow, doorsNeeded: doorsForEveryArrival(month), withDoorsNow: replayBestFit(month, doorsNow) },
  };
}
