import { SIZES, type SlotSize } from "@/db/enums";
import type { ArrivalModel } from "./arrivals";
import type { ZoneClock } from "./zone-clock";

/*
 * What carriers' announcements tell the forecast (issue 18). A parcel announced through the
 * API and not yet deposited is known: it is counted once, at the hours it is likely to come,
 * and the history's expectation is cut by the share of parcels the site would already know
 * of that far ahead, so the two never count the same parcel twice:
 *
 *   arrivals(u) = Σ announced parcels × P(deposited in hour u | announced at a, not yet by now)
 *               + history(u) × (1 − P(a parcel deposited in hour u is announced before now))
 *
 * Both probabilities come from the site's own deposits of the history window: which were
 * announced first, and how long before (parcels.created_at against deposited_at,
 * lib/forecast/load.ts). Both are read for the local hour concerned (± 1 h): couriers
 * deposit on rounds and carriers announce in batches, so a lead of 16 h is typical of an
 * evening announcement and impossible for a morning one (read for all hours at once, the
 * back-test's error came out above the forecast without announcements). Three more things
 * the history says: the share of announcements that never come to a door (a full site's
 * carrier goes elsewhere), so a long-waiting announcement fades; the doors parcels of each
 * declared size end up in (upsizing); and whether the days ahead run high, when more is
 * announced than the history expects to be known by now. With no announcements in the
 * history, the history is taken whole and the announced parcels are a floor under the next
 * day (atLeastAnnounced), as before issue 18. docs/decisions/0014-occupancy-forecast.md.
 */

const HOUR = 3_600_000;
/** Fewer leads than this at an hour (± 1 h): read the site's leads of all hours instead. */
const MIN_LEADS = 20;
/** Without a history of announcements, the announced parcels come within this many hours. */
const DEFAULT_LEAD_HOURS = 24;
/** An announcement older than this is a parcel that went elsewhere, not one on its way. */
export const ANNOUNCED_FRESH_MS = 72 * HOUR;

export type AnnouncedParcel = {
  /** The size the carrier declared. */
  size: SlotSize;
  /** When it was announced (its row's created_at). */
  announcedAt: number;
};

export type HistoryParcel = {
  /** The size of its door. */
  size: SlotSize;
  /** The size declared, when known (it differs from the door's for an upsized parcel). */
  declaredSize?: SlotSize;
  depositedAt: number;
  /** When it was announced, for a parcel announced before it was deposited; null or absent otherwise. */
  announcedAt?: number | null;
};

export type AnnouncementModel = {
  /** Share of the site's deposits announced first, over the history window. */
  announcedShare: number;
  /** Deposits the shares rest on, and how many of them were announced first. */
  deposits: number;
  leads: number;
  /** Share of the announcements (older than ANNOUNCED_FRESH_MS) that never came to a door. */
  missedShare: number;
  /** Probability that a parcel deposited at `at` was announced before `now`. */
  knownShare(at: number): number;
  /** The share of the site's parcels declared `declared` that went into each door size: where an announced one will go. */
  doorsOf(declared: SlotSize): Record<SlotSize, number>;
  /**
   * Where the deposit of a parcel announced at `announcedAt`, not deposited by `now`, falls:
   * the probability of each hour from `hourStart` (index 0) on, `hours` of them; the rest
   * is beyond. All zeros for an announcement older than any lead the site has seen (a
   * parcel that went elsewhere: a full site, a cancelled delivery) and for a site with no
   * announced deposits in its history.
   */
  depositHours(announcedAt: number, hourStart: number, hours: number): Float64Array;
};

/**
 * `missed`: announcements made from `from` to ANNOUNCED_FRESH_MS before `now` that never came
 * to a door (cancelled, handed over in person, or still announced): at a site that is often
 * full, a share of what is announced goes elsewhere, and an announcement that has waited
 * long is more likely one of those.
 */
