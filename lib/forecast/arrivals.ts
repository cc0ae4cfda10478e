import { SIZES, type CalendarDayKind, type SlotSize } from "@/db/enums";
import type { ZoneClock } from "./zone-clock";

/*
 * Expected arrivals per door size and hour: the site's recent level (deseasonalised by
 * weekday), times the door size's share of the whole window, times the weekday's factor
 * (shrunk towards 1 only as far as its own noise warrants), times the hour's share of that
 * weekday, times the lift of a marked day. Today's arrivals so far correct today and, half as much, tomorrow:
 * an unmarked busy day shows by noon. docs/decisions/0014-occupancy-forecast.md.
 */

const HOUR = 3_600_000;
/** How many recent unmarked days set the level. */
const LEVEL_DAYS = 14;
/** Each day back weighs this much less in the level. */
const LEVEL_DECAY = 0.9;
/** Each day back weighs this much less in the mix of door sizes (half of it from the last 23 days). */
const SIZE_SHARE_DECAY = 0.97;
/** The hour profile of a weekday leans on the site's whole profile as if it had this many parcels. */
const PROFILE_PSEUDO_COUNT = 50;
/** Lift of a marked day before the site has lived one: the campus figures of decision 0014. */
export const DEFAULT_LIFT: Record<CalendarDayKind, number> = { sales: 1.6, term_start: 1.5 };

export type ArrivalParcel = { size: SlotSize; depositedAt: number };

export type ArrivalModel = {
  /** Expected arrivals of `size` in the hour starting at `hourStart`, all of it in the future. */
  expected(size: SlotSize, hourStart: number): number;
  /** Relative variance of a day's volume beyond Poisson noise (a whole day runs high or low together). */
  dayVariance: number;
  /** Full days of history the figures rest on. */
  historyDays: number;
  lifts: Record<CalendarDayKind, number>;
};

export function arrivalModel(
  parcels: readonly ArrivalParcel[],
  input: { from: number; now: number; marks: ReadonlyMap<string, CalendarDayKind>; clock: ZoneClock },
): ArrivalModel {
  const { clock, marks, now } = input;
  const today = clock.day(now);
  const firstDay = clock.day(input.from) + 1; // the first full day
  const dayCount = Math.max(0, today - firstDay);
  // counts[day][size * 24 + hour]; day index 0 = firstDay; the last row is today so far.
  const counts = Array.from({ length: dayCount + 1 }, () => new Float64Array(SIZES.length * 24));
  const sizeIndex: Record<SlotSize, number> = { S: 0, M: 1, L: 2, XL: 3 };
  for (const parcel of parcels) {
    if (parcel.depositedAt >= now) continue;
    const d = clock.day(parcel.depositedAt) - firstDay;
    if (d < 0 || d > dayCount) continue;
    counts[d][sizeIndex[parcel.size] * 24 + clock.hour(parcel.depositedAt)]++;
  }
  const markOf = (day: number) => marks.get(clock.dayKey(day));
  const totals = counts.map((row) => row.reduce((a, b) => a + b, 0));

  // Weekday factors, from unmarked full days (weekdayFactors says how far they are shrunk).
  const sums = new Float64Array(7);
  const squares = new Float64Array(7);
  const ns = new Float64Array(7);
  let grand = 0;
  let grandN = 0;
  for (let d = 0; d < dayCount; d++) {
    if (markOf(firstDay + d)) continue;
    const wd = clock.weekday(firstDay + d);
    sums[wd] += totals[d];
    squares[wd] += totals[d] ** 2;
    ns[wd]++;
    grand += totals[d];
    grandN++;
  }
  const mean = grandN > 0 ? grand / grandN : 0;
  const weekdayFactor = weekdayFactors(sums, squares, ns, mean);

  // Hour shares per weekday, leaning on the pooled profile.
  const pooled = new Float64Array(24);
  const byWeekday = Array.from({ length: 7 }, () => new Float64Array(24));
  for (let d = 0; d < dayCount; d++) {
    const wd = clock.weekday(firstDay + d);
    for (let s = 0; s < SIZES.length; s++)
      for (let h = 0; h < 24; h++) {
        const n = counts[d][s * 24 + h];
        pooled[h] += n;
        byWeekday[wd][h] += n;
      }
  }
  const pooledTotal = pooled.reduce((a, b) => a + b, 0);
  const pooledShare = Array.from(pooled, (n) => (pooledTotal > 0 ? n / pooledTotal : 1 / 24));
  const share = byWeekday.map((hours) => {
    const total = hours.reduce((a, b) => a + b, 0);
    return Array.from(hours, (n, h) => (n + PROFILE_PSEUDO_COUNT * pooledShare[h]) / (total + PROFILE_PSEUDO_COUNT));
  });

  // The level: recent unmarked days against what their weekdays would bring on an average
  // day (a ratio, so a quiet Sunday's few parcels count for as little as they tell).
  let recent = 0;
  let recentExpected = 0;
  for (let d = dayCount - 1, used = 0; d >= 0 && used < LEVEL_DAYS; d--) {
    if (markOf(firstDay + d)) continue;
    const w = LEVEL_DECAY ** used;
    recent += w * totals[d];
    recentExpected += w * weekdayFactor[clock.weekday(firstDay + d)];
    used++;
  }
  const levelAll = recentExpected > 0 ? recent / recentExpected : 0;
  // The share of each door size, from the whole window (recent days weighing more): a size
  // that takes one parcel in twenty would be guessed from a handful in two weeks.
  const sizeCounts = new Float64Array(SIZES.length);
  for (let d = 0; d <= dayCount; d++) {
    const w = SIZE_SHARE_DECAY ** (dayCount - d);
    for (let s = 0; s < SIZES.length; s++) for (let h = 0; h < 24; h++) sizeCounts[s] += w * counts[d][s * 24 + h];
  }
  const sizeTotal = sizeCounts.reduce((a, b) => a + b, 0);
  const level = Float64Array.from(sizeCounts, (n) => (sizeTotal > 0 ? (levelAll * n) / sizeTotal : 0));
  const levelTotal = level.reduce((a, b) => a + b, 0);
  const expectedDay = (day: number) => levelTotal * weekdayFactor[clock.weekday(day)];

  // The lift of each kind of marked day, measured on the site's past marked days.
  const lifts = { ...DEFAULT_LIFT };
  for (const kind of Object.keys(DEFAULT_LIFT) as CalendarDayKind[]) {
    let actual = 0;
    let expected = 0;
    for (let d = 0; d < dayCount; d++) {
      if (markOf(firstDay + d) !== kind) continue;
      actual += totals[d];
      expected += mean * weekdayFactor[clock.weekday(firstDay + d)];
    }
    // One ordinary day's worth of belief in the default.
    if (expected > 0) lifts[kind] = (actual + DEFAULT_LIFT[kind] * mean) / (expected + mean);
  }
  const liftOf = (day: number) => {
    const kind = markOf(day);
    return kind ? lifts[kind] : 1;
  };

  // Day-to-day variance beyond Poisson: (x − μ)² − μ, relative to μ², over recent unmarked days.
  let excess = 0;
  let meanSquares = 0;
  for (let d = 0; d < dayCount; d++) {
    if (markOf(firstDay + d)) continue;
    const mu = expectedDay(firstDay + d);
    excess += (totals[d] - mu) ** 2 - mu;
    meanSquares += mu * mu;
  }
  const dayVariance = meanSquares > 0 ? Math.min(0.5, Math.max(0.005, excess / meanSquares)) : 0.1;

  // Today so far against what was expected so far: the nowcast.
  const todayWd = clock.weekday(today);
  const hourNow = clock.hour(now);
  let expectedSoFar = 0;
  for (let h = 0; h < hourNow; h++) expectedSoFar += share[todayWd][h];
  expectedSoFar *= expectedDay(today) * liftOf(today);
  let seenSoFar = 0;
  for (let s = 0; s < SIZES.length; s++) for (let h = 0; h < hourNow; h++) seenSoFar += counts[dayCount][s * 24 + h];
  // Half a day's expectation of belief in the plan, so one early courier does not double the day.
  const prior = 0.5 * expectedDay(today) * liftOf(today);
  const todayRatio = prior > 0 ? (seenSoFar + prior) / (expectedSoFar + prior) : 1;

  return {
    dayVariance,
    historyDays: dayCount,
    lifts,
    expected(size, hourStart) {
      const day = clock.day(hourStart);
      const ahead = day - today;
      const nowcast = ahead <= 0 ? todayRatio : ahead === 1 ? Math.sqrt(todayRatio) : 1;
      const wd = clock.weekday(day);
      return level[sizeIndex[size]] * weekdayFactor[wd] * share[wd][clock.hour(hourStart)] * liftOf(day) * nowcast;
    },
  };
}

