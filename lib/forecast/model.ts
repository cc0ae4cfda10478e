import { SIZES, type CalendarDayKind, type SlotSize } from "@/db/enums";
import { announcementModel, arrivalsAhead, type AnnouncedParcel } from "./announcements";
import { arrivalModel } from "./arrivals";
import { dwellCurves, normalCdf, survivalAt } from "./dwell";
import { zoneClock } from "./zone-clock";

/*
 * The occupancy forecast of one site, per door size, hour by hour for the next 48 hours:
 *
 *   occupied(t) = Σ parcels in a door now  × P(still there at t | there now, its age)
 *               + Σ expected arrivals in u × P(still there at t | arrived at u)
 *
 * with the probabilities read off the site's dwell-time curves (dwell.ts) and the arrivals
 * from its history and the calendar (arrivals.ts) and the parcels carriers have announced
 * (announcements.ts: those are certain, and the history's part is cut by the share it would
 * already know of). The 80 % band is ± 1.28 σ, σ² = Bernoulli variance of the parcels in
 * the doors + Poisson variance of the arrivals + the variance of a whole day running high
 * or low (of the history's part only: the announced parcels are known). Plain arithmetic over a few
 * thousand numbers, so it costs about a millisecond a site (npm run bench:forecast).
 * docs/decisions/0014-occupancy-forecast.md says why this shape and not another.
 */

const HOUR = 3_600_000;
export const HORIZON_HOURS = 48;
/** How far back the history reaches: eight of each weekday. */
export const HISTORY_DAYS = 56;
const Z80 = 1.2816;
/** A crunch is an hour more likely full than not. */
export const CRUNCH_PROBABILITY = 0.5;

export type ForecastParcel = {
  /** The size of the door it is (or was) in. */
  size: SlotSize;
  /** When it went into its door (for a reservation: when the door was reserved). */
  depositedAt: number;
  /** When it left its door; null while it is still there. */
  closedAt: number | null;
  /** The size the carrier declared (an upsized parcel's door is bigger); its door's when absent. */
  declaredSize?: SlotSize;
  /** When a carrier announced it, if it was announced before it was deposited. */
  announcedAt?: number | null;
};

export type ForecastInput = {
  now: number;
  timeZone: string;
  holdPeriodHours: number;
  /** In-service doors per size. */
  capacity: Record<SlotSize, number>;
  /** Parcels deposited in the history window, and every parcel still in a door. */
  parcels: readonly ForecastParcel[];
  /** Parcels announced by carriers and not yet deposited (their declared size), announced less than ANNOUNCED_FRESH_MS ago. */
  announced: readonly AnnouncedParcel[];
  /** Announcements of the history window older than ANNOUNCED_FRESH_MS that never came to a door. */
  missedAnnouncements: number;
  /** Marked days ("2026-11-11" → kind) for this site, its organization's included. */
  marks: ReadonlyMap<string, CalendarDayKind>;
  /** No history before this (the site's creation): days before it are not zeros. */
  since: number;
};

export type ForecastPoint = { at: number; mean: number; low: number; high: number; pFull: number };

export type SizeForecast = {
  size: SlotSize;
  capacity: number;
  occupiedNow: number;
  /** points[0] is now; points[j] the start of the j-th local hour from now. */
  points: ForecastPoint[];
};

export type SiteForecast = {
  computedAt: number;
  timeZone: string;
  sizes: SizeForecast[];
  basis: { historyDays: number; dwellMeasured: boolean; collectedObserved: number; lifts: Record<CalendarDayKind, number> };
};

export function forecastSite(input: ForecastInput): SiteForecast {
  const { now } = input;
  const clock = zoneClock(input.timeZone);
  const from = Math.max(input.since, now - HISTORY_DAYS * 24 * HOUR);
  const dwell = dwellCurves(input.parcels, from, now, input.holdPeriodHours, clock);
  const arrivals = arrivalModel(input.parcels, { from, now, marks: input.marks, clock });
  const announcements = announcementModel(input.parcels, { from, now, clock, missed: input.missedAnnouncements });

  const hourStart = now - (((clock.wall(now) % HOUR) + HOUR) % HOUR);
  const times = [now, ...Array.from({ length: HORIZON_HOURS }, (_, j) => hourStart + (j + 1) * HOUR)];
  const ahead = arrivalsAhead(arrivals, announcements, input.announced, { now, hourStart, hours: HORIZON_HOURS });

  const sizes = SIZES.map((size): SizeForecast => {
    const capacity = input.capacity[size];
    const mean = new Float64Array(times.length);
    const variance = new Float64Array(times.length);
    let occupiedNow = 0;
    for (const parcel of input.parcels) {
      if (parcel.size !== size || parcel.depositedAt > now || (parcel.closedAt !== null && parcel.closedAt <= now)) continue;
      occupiedNow++;
      const curve = dwell.curves[clock.hour(parcel.depositedAt)];
      const age = (now - parcel.depositedAt) / HOUR;
      const still = survivalAt(curve, age);
      for (let j = 0; j < times.length; j++) {
        const ahead = (times[j] - now) / HOUR;
        // Older than the curve knows (an expired parcel the courier has not come for):
        // assume it leaves within about a day.
        const p = still > 1e-3 ? Math.min(1, survivalAt(curve, age + ahead) / still) : Math.exp(-ahead / 24);
        mean[j] += p;
        variance[j] += p * (1 - p);
      }
    }

    const { unannounced, announced } = ahead[size];
    const arriving = new Float64Array(times.length);
    const certain = new Float64Array(times.length);
    for (let u = 0; u < HORIZON_HOURS; u++) {
      if (unannounced[u] === 0 && announced[u] === 0) continue;
      const start = Math.max(now, hourStart + u * HOUR);
      const arrival = (start + hourStart + (u + 1) * HOUR) / 2;
      const curve = dwell.curves[clock.hour(arrival)];
      for (let j = 1; j < times.length; j++) {
        if (times[j] <= arrival) continue;
        const stays = survivalAt(curve, (times[j] - arrival) / HOUR);
        arriving[j] += unannounced[u] * stays;
        certain[j] += announced[u] * stays;
      }
    }

    const points = times.map((at, j): ForecastPoint => {
      const raw = mean[j] + arriving[j] + certain[j];
      // The announced parcels' share as Poisson too: an overstatement of their Bernoulli variance, kept for simplicity.
      const sd = Math.sqrt(variance[j] + arriving[j] + certain[j] + arrivals.dayVariance * arriving[j] ** 2);
      const pFull = capacity === 0 ? 0 : sd < 1e-9 ? (raw >= capacity ? 1 : 0) : 1 - normalCdf((capacity - 0.5 - raw) / sd);
      return {
        at,
        mean: round(Math.min(capacity, raw)),
        low: round(Math.min(capacity, Math.max(0, raw - Z80 * sd))),
        high: round(Math.min(capacity, raw + Z80 * sd)),
        pFull: Math.round(pFull * 100) / 100,
      };
    });
    // Now is known, not forecast.
    points[0] = { at: now, mean: occupiedNow, low: occupiedNow, high: occupiedNow, pFull: capacity > 0 && occupiedNow >= capacity ? 1 : 0 };
    return { size, capacity, occupiedNow, points };
  });

  return {
    computedAt: now,
    timeZone: input.timeZone,
    sizes,
    basis: { historyDays: arrivals.historyDays, dwellMeasured: dwell.measured, collectedObserved: dwell.observed, lifts: arrivals.lifts },
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