export function announcementModel(
  parcels: readonly HistoryParcel[],
  input: { from: number; now: number; clock: ZoneClock; missed: number },
): AnnouncementModel {
  const { clock, now } = input;
  // Deposits by local hour, and the leads of those announced first by the local hour of
  // deposit and by the local hour of announcement.
  const depositsByHour = new Float64Array(24);
  const byDepositHour = Array.from({ length: 24 }, () => [] as number[]);
  const byAnnounceHour = Array.from({ length: 24 }, () => [] as number[]);
  const doors = Object.fromEntries(SIZES.map((size) => [size, Object.fromEntries(SIZES.map((door) => [door, 0]))])) as Record<SlotSize, Record<SlotSize, number>>;
  let deposits = 0;
  let leads = 0;
  let cameOfOld = 0;
  for (const parcel of parcels) {
    if (parcel.depositedAt < input.from || parcel.depositedAt >= now) continue;
    deposits++;
    doors[parcel.declaredSize ?? parcel.size][parcel.size]++;
    const announcedAt = parcel.announcedAt ?? null;
    if (announcedAt === null || announcedAt >= parcel.depositedAt) continue;
    const lead = parcel.depositedAt - announcedAt;
    byDepositHour[clock.hour(parcel.depositedAt)].push(lead);
    byAnnounceHour[clock.hour(announcedAt)].push(lead);
    leads++;
    if (announcedAt >= input.from && announcedAt < now - ANNOUNCED_FRESH_MS) cameOfOld++;
  }
  for (const declared of SIZES) {
    const row = doors[declared];
    const total = SIZES.reduce((sum, door) => sum + row[door], 0);
    for (const door of SIZES) row[door] = total > 0 ? row[door] / total : door === declared ? 1 : 0;
  }
  // Every deposit's local hour only when some were announced: a site without announcements
  // pays nothing for them.
  if (leads > 0) {
    for (const parcel of parcels) {
      if (parcel.depositedAt >= input.from && parcel.depositedAt < now) depositsByHour[clock.hour(parcel.depositedAt)]++;
    }
  }
  const leadsByDepositHour = sortedByHour(byDepositHour);
  const leadsByAnnounceHour = sortedByHour(byAnnounceHour);
  const allLeads = Float64Array.from(byAnnounceHour.flat()).sort();
  const missedShare = input.missed > 0 ? input.missed / (input.missed + cameOfOld) : 0;

  return {
    announcedShare: deposits > 0 ? leads / deposits : 0,
    deposits,
    leads,
    missedShare,
    knownShare(at) {
      if (leads === 0) return 0;
      const hours = around(clock.hour(at));
      let n = 0;
      for (const h of hours) n += depositsByHour[h];
      if (n < MIN_LEADS) return countAbove(allLeads, at - now) / deposits;
      let known = 0;
      for (const h of hours) known += countAbove(leadsByDepositHour[h], at - now);
      return known / n;
    },
    doorsOf: (declared) => doors[declared],
    depositHours(announcedAt, hourStart, hours) {
      const p = new Float64Array(hours);
      const own = around(clock.hour(announcedAt)).map((h) => leadsByAnnounceHour[h]);
      const lists = own.reduce((n, list) => n + list.length, 0) >= MIN_LEADS ? own : [allLeads];
      // The leads longer than the time it has already waited, each equally likely; or
      // it is one that will never come, likelier the longer it has waited (Bayes).
      const waited = now - announcedAt;
      let total = 0;
      let still = 0;
      for (const list of lists) {
        total += list.length;
        still += countAbove(list, waited);
      }
      if (still === 0) return p;
      const each = (1 - missedShare) / ((1 - missedShare) * still + missedShare * total);
      for (const list of lists) {
        for (let i = firstAbove(list, waited); i < list.length; i++) {
          const u = Math.floor((announcedAt + list[i] - hourStart) / HOUR);
          if (u >= 0 && u < hours) p[u] += each;
        }
      }
      return p;
    },
  };
}

export type ArrivalsAhead = {
  /** Expected deposits per hour from `hourStart` that nobody has announced yet: the history's part. */
  unannounced: Float64Array;
  /** Expected deposits per hour of the parcels announced and waiting: the certain part. */
  announced: Float64Array;
};