/**
 * Each weekday's volume relative to the average day, shrunk towards 1 as much as its own
 * noise warrants and no more (empirical Bayes): a weekday seen on eight days whose volume
 * varies little keeps its own figure (a rural station's Sunday at 0.15 stays near 0.15),
 * one seen on a day or two leans on the average. `sums`, `squares`: per weekday, the sum
 * of day totals and of their squares over `ns` days; `mean`: the average day.
 */
export function weekdayFactors(sums: ArrayLike<number>, squares: ArrayLike<number>, ns: ArrayLike<number>, mean: number): number[] {
  if (!(mean > 0)) return Array<number>(7).fill(1);
  const raw = Array.from({ length: 7 }, (_, wd) => (ns[wd] > 0 ? sums[wd] / ns[wd] / mean : 1));
  // How much one day of a weekday strays from that weekday's mean, relative to it, pooled.
  let within = 0;
  let dof = 0;
  for (let wd = 0; wd < 7; wd++) {
    if (ns[wd] < 2 || raw[wd] <= 0) continue;
    const m = sums[wd] / ns[wd];
    within += (squares[wd] - ns[wd] * m * m) / (m * m);
    dof += ns[wd] - 1;
  }
  const relative = dof > 0 ? Math.max(within / dof, 1 / mean) : 0.25;
  // The error of each weekday's figure, and how far the true figures spread around 1.
  const error = raw.map((r, wd) => (ns[wd] > 0 ? (relative * Math.max(r, 1 / mean) ** 2) / ns[wd] : Infinity));
  let spread = 0;
  let seen = 0;
  for (let wd = 0; wd < 7; wd++) {
    if (ns[wd] === 0) continue;
    spread += (raw[wd] - 1) ** 2 - error[wd];
    seen++;
  }
  const between = seen > 0 ? Math.max(spread / seen, 0.0025) : 0.0025;
  return raw.map((r, wd) => (ns[wd] > 0 ? 1 + (between / (between + error[wd])) * (r - 1) : 1));
}

export { HOUR };
