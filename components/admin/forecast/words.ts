import { dayKey } from "@/lib/time";
import type { Crunch } from "@/lib/forecast/warnings";

/*
 * The forecast's facts in the console's words, on the site's own clock:
 * "North Dormitory Station, size M: full tomorrow 10:00–14:00 (80 %)".
 */

const clockFormats = new Map<string, Intl.DateTimeFormat>();
const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

/** "10:00" on the clock of `timeZone`. */
export function clockTime(at: number, timeZone: string): string {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    clockFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** "today", "tomorrow" or "on Saturday", as the site's calendar reads `at` from `now`. */
export function dayWords(at: number, now: number, timeZone: string): string {
  const day = dayKey(timeZone, at);
  if (day === dayKey(timeZone, now)) return "today";
  if (day === dayKey(timeZone, now + 86_400_000)) return "tomorrow";
  let format = weekdayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long" });
    weekdayFormats.set(timeZone, format);
  }
  return `on ${format.format(at)}`;
}

/** "full tomorrow 10:00–14:00 (80 %)", or "full now until 14:00 (95 %)". */
export function crunchWords(crunch: Crunch, now: number, timeZone: string): string {
  const chance = `(${Math.round(crunch.peak * 100)} %)`;
  if (crunch.from <= now) return `full now until ${dayWords(crunch.until, now, timeZone) === "today" ? "" : `${dayWords(crunch.until, now, timeZone)} `}${clockTime(crunch.until, timeZone)} ${chance}`;
  const until = dayKey(timeZone, crunch.until - 1) === dayKey(timeZone, crunch.from) ? clockTime(crunch.until, timeZone) : `${dayWords(crunch.until, now, timeZone)} ${clockTime(crunch.until, timeZone)}`;
  return `full ${dayWords(crunch.from, now, timeZone)} ${clockTime(crunch.from, timeZone)}–${until} ${chance}`;
}

/** The whole warning line. */
export function crunchWarning(siteName: string, crunch: Crunch, now: number, timeZone: string): string {
  return `${siteName}, size ${crunch.size}: ${crunchWords(crunch, now, timeZone)}`;
}
