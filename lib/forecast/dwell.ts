import type { ZoneClock } from "./zone-clock";

/*
 * The dwell-time curve: S(k), the share of parcels still in their door k hours after they
 * arrived, by the local hour of arrival (a parcel left at 21:00 waits the night; one left
 * at 09:00 is often gone by lunch). Kaplan–Meier over the history window, so the parcels
 * still waiting count as "at least this long" instead of being dropped or guessed.
 */

const HOUR = 3_600_000;
/** Arrival hours pooled into blocks of four: six curves, each with enough parcels to be smooth. */
export const DWELL_BLOCK_HOURS = 4;
const BLOCKS = 24 / DWELL_BLOCK_HOURS;
/** Fewer finished parcels than this in a block and the block borrows the site's whole curve. */
const MIN_EVENTS = 30;

export type DwellParcel = { depositedAt: number; closedAt: number | null };

export type DwellCurves = {
  /** Survival by block; each curve has `hours + 2` points, the last one 0. */
  curves: Float64Array[];
  /** The site's one curve, every arrival hour together. */
  pooled: Float64Array;
  hours: number;
  /** Parcels finished in the window: how much the curves rest on. */
  observed: number;
  /** Whether the curves are the site's own or the starting assumption (too little history). */
  measured: boolean;
};

/** The curves of one site, from its parcels deposited in [from, now). */
export function dwellCurves(parcels: readonly DwellParcel[], from: number, now: number, holdPeriodHours: number, clock: ZoneClock): DwellCurves {
  // Past the hold period a parcel waits for the courier's round; a few days more covers it.
  const hours = Math.min(holdPeriodHours + 96, 1000);
  const events = Array.from({ length: BLOCKS + 1 }, () => new Float64Array(hours + 1));
  const censored = Array.from({ length: BLOCKS + 1 }, () => new Float64Array(hours + 1));
  const counts = new Float64Array(BLOCKS + 1);
  const eventCounts = new Float64Array(BLOCKS + 1);
  for (const parcel of parcels) {
    if (parcel.depositedAt < from || parcel.depositedAt >= now) continue;
    const done = parcel.closedAt !== null && parcel.closedAt <= now;
    const k = Math.min(hours, Math.floor(((done ? parcel.closedAt! : now) - parcel.depositedAt) / HOUR));
    const block = Math.floor(clock.hour(parcel.depositedAt) / DWELL_BLOCK_HOURS);
    const into = done || k === hours ? events : censored;
    into[block][k]++;
    into[BLOCKS][k]++;
    counts[block]++;
    counts[BLOCKS]++;
    if (into === events) {
      eventCounts[block]++;
      eventCounts[BLOCKS]++;
    }
  }
  const curve = (b: number) => kaplanMeier(events[b], censored[b], counts[b], hours);
  if (eventCounts[BLOCKS] < MIN_EVENTS) {
    const prior = priorCurve(holdPeriodHours, hours);
    return { curves: Array.from({ length: BLOCKS }, () => prior), pooled: prior, hours, observed: eventCounts[BLOCKS], measured: false };
  }
  const pooled = curve(BLOCKS);
  const curves = Array.from({ length: BLOCKS }, (_, b) => (eventCounts[b] >= MIN_EVENTS ? curve(b) : pooled));
  return { curves, pooled, hours, observed: eventCounts[BLOCKS], measured: true };
}

function kaplanMeier(events: Float64Array, censored: Float64Array, total: number, hours: number): Float64Array {
  const survival = new Float64Array(hours + 2);
  survival[0] = 1;
  let atRisk = total;
  for (let k = 0; k <= hours; k++) {
    const hazard = atRisk > 0 ? events[k] / atRisk : 0;
    survival[k + 1] = survival[k] * (1 - hazard);
    atRisk -= events[k] + censored[k];
  }
  survival[hours + 1] = 0;
  return survival;
}

/**
 * What a site with no history is assumed to do: half its parcels collected within about
 * eight hours (log-normal, as the published pickup-point studies and our demo campus show),
 * one in twenty left until the hold ends and the courier's next round.
 */
export function priorCurve(holdPeriodHours: number, hours: number): Float64Array {
  const survival = new Float64Array(hours + 2);
  for (let k = 0; k <= hours; k++) {
    const collected = k === 0 ? 0 : normalCdf((Math.log(k) - Math.log(8)) / 1.1);
    survival[k] = 0.95 * (1 - collected) + (k < holdPeriodHours + 12 ? 0.05 : 0);
  }
  survival[hours + 1] = 0;
  return survival;
}

/** S at a fractional number of hours, read off the curve between its hourly points. */
export function survivalAt(curve: Float64Array, hours: number): number {
  if (hours <= 0) return 1;
  const last = curve.length - 1;
  if (hours >= last) return 0;
  const k = Math.floor(hours);
  return curve[k] + (curve[k + 1] - curve[k]) * (hours - k);
}

export function blockOf(hour: number): number {
  return Math.floor(hour / DWELL_BLOCK_HOURS);
}

/** Φ, the standard normal CDF (Abramowitz–Stegun 7.1.26, error below 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.SQRT2);
  const y = 1 - (((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t) * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}
