/** "26 Nov, 19:06" in site time (Asia/Shanghai, as lib/format.ts): for dense tables. */
const SHORT = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "Asia/Shanghai",
});

export function formatShortDateTime(ms: number): string {
  return SHORT.format(ms);
}
