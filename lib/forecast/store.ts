import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { LIVE_STATES_SQL } from "@/db/enums";
import { siteForecasts } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import type { Ctx, SystemActor } from "@/lib/context";
import { loadForecastInput } from "./load";
import { forecastSite, type SiteForecast } from "./model";
import { queueCrunchReminders } from "./reminders";
import { yieldToRequests } from "@/lib/yield";

/*
 * Stored forecasts. The background round refreshes the stalest ones within a small budget
 * each time it runs, so 170,000 sites are refreshed in turn instead of all at once; screens
 * and the API read the stored row and compute afresh only when it is missing or stale.
 */

/** A forecast older than this is refreshed by the next round. */
export const FORECAST_REFRESH_MS = 15 * 60_000;
/**
 * A fresh forecast whose doors moved waits this many times what computing it last took
 * before the round catches it up. A busy site's doors move every few seconds, and its
 * forecast reads the site's eight weeks of parcels in one piece (15–56 ms at a year's
 * volume): caught up every round, twenty busy sites held the event loop that long each,
 * every 10 s, and pushed the API's p99 up minute by minute (docs/PERFORMANCE.md). So a
 * site's catching up costs at most a thousandth of a core: a small site's forecast follows
 * its doors within a second, a year-sized station's within a minute. A forecast of the
 * hours ahead loses nothing by starting a minute behind; the charts draw the real
 * occupancy of now beside it.
 */
export const CATCH_UP_WAIT_PER_COST = 1000;
const lastCosts = new WeakMap<Db, Map<number, number>>();

/** Records what computing `siteId`'s forecast took (ms of wall time); this process only. */
export function noteForecastCost(db: Db, siteId: number, ms: number): void {
  let costs = lastCosts.get(db);
  if (!costs) lastCosts.set(db, (costs = new Map()));
  costs.set(siteId, ms);
}

/** A forecast this process never computed is caught up at once. */
function catchUpDue(db: Db, siteId: number, age: number): boolean {
  const cost = lastCosts.get(db)?.get(siteId);
  return cost === undefined || age >= cost * CATCH_UP_WAIT_PER_COST;
}
/** Older than this, a reader computes its own. */
const FORECAST_TRUST_MS = FORECAST_REFRESH_MS;

// A deposit or a collection since the row was stored changes the forecast's starting point.
const LIVE_BY_SIZE = `select sl.size as size, count(*) as parcels from parcels p join slots sl on sl.id = p.slot_id
  where p.site_id = ? and p.state in ${LIVE_STATES_SQL} group by sl.size`;

function stillTrue(db: Db, siteId: number, forecast: SiteForecast): boolean {
  const live = new Map((db.$client.prepare(LIVE_BY_SIZE).all(siteId) as { size: string; parcels: number }[]).map((row) => [row.size, row.parcels]));
  return forecast.sizes.every((size) => (live.get(size.size) ?? 0) === size.occupiedNow);
}
/** How long one round may spend forecasting before it leaves the rest to the next. */
const ROUND_BUDGET_MS = 500;
const ROUND_MAX_SITES = 500;

const FRESH_FORECASTS = `select f.site_id as id, f.computed_at as computedAt, f.body from site_forecasts f join sites s on s.id = f.site_id
  where s.status = 'open' and f.computed_at >= ? order by f.computed_at limit ?`;

const STALE_SITES = `select s.id from sites s left join site_forecasts f on f.site_id = s.id
  where s.status = 'open' and (f.computed_at is null or f.computed_at < ?)
  order by coalesce(f.computed_at, 0), s.id limit ?`;

/**
 * Forecasts the sites whose forecast is stale, stalest first, and queues the collect-today
 * reminders a crunch calls for (reminders.ts) in the same transaction. For the background
 * round (a system context). It lets waiting requests run after each site: one forecast
 * takes a few milliseconds, and twenty busy sites in a row held the event loop for 100-200 ms
 * every round (issue 19).
 */
export async function refreshStaleForecasts(ctx: Ctx<SystemActor>): Promise<{ refreshed: number; reminders: number }> {
  const began = Date.now();
  const now = ctx.now();
  const overBudget = () => Date.now() - began > ROUND_BUDGET_MS;
  const stale = ctx.db.$client.prepare(STALE_SITES).all(now - FORECAST_REFRESH_MS, ROUND_MAX_SITES) as { id: number }[];
  let refreshed = 0;
  let reminders = 0;
  for (const { id } of stale) {
    reminders += refreshSiteForecast(ctx, id);
    refreshed++;
    if (overBudget()) return { refreshed, reminders };
    await yieldToRequests();
  }
  // Then the fresh ones whose doors moved since (a deposit, a collection), each once its
  // cost allows (CATCH_UP_WAIT_PER_COST): readers trust a fresh stored forecast and never
  // compute one, so it is this round that catches them up.
  const fresh = ctx.db.$client.prepare(FRESH_FORECASTS).all(now - FORECAST_REFRESH_MS, ROUND_MAX_SITES) as { id: number; computedAt: number; body: string }[];
  for (const row of fresh) {
    if (overBudget()) break;
    if (!catchUpDue(ctx.db, row.id, now - row.computedAt)) continue;
    if (stillTrue(ctx.db, row.id, JSON.parse(row.body) as SiteForecast)) continue;
    reminders += refreshSiteForecast(ctx, row.id);
    refreshed++;
    await yieldToRequests();
  }
  return { refreshed, reminders };
}

/** Computes and stores one site's forecast now; returns the reminders it queued. */
export function refreshSiteForecast(ctx: Ctx, siteId: number): number {
  const began = performance.now();
  const reminders = writeTransaction(ctx.db, () => {
    const input = loadForecastInput(ctx.db, siteId, ctx.now());
    if (!input) return 0;
    const forecast = forecastSite(input);
    const body = JSON.stringify(forecast);
    ctx.db
      .insert(siteForecasts)
      .values({ siteId, computedAt: forecast.computedAt, body })
      .onConflictDoUpdate({ target: siteForecasts.siteId, set: { computedAt: forecast.computedAt, body } })
      .run();
    return queueCrunchReminders(ctx, siteId, forecast);
  });
  noteForecastCost(ctx.db, siteId, performance.now() - began);
  return reminders;
}

/**
 * The site's forecast as of `now`: the stored one while it is fresh, else computed here (not
 * stored: readers do not write). A page never waits for a forecast of a busy site: a deposit
 * since the row was stored is caught up by the next background round (refreshStaleForecasts),
 * and the charts draw the real occupancy of now beside it. Undefined for a site that does not
 * exist. Callers check that the asker may see the site.
 */
export function currentForecast(db: Db, siteId: number, now: number): SiteForecast | undefined {
  const stored = db
    .select({ computedAt: siteForecasts.computedAt, body: siteForecasts.body })
    .from(siteForecasts)
    .where(eq(siteForecasts.siteId, siteId))
    .get();
  if (stored && stored.computedAt <= now && stored.computedAt > now - FORECAST_TRUST_MS) return JSON.parse(stored.body) as SiteForecast;
  const input = loadForecastInput(db, siteId, now);
  return input ? forecastSite(input) : undefined;
}

/** For tests and the demo seed: forget stored forecasts so the next round recomputes them. */
export function clearStoredForecasts(db: Db): void {
  db.run(sql`delete from site_forecasts`);
}
