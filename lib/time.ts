// Client-safe: browser code imports this (CLIENT_SAFE_MODULES, eslint.config.mjs); it imports only client-safe modules.
import { DEFAULT_TIME_ZONE } from "@/db/enums";

/*
 * Calendar days as the sites live them. Each site keeps an IANA time zone (sites.time_zone,
 * DEFAULT_TIME_ZONE unless set); a day starts at midnight there. Zones with daylight saving
 * have days of 23 and 25 hours, so day boundaries come from Intl, never from adding DAY_MS.
 * Plain functions with no server-only import: the admin's tables and the kiosk's clock
 * format times with the same zone names.
 */

export { DEFAULT_TIME_ZONE };
export const DAY_MS = 24 * 3_600_000;

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function localParts(timeZone: string, ms: number) {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute"), second: part("second") };
}

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `ms`. */
export function offsetAt(timeZone: string, ms: number): number {
  const p = localParts(timeZone, ms);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** The instant the wall clock of `timeZone` reads midnight starting that local date. */
function localMidnight(timeZone: string, year: number, month: number, day: number): number {
  const wall = Date.UTC(year, month - 1, day);
  // The offset at a first guess may differ from the offset at midnight when a change falls
  // in between (a DST day); one more step lands on the right side of it.
  const guess = wall - offsetAt(timeZone, wall);
  return wall - offsetAt(timeZone, guess);
}

/** The instant the day containing `at` begins in `timeZone` (the site's midnight). */
export function startOfDay(timeZone: string, at: number): number {
  const p = localParts(timeZone, at);
  return localMidnight(timeZone, p.year, p.month, p.day);
}

/** "2026-11-26": the date in `timeZone` at `at`. */
export function dayKey(timeZone: string, at: number): string {
  const p = localParts(timeZone, at);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** The start of the day "YYYY-MM-DD" in `timeZone`, or null if it is not a real date. */
export function parseDayKey(timeZone: string, key: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) return null;
  const utc = Date.parse(`${key}T00:00:00Z`);
  if (Number.isNaN(utc) || new Date(utc).toISOString().slice(0, 10) !== key) return null;
  const [year, month, day] = key.split("-").map(Number);
  return localMidnight(timeZone, year, month, day);
}

/** The start of the day after the one starting at `dayStart`, in `timeZone` (23, 24 or 25 hours on). */
export function nextDayStart(timeZone: string, dayStart: number): number {
  return startOfDay(timeZone, dayStart + DAY_MS + DAY_MS / 2);
}

/** "2026-11-26 17:05" in `timeZone`: sortable, for files. */
export function localTimestamp(timeZone: string, at: number): string {
  const p = localParts(timeZone, at);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${dayKey(timeZone, at)} ${two(p.hour)}:${two(p.minute)}`;
}

/** Whether `name` is an IANA time zone this runtime knows. */
export function isTimeZone(name: string): boolean {
  return TIME_ZONE_SET.has(name);
}

/** The zones a site may keep, for the admin's choice (canonical IANA names, and UTC). */
export const TIME_ZONES: readonly string[] = [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])].sort();
const TIME_ZONE_SET = new Set(TIME_ZONES);

/**
 * The zone an organization's overall figures (its dashboard, its search by day) are read
 * in: the one most of its sites keep, DEFAULT_TIME_ZONE when it has none or on a tie.
 */
export function prevailingTimeZone(zones: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const zone of zones) counts.set(zone, (counts.get(zone) ?? 0) + 1);
  let best = DEFAULT_TIME_ZONE;
  let bestCount = counts.get(DEFAULT_TIME_ZONE) ?? 0;
  for (const [zone, count] of counts) if (count > bestCount) [best, bestCount] = [zone, count];
  return best;
}