/**
 * Expected deposits of each door size, hour by hour from `hourStart` (the local hour `now`
 * is in; of it, only what is left), from the history's expectation and the announced parcels.
 */
export function arrivalsAhead(
  arrivals: ArrivalModel,
  announcements: AnnouncementModel,
  waiting: readonly AnnouncedParcel[],
  input: { now: number; hourStart: number; hours: number },
): Record<SlotSize, ArrivalsAhead> {
  const { now, hourStart, hours } = input;
  const ahead = Object.fromEntries(
    SIZES.map((size) => [size, { unannounced: new Float64Array(hours), announced: new Float64Array(hours) }]),
  ) as Record<SlotSize, ArrivalsAhead>;
  const known = new Float64Array(hours);
  for (let u = 0; u < hours; u++) {
    const start = hourStart + u * HOUR;
    const from = Math.max(now, start);
    known[u] = announcements.knownShare((from + start + HOUR) / 2);
  }
  // What the history expects, and of it what should be announced by now.
  let expectedKnown = 0;
  for (const size of SIZES) {
    const { unannounced } = ahead[size];
    for (let u = 0; u < hours; u++) {
      const start = hourStart + u * HOUR;
      const future = u === 0 ? (start + HOUR - now) / HOUR : 1;
      const history = arrivals.expected(size, start) * future;
      unannounced[u] = history * (1 - known[u]);
      expectedKnown += history * known[u];
    }
  }
  if (announcements.leads === 0) {
    atLeastAnnounced(ahead, waiting);
    return ahead;
  }
  let announcedAhead = 0;
  for (const parcel of waiting) {
    const p = announcements.depositHours(parcel.announcedAt, hourStart, hours);
    // A door of its size when there is one free, a bigger one as often as the site's history says.
    const doors = announcements.doorsOf(parcel.size);
    for (const door of SIZES) {
      if (doors[door] === 0) continue;
      const { announced } = ahead[door];
      for (let u = 0; u < hours; u++) announced[u] += doors[door] * p[u];
    }
    for (let u = 0; u < hours; u++) announcedAhead += p[u];
  }
  // More announced than the history expects to be known by now: the days ahead run high
  // (a busy day shows in its announcements), trusted as far as the day-to-day variance
  // beats the Poisson noise of that many parcels (the nowcast's reasoning, arrivals.ts).
  if (expectedKnown > 0) {
    const weight = (arrivals.dayVariance * expectedKnown) / (arrivals.dayVariance * expectedKnown + 1);
    const factor = 1 + weight * (announcedAhead / expectedKnown - 1);
    for (const size of SIZES) for (let u = 0; u < hours; u++) ahead[size].unannounced[u] *= factor;
  }
  return ahead;
}

/**
 * A site none of whose deposits was announced first cannot say when an announced parcel
 * comes, nor whether it is part of what the history expects or on top of it (a carrier
 * that has just begun announcing): the next day brings at least the parcels announced,
 * shaped like the history's day (evenly when it has none). The rule before issue 18.
 */
function atLeastAnnounced(ahead: Record<SlotSize, ArrivalsAhead>, waiting: readonly AnnouncedParcel[]): void {
  for (const size of SIZES) {
    const count = waiting.filter((parcel) => parcel.size === size).length;
    const { unannounced } = ahead[size];
    const day = Math.min(unannounced.length, DEFAULT_LEAD_HOURS);
    let nextDay = 0;
    for (let u = 0; u < day; u++) nextDay += unannounced[u];
    if (count <= nextDay) continue;
    for (let u = 0; u < day; u++) unannounced[u] = nextDay > 0 ? (unannounced[u] * count) / nextDay : count / day;
  }
}

/** A local hour and the hours either side of it. */
function around(hour: number): [number, number, number] {
  return [(hour + 23) % 24, hour, (hour + 1) % 24];
}

function sortedByHour(byHour: number[][]): Float64Array[] {
  return byHour.map((values) => Float64Array.from(values).sort());
}

/** Index of the first value above `x` in ascending `sorted`. */
function firstAbove(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function countAbove(sorted: Float64Array, x: number): number {
  return sorted.length - firstAbove(sorted, x);
}
