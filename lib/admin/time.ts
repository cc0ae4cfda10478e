import "server-only";

/*
 * Calendar days as the sites live them. lib/format.ts shows times in Asia/Shanghai, which
 * has had no daylight saving since 1991, so a day is a fixed UTC+8 window and "today" is
 * plain arithmetic — no time-zone library needed. A network spanning zones would need a
 * time zone per site.
 */

const OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 24 * 3_600_000;

/** The instant the site-local day containing `ms` begins. */
export function startOfDay(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
}

/** "2026-11-26" for the site-local day containing `ms`. */
export function dayKey(ms: number): string {
  return new Date(startOfDay(ms) + OFFSET_MS).toISOString().slice(0, 10);
}

/** The start of the site-local day "YYYY-MM-DD", or null if it is not a real date. */
export function parseDayKey(key: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) return null;
  const utc = Date.parse(`${key}T00:00:00Z`);
  if (Number.isNaN(utc) || new Date(utc).toISOString().slice(0, 10) !== key) return null;
  return utc - OFFSET_MS;
}

/** "2026-11-26 17:05" in site-local time: sortable, for files. */
export function localTimestamp(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}
