import { dayKey } from "@/lib/time";
import type { ConsentMoment } from "./rule";

const clocks = new Map<string, Intl.DateTimeFormat>();

/** The moment `at` as the site's wall clock reads it, for the consent rule. */
export function consentMoment(timeZone: string, at: number, carrierId: number): ConsentMoment {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "2-digit", minute: "2-digit", weekday: "short" });
    clocks.set(timeZone, clock);
  }
  const parts = clock.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(part("weekday"));
  return { carrierId, date: dayKey(timeZone, at), weekday, minutes: Number(part("hour")) * 60 + Number(part("minute")) };
}
