import { dayKey } from "@/lib/time";
import type { Crunch } from "@/lib/forecast/warnings";

/*
 * The forecast's facts in the reader's words, on the site's own clock:
 * "North Dormitory Station, size M: full tomorrow 10:00–14:00 (80 %)" /
 * "North Dormitory Station 中格口：明天 10:00–14:00 预计满柜（80%）".
 * The sentences are the messages of `admin.forecast.words`; these functions pick the day
 * and the clock times, which are the same in every language (24-hour, the site's zone).
 */

/**
 * A translator of the `admin.forecast.words` namespace: what next-intl's
 * `getTranslations("admin.forecast.words")` or use-intl's `createTranslator` give.
 */
export type ForecastWords = (key: "day" | "at" | "ahead" | "now" | "warning" | "nowShort", values?: Record<string, string | number>) => string;

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** "10:00" on the clock of `timeZone`. */
export function clockTime(at: number, timeZone: string): string {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    clockFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** Which day the site's calendar reads `at` as, from `now`: today, tomorrow, or another weekday (0 = Sunday). */
export function dayOf(at: number, now: number, timeZone: string): { day: "today" | "tomorrow" | "other"; weekday: number } {
  const day = dayKey(timeZone, at);
  const [year, month, date] = day.split("-").map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  if (day === dayKey(timeZone, now)) return { day: "today", weekday };
  if (day === dayKey(timeZone, now + 86_400_000)) return { day: "tomorrow", weekday };
  return { day: "other", weekday };
}

/** "today", "tomorrow", "on Saturday" / "今天", "明天", "周六". */
export function dayPhrase(t: ForecastWords, at: number, now: number, timeZone: string): string {
  const { day, weekday } = dayOf(at, now, timeZone);
  return t("day", { day: day === "other" ? String(weekday) : day });
}

/** "tomorrow 10:00" / "明天 10:00". */
export function whenWords(t: ForecastWords, at: number, now: number, timeZone: string): string {
  return t("at", { day: dayPhrase(t, at, now, timeZone), clock: clockTime(at, timeZone) });
}

/** "full tomorrow 10:00–14:00 (80 %)", or "full now until 14:00 (95 %)". */
export function crunchWords(t: ForecastWords, crunch: Crunch, now: number, timeZone: string): string {
  const chance = Math.round(crunch.peak * 100);
  if (crunch.from <= now) {
    const until = dayOf(crunch.until, now, timeZone).day === "today" ? clockTime(crunch.until, timeZone) : whenWords(t, crunch.until, now, timeZone);
    return t("now", { until, chance });
  }
  const sameDay = dayKey(timeZone, crunch.until - 1) === dayKey(timeZone, crunch.from);
  return t("ahead", {
    from: whenWords(t, crunch.from, now, timeZone),
    until: sameDay ? clockTime(crunch.until, timeZone) : whenWords(t, crunch.until, now, timeZone),
    chance,
  });
}

/** The whole warning line. */
export function crunchWarning(t: ForecastWords, siteName: string, crunch: Crunch, now: number, timeZone: string): string {
  return t("warning", { site: siteName, size: crunch.size, words: crunchWords(t, crunch, now, timeZone) });
}

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * @deprecated English only, for the courier's site list until it is converted (issue 15):
 * use `dayPhrase` with the `admin.forecast.words` messages.
 */
export function dayWords(at: number, now: number, timeZone: string): string {
  const { day } = dayOf(at, now, timeZone);
  if (day !== "other") return day;
  let format = weekdayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long" });
    weekdayFormats.set(timeZone, format);
  }
  return `on ${format.format(at)}`;
}
