import "server-only";
import { asc, eq } from "drizzle-orm";
import { LIVE_STATES_SQL, SIZES, type SlotSize } from "@/db/enums";
import { sites } from "@/db/schema";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import type { ForecastPoint, SiteForecast } from "./model";
import { currentForecast } from "./store";
import { crunchesOf, type Crunch } from "./warnings";

/*
 * The admin's view of the forecasts: per site and door size, the real occupancy of the
 * last 24 hours beside the forecast of the next 48, and the crunches to act on.
 */

const HOUR = 3_600_000;
const PAST_HOURS = 24;

export type OccupancyChart = {
  size: SlotSize;
  capacity: number;
  /**
   * Doors occupied at the start of each of the last 24 hours, and now. Empty in the
   * dashboard's views of sites without a warning: it draws no chart for them.
   */
  past: { at: number; occupied: number }[];
  forecast: ForecastPoint[];
};

export type SiteForecastView = {
  siteId: number;
  name: string;
  code: string;
  timeZone: string;
  computedAt: number;
  charts: OccupancyChart[];
  crunches: Crunch[];
  basis: SiteForecast["basis"];
};

// Every parcel that was in a door at some time in the window: the live ones, and the ones
// deposited that left since (collected or returned). Two look-ups, each through its own index
// (parcels_site_state, parcels_site_closed): one condition with an "or" walked every parcel
// the site ever had (issue 19).
const IN_DOORS = `select sl.size as size, coalesce(p.deposited_at, p.created_at) as inAt, null as outAt
  from parcels p join slots sl on sl.id = p.slot_id
  where p.site_id = ? and p.state in ${LIVE_STATES_SQL}
  union all
  select sl.size as size, p.deposited_at as inAt, p.closed_at as outAt
  from parcels p join slots sl on sl.id = p.slot_id
  where p.site_id = ? and p.closed_at > ? and p.deposited_at is not null and p.state not in ${LIVE_STATES_SQL}`;

/**
 * Every open site of the admin's organization with its forecast, by name, for the dashboard:
 * the real occupancy of the past day only for the sites with a warning, the ones it draws
 * charts for. Admins only.
 */
export function organizationForecasts(ctx: Ctx): SiteForecastView[] {
  const admin = requireAdmin(ctx);
  const rows = ctx.db
    .select({ id: sites.id, name: sites.name, code: sites.code, status: sites.status })
    .from(sites)
    .where(eq(sites.organizationId, admin.organizationId))
    .orderBy(asc(sites.name))
    .all();
  return rows.filter((site) => site.status === "open").flatMap((site) => {
    const view = siteForecastView(ctx, site, { past: "with a warning" });
    return view ? [view] : [];
  });
}

/**
 * One site's charts and crunches, for its own forecast page (and, past only where there is a
 * warning, the dashboard's); the caller has scoped the site.
 */
export function siteForecastView(
  ctx: Ctx,
  site: { id: number; name: string; code: string },
  options: { past: "always" | "with a warning" } = { past: "always" },
): SiteForecastView | undefined {
  const now = ctx.now();
  const forecast = currentForecast(ctx.db, site.id, now);
  if (!forecast) return undefined;
  const crunches = crunchesOf(forecast).filter((crunch) => crunch.until > now);
  const from = now - PAST_HOURS * HOUR;
  const inDoors =
    options.past === "always" || crunches.length > 0
      ? (ctx.db.$client.prepare(IN_DOORS).all(site.id, site.id, from) as { size: SlotSize; inAt: number; outAt: number | null }[])
      : null;
  const hourStart = forecast.sizes[0]?.points[1] ? forecast.sizes[0].points[1].at - HOUR : now;
  const times = [...Array.from({ length: PAST_HOURS }, (_, i) => hourStart - (PAST_HOURS - 1 - i) * HOUR), now].filter((t) => t <= now);
  const charts = SIZES.map((size): OccupancyChart => {
    const sizeForecast = forecast.sizes.find((s) => s.size === size)!;
    const mine = inDoors?.filter((p) => p.size === size);
    return {
      size,
      capacity: sizeForecast.capacity,
      past: mine ? times.map((at) => ({ at, occupied: mine.filter((p) => p.inAt <= at && (p.outAt === null || p.outAt > at)).length })) : [],
      // A stored forecast made up to a quarter of an hour ago: its past hours are history now.
      forecast: sizeForecast.points.filter((p) => p.at >= now - HOUR),
    };
  }).filter((chart) => chart.capacity > 0);
  return {
    siteId: site.id,
    name: site.name,
    code: site.code,
    timeZone: forecast.timeZone,
    computedAt: forecast.computedAt,
    charts,
    crunches,
    basis: forecast.basis,
  };
}
