import { useTranslations } from "next-intl";
import type { OccupancyChart } from "@/lib/forecast/admin";
import { clockTime, dayPhrase, whenWords } from "./words";

/*
 * One door size of one site: the real occupancy of the last day (solid), the forecast of
 * the next two (dashed) inside its 80 % band (shaded), and the number of doors (red line).
 * Server-rendered SVG, no script. The picture has a one-line text alternative and the
 * numbers sit in a table below it for anyone who cannot see it.
 */

const WIDTH = 360;
const HEIGHT = 120;
const PAD = { left: 28, right: 6, top: 8, bottom: 18 };

export function ForecastChart({ chart, siteName, timeZone, now }: { chart: OccupancyChart; siteName: string; timeZone: string; now: number }) {
  const t = useTranslations("admin.forecast.chart");
  const words = useTranslations("admin.forecast.words");
  const first = chart.past[0]?.at ?? now;
  const last = chart.forecast[chart.forecast.length - 1]?.at ?? now;
  const top = Math.max(chart.capacity, 1);
  const x = (at: number) => PAD.left + ((at - first) / Math.max(1, last - first)) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number) => PAD.top + (1 - value / top) * (HEIGHT - PAD.top - PAD.bottom);
  const path = (points: [number, number][]) => points.map(([px, py], i) => `${i === 0 ? "M" : "L"}${px.toFixed(1)},${py.toFixed(1)}`).join(" ");
  const past = path(chart.past.map((p) => [x(p.at), y(p.occupied)]));
  // From the forecast's own start (its "now", moments or minutes before the page's).
  const ahead = chart.forecast;
  const mean = path(ahead.map((p) => [x(p.at), y(p.mean)]));
  const band = `${path(ahead.map((p) => [x(p.at), y(p.high)]))} ${ahead
    .slice()
    .reverse()
    .map((p) => `L${x(p.at).toFixed(1)},${y(p.low).toFixed(1)}`)
    .join(" ")} Z`;
  const peak = ahead.reduce((best, p) => (p.mean > best.mean ? p : best), ahead[0] ?? { at: now, mean: 0, low: 0, high: 0, pFull: 0 });
  const summary = t("summary", {
    site: siteName,
    size: chart.size,
    occupied: chart.past[chart.past.length - 1]?.occupied ?? 0,
    capacity: chart.capacity,
    peak: Math.round(peak.mean),
    day: dayPhrase(words, peak.at, now, timeZone),
    clock: clockTime(peak.at, timeZone),
  });
  // Every sixth hour in the table: 12 rows say the shape without 72 rows to read.
  const rows = ahead.filter((_, i) => i % 6 === 0 || i === ahead.length - 1);
  return (
    <figure className="flex flex-col gap-1">
      <figcaption className="text-sm font-semibold text-gray-900">
        {t("caption", { size: chart.size, capacity: chart.capacity })}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="img" aria-label={summary}>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(chart.capacity)} y2={y(chart.capacity)} className="stroke-red-600" strokeWidth={1} />
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} className="stroke-gray-300" strokeWidth={1} />
        <text x={PAD.left - 4} y={y(chart.capacity) + 4} textAnchor="end" className="fill-gray-700 text-[10px]">
          {chart.capacity}
        </text>
        <text x={PAD.left - 4} y={y(0) + 4} textAnchor="end" className="fill-gray-700 text-[10px]">
          0
        </text>
        <line x1={x(now)} x2={x(now)} y1={PAD.top} y2={HEIGHT - PAD.bottom} className="stroke-gray-400" strokeDasharray="2 2" />
        <text x={x(now)} y={HEIGHT - 4} textAnchor="middle" className="fill-gray-700 text-[10px]">
          {t("now")}
        </text>
        {ahead.length > 1 ? <path d={band} className="fill-brand-600/20" /> : null}
        <path d={past} fill="none" className="stroke-gray-900" strokeWidth={2} />
        {ahead.length > 1 ? <path d={mean} fill="none" className="stroke-brand-700" strokeWidth={2} strokeDasharray="5 3" /> : null}
      </svg>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700 underline">{t("asTable", { size: chart.size })}</summary>
        <table className="mt-2 w-full text-left tabular-nums">
          <caption className="sr-only">
            {t("tableCaption", { site: siteName, size: chart.size, capacity: chart.capacity })}
          </caption>
          <thead>
            <tr className="text-gray-700">
              <th scope="col" className="py-1 pr-2 font-medium">{t("when")}</th>
              <th scope="col" className="py-1 pr-2 font-medium">{t("expected")}</th>
              <th scope="col" className="py-1 pr-2 font-medium">{t("range")}</th>
              <th scope="col" className="py-1 font-medium">{t("chanceFull")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p, i) => (
              <tr key={p.at} className="border-t border-gray-100">
                <th scope="row" className="py-1 pr-2 font-normal">
                  {/* The first point is the forecast's own "now" (moments before the page's). */}
                  {i === 0 ? t("now") : whenWords(words, p.at, now, timeZone)}
                </th>
                <td className="py-1 pr-2">{Math.round(p.mean)}</td>
                <td className="py-1 pr-2">
                  {Math.round(p.low)}–{Math.round(p.high)}
                </td>
                <td className="py-1">{t("percent", { value: Math.round(p.pFull * 100) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
