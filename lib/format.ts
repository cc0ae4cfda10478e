// Client-safe: browser code imports this (CLIENT_SAFE_MODULES, eslint.config.mjs); it imports only client-safe modules.
import type { Locale } from "@/lib/i18n/locales";
import { DEFAULT_TIME_ZONE } from "@/lib/time";

/**
 * Dates and durations as people read them, in their language and in the time zone of the
 * site the time belongs to. Both are required: a time without its site's zone is the bug
 * issue 15 item 6 is about (a Berlin site's deadline printed in Shanghai time).
 */
export type TimeFormat = { locale: Locale; timeZone: string };

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** "30 Nov 2026, 18:05" / "2026年11月30日 18:05" in `timeZone`. */
export function formatAt(ms: number, { locale, timeZone }: TimeFormat): string {
  const id = `${locale}|${timeZone}`;
  let format = dateTimeFormats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { dateStyle: "medium", timeStyle: "short", timeZone, hourCycle: "h23" });
    dateTimeFormats.set(id, format);
  }
  return format.format(ms);
}

/**
 * @deprecated English, in DEFAULT_TIME_ZONE whatever the site's: the screens that still call
 * it (courier, customer, admin) move to formatAt with their site's zone and the person's
 * language as they are converted (issue 15, next session).
 */
export function formatDateTime(ms: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  return formatAt(ms, { locale: "en", timeZone });
}

const DURATION_WORDS: Record<Locale, { min: string; h: string; day: (n: number) => string; gap: string }> = {
  en: { min: "min", h: "h", day: (n) => (n === 1 ? "day" : "days"), gap: " " },
  "zh-CN": { min: "分钟", h: "小时", day: () => "天", gap: " " },
};

/** "2 days 4 h" / "2 天 4 小时": how long, to the minute under an hour, to the hour beyond two days. */
export function formatDuration(ms: number, locale: Locale = "en"): string {
  const words = DURATION_WORDS[locale];
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes}${words.gap}${words.min}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}${words.gap}${words.h} ${minutes % 60}${words.gap}${words.min}`;
  const days = Math.floor(hours / 24);
  return `${days}${words.gap}${words.day(days)} ${hours % 24}${words.gap}${words.h}`;
}

/** A price kept in fen (the smallest unit, as outbound quotes are stored) as yuan: "¥12.00". */
export function formatYuan(cents: number): string {
  return `¥${(cents / 100).toFixed(2)}`;
}
