import { DEFAULT_TIME_ZONE } from "@/lib/time";

const SHORT = new Map<string, Intl.DateTimeFormat>();

/** "26 Nov, 19:06" in the site's zone (DEFAULT_TIME_ZONE unless given): for dense tables. */
export function formatShortDateTime(ms: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  let format = SHORT.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hour12: false, timeZone });
    SHORT.set(timeZone, format);
  }
  return format.format(ms);
}
