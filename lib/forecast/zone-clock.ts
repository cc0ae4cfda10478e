import { offsetAt } from "@/lib/time";

/*
 * Local hours and weekdays of many instants in one zone, fast. The forecast reads the
 * local hour of every parcel of eight weeks; asking Intl each time would cost more than
 * the rest of the forecast together. A zone's offset changes at most a few times a year,
 * so it is asked once per UTC day (and per hour only on a day the offset changes).
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type ZoneClock = {
  /** Milliseconds on the local wall clock (as if the zone were UTC). */
  wall(ms: number): number;
  /** 0–23. */
  hour(ms: number): number;
  /** Days since 1970-01-01 on the local calendar. */
  day(ms: number): number;
  /** 0 = Sunday … 6 = Saturday, of a local day number. */
  weekday(day: number): number;
  /** "2026-11-11" for a local day number. */
  dayKey(day: number): string;
};

export function zoneClock(timeZone: string): ZoneClock {
  const byUtcDay = new Map<number, number | Int32Array>();
  const offset = (ms: number): number => {
    const utcDay = Math.floor(ms / DAY);
    let known = byUtcDay.get(utcDay);
    if (known === undefined) {
      const start = offsetAt(timeZone, utcDay * DAY);
      const end = offsetAt(timeZone, utcDay * DAY + DAY - 1);
      if (start === end) known = start;
      else {
        const hours = new Int32Array(24);
        for (let h = 0; h < 24; h++) hours[h] = offsetAt(timeZone, utcDay * DAY + h * HOUR);
        known = hours;
      }
      byUtcDay.set(utcDay, known);
    }
    return typeof known === "number" ? known : known[Math.floor((ms - utcDay * DAY) / HOUR)];
  };
  const wall = (ms: number) => ms + offset(ms);
  return {
    wall,
    hour: (ms) => Math.floor((((wall(ms) % DAY) + DAY) % DAY) / HOUR),
    day: (ms) => Math.floor(wall(ms) / DAY),
    weekday: (day) => (((day + 4) % 7) + 7) % 7,
    dayKey: (day) => new Date(day * DAY).toISOString().slice(0, 10),
  };
}
