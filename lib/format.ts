// Client-safe: browser code imports this (CLIENT_SAFE_MODULES, eslint.config.mjs); it imports only client-safe modules.
import { DEFAULT_TIME_ZONE } from "@/lib/time";

/**
 * Dates and durations as people read them. Times are shown in the site's time zone where
 * the caller knows the site, otherwise in DEFAULT_TIME_ZONE.
 */
export function formatDateTime(ms: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(ms);
}

export function formatDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days ${hours % 24} h`;
}
