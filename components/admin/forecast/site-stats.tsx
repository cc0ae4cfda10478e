import Link from "next/link";
import { useTranslations } from "next-intl";
import { PageHeader, Panel } from "@/components/admin/page-header";
import type { SiteStats } from "@/lib/forecast/site-stats";
import { SIZES } from "@/lib/slots/sizes";
import { ForecastChart } from "./forecast-chart";

/* A site's dwell times, collection shares, busiest hours and door sizing, as tables. */

const clockHour = (hour: number) => `${String(hour).padStart(2, "0")}:00–${String((hour + 1) % 24).padStart(2, "0")}:00`;

export function SiteStatsView({ stats, now }: { stats: SiteStats; now: number }) {
  const t = useTranslations("admin.forecast.stats");
  const percent = (share: number) => t("percent", { value: Math.round(share * 100) });
  const hourWords = (hours: number) => (hours < 24 ? t("hours", { hours }) : t("days", { days: hours / 24 }));
  const { sizing } = stats;
  const turnedAway = SIZES.reduce((sum, size) => sum + sizing.withDoorsNow.turnedAway[size], 0);
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={t("title", { site: stats.name })}
        description={t("description", { parcels: stats.parcels, timeZone: stats.timeZone })}
        actions={
          <Link href={`/admin/sites/${stats.siteId}`} className="text-sm font-semibold text-brand-700 underline">
            {t("back")}
          </Link>
        }
      />
      {stats.forecast && stats.forecast.charts.length > 0 ? (
        <Panel id="forecast" title={t("forecastTitle")}>
          <p className="-mt-2 text-sm text-gray-700">{t("forecastKey")}</p>
          <div className="grid gap-4 md:grid-cols-2">
            {stats.forecast.charts.map((chart) => (
              <ForecastChart key={chart.size} chart={chart} siteName={stats.name} timeZone={stats.timeZone} now={now} />
            ))}
          </div>
        </Panel>
      ) : null}
      {stats.parcels === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">
          {t("none")}
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <Panel id="dwell" title={t("dwell.title")}>
            {stats.measured ? null : <p className="text-sm text-amber-900">{t("dwell.assumed")}</p>}
            <table className="w-full text-left text-sm tabular-nums">
              <caption className="sr-only">{t("dwell.caption")}</caption>
              <thead>
                <tr className="text-gray-700">
                  <th scope="col" className="py-1 font-medium">{t("dwell.after")}</th>
                  <th scope="col" className="py-1 font-medium">{t("dwell.stillWaiting")}</th>
                </tr>
              </thead>
              <tbody>
                {stats.dwell.map((point) => (
                  <tr key={point.hours} className="border-t border-gray-100">
                    <th scope="row" className="py-1 font-normal">{hourWords(point.hours)}</th>
                    <td className="py-1">
                      <span className="inline-block h-2 rounded bg-brand-600 align-middle" style={{ width: `${Math.round(point.stillWaiting * 8)}rem` }} aria-hidden />{" "}
                      {percent(point.stillWaiting)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
          <Panel id="collected-within" title={t("collected.title")}>
            {stats.collectedWithin === null ? (
              <p className="text-sm text-gray-700">{t("collected.none")}</p>
            ) : (
              <dl className="grid grid-cols-3 gap-2">
                {stats.collectedWithin.map((share) => (
                  <div key={share.days}>
                    <dt className="text-sm text-gray-700">{t("days", { days: share.days })}</dt>
                    <dd className="text-2xl font-bold tabular-nums">{percent(share.share)}</dd>
                  </div>
                ))}
              </dl>
            )}
            {stats.collectedWithin === null ? null : <p className="text-sm text-gray-700">{t("collected.of", { count: stats.collectedOf })}</p>}
            <p className="text-sm text-gray-700">{t("collected.holdPeriod", { hours: stats.holdPeriodHours })}</p>
            <h3 className="pt-2 text-base font-semibold">{t("busiest.title")}</h3>
            {stats.busiestHours.length === 0 ? (
              <p className="text-sm text-gray-700">{t("busiest.none")}</p>
            ) : (
              <ol className="list-decimal pl-5 text-sm">
                {stats.busiestHours.map((hour) => (
                  <li key={hour.hour}>
                    {t("busiest.hour", { hours: clockHour(hour.hour), perDay: hour.perDay.toFixed(1) })}
                  </li>
                ))}
              </ol>
            )}
          </Panel>
          <Panel id="sizing" title={t("sizing.title")}>
            <p className="text-sm text-gray-700">
              {t("sizing.intro", { parcels: sizing.parcels, turnedAway, upsized: sizing.withDoorsNow.upsized })}
            </p>
            <table className="w-full text-left text-sm tabular-nums">
              <caption className="sr-only">{t("sizing.caption")}</caption>
              <thead>
                <tr className="text-gray-700">
                  <th scope="col" className="py-1 font-medium">{t("sizing.size")}</th>
                  <th scope="col" className="py-1 font-medium">{t("sizing.doorsNow")}</th>
                  <th scope="col" className="py-1 font-medium">{t("sizing.needed")}</th>
                  <th scope="col" className="py-1 font-medium">{t("sizing.turnedAway")}</th>
                </tr>
              </thead>
              <tbody>
                {SIZES.map((size) => (
                  <tr key={size} className="border-t border-gray-100">
                    <th scope="row" className="py-1 font-normal">{t("sizing.sizeName", { size })}</th>
                    <td className="py-1">{sizing.doorsNow[size]}</td>
                    <td className="py-1">{sizing.doorsNeeded[size]}</td>
                    <td className="py-1">{sizing.withDoorsNow.turnedAway[size]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
        </div>
      )}
    </section>
  );
}
