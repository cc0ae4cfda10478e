import type { SlotSize } from "@/db/enums";
import { CRUNCH_PROBABILITY, type SiteForecast } from "./model";

/*
 * Where a forecast says a door size will be full: runs of hours more likely full than not.
 * The words ("full tomorrow 10:00–14:00 (80 %)") belong to the screens; this is the fact.
 */

const HOUR = 3_600_000;

export type Crunch = {
  size: SlotSize;
  /** The first hour forecast full (an instant; now when it is full already). */
  from: number;
  /** When the last hour forecast full ends. */
  until: number;
  /** The highest chance of being full in the run, 0–1. */
  peak: number;
};

/** Every crunch of the forecast within `withinHours` (48: all of it), earliest first. */
export function crunchesOf(forecast: SiteForecast, withinHours = 48): Crunch[] {
  const crunches: Crunch[] = [];
  for (const size of forecast.sizes) {
    if (size.capacity === 0) continue;
    let open: Crunch | undefined;
    for (const point of size.points) {
      if (point.at > forecast.computedAt + withinHours * HOUR) break;
      if (point.pFull >= CRUNCH_PROBABILITY) {
        if (open) {
          open.until = point.at + HOUR;
          open.peak = Math.max(open.peak, point.pFull);
        } else open = { size: size.size, from: point.at, until: point.at + HOUR, peak: point.pFull };
      } else if (open) {
        crunches.push(open);
        open = undefined;
      }
    }
    if (open) crunches.push(open);
  }
  return crunches.sort((a, b) => a.from - b.from);
}

/** When the site first becomes likely full for any size within the next day, or null. */
export function likelyFullBy(forecast: SiteForecast): { at: number; size: SlotSize } | null {
  const first = crunchesOf(forecast, 24)[0];
  return first ? { at: first.from, size: first.size } : null;
}
