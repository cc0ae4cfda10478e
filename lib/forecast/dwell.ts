import type { ZoneClock } from "./zone-clock";

/*
 * The dwell-time curve: S(k), the share of parcels still in their door k hours after they
 * arrived, by the local hour of arrival (a parcel left at 21:00 waits the night; one left
 * at 09:00 is often gone by lunch; one left at 08:00 that expires meets the courier's
 * morning round at a different age than one left at 20:00). Kaplan–Meier over the history
 * window, so the parcels still waiting count as "at least this long" instead of being
 * dropped or guessed. One curve per arrival hour, each hour's hazards shrunk towards those
 * of its neighbouring hours and those towards the whole site's, as far as its own numbers
 * are thin (each hour's hazard leans on the neighbours' as if it had HAZARD_PRIOR_AT_RISK
 * more parcels at risk).
 */

const HOUR = 3_600_000;
/** A hour's hazard counts its neighbours' (the hour before and after) as this many parcels at risk. */
export const HAZARD_PRIOR_AT_RISK = 10;
/** Fewer finished parcels than this in all and the site uses the starting curve. */
const MIN_EVENTS = 30;

export type DwellParcel = { depositedAt: number; closedAt: number | null };

export type DwellCurves = {
  /** Survival by local hour of arrival (24); each curve has `hours + 2` points, the last one 0. */
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
  // Per arrival hour (24) and all together (index 24): leaving in hour k of their stay, and
  // last seen still waiting in hour k.
  const events = Array.from({ length: 25 }, () => new Float64Array(hours + 1));
  const censored = Array.from({ length: 25 }, () => new Float64Array(hours + 1));
  const counts = new Float64Array(25);
  let observed = 0;
  for (const parcel of parcels) {
    if (parcel.depositedAt < from || parcel.depositedAt >= now) continue;
    const done = parcel.closedAt !== null && parcel.closedAt <= now;
    const k = Math.min(hours, Math.floor(((done ? parcel.closedAt! : now) - parcel.depositedAt) / HOUR));
    const hour = clock.hour(parcel.depositedAt);
    const into = done || k === hours ? events : censored;
    into[hour][k]++;
    into[24][k]++;
    counts[hour]++;
    counts[24]++;
    if (into === events) observed++;
  }
  if (observed < MIN_EVENTS) {
    const prior = priorCurve(holdPeriodHours, hours);
    return { curves: Array.from({ length: 24 }, () => prior), pooled: prior, hours, observed, measured: false };
  }
  const atRisk = events.map((e, h) => atRiskOf(e, censored[h], counts[h], hours));
  const pooledHazard = Float64Array.from(events[24], (e, k) => (atRisk[24][k] > 0 ? e / atRisk[24][k] : 1));
  const curves = Array.from({ length: 24 }, (_, h) => {
    const before = (h + 23) % 24;
    const after = (h + 1) % 24;
    const hazard = new Float64Array(hours + 1);
    for (let k = 0; k <= hours; k++) {
      const nearEvents = events[before][k] + events[h][k] + events[after][k];
      const nearRisk = atRisk[before][k] + atRisk[h][k] + atRisk[after][k];
      const near = (nearEvents + HAZARD_PRIOR_AT_RISK * pooledHazard[k]) / (nearRisk + HAZARD_PRIOR_AT_RISK);
      hazard[k] = (events[h][k] + HAZARD_PRIOR_AT_RISK * near) / (atRisk[h][k] + HAZARD_PRIOR_AT_RISK);
    }
    return survivalOf(hazard, hours);
  });
  return { curves, pooled: survivalOf(pooledHazard, hours), hours, observed, measured: true };
}

/** Parcels still at risk at the start of each hour of their stay. */
function atRiskOf(events: Float64Array, censored: Float64Array, total: number, hours: number): Float64Array {
  const atRisk = new Float64Array(hours + 1);
  let left = total;
  for (let k = 0; k <= hours; k++) {
    atRisk[k] = left;
    left -= events[k] + censored[k];
  }
  return atRisk;
}

/** Kaplan–Meier: S(k + 1) = S(k) × (1 − hazard(k)). */
function survivalOf(hazard: Float64Array, hours: number): Float64Array {
  const survival = new Float64Array(hours + 2);
  survival[0] = 1;
  for (let k = 0; k <= hours; k++) survival[k + 1] = survival[k] * (1 - Math.min(1, hazard[k]));
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

/** Φ, the standard normal CDF (Abramowitz–Stegun 7.1.26, error below 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.SQRT2);
  const y = 1 - (((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t) * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}
