import Link from "next/link";
import { useTranslations } from "next-intl";
import type { SiteForecastView } from "@/lib/forecast/admin";
import { ForecastChart } from "./forecast-chart";
import { crunchWarning } from "./words";

/*
 * The dashboard's forecast: the warnings first (what to act on), then the charts per door
 * size of each site with a warning, then a link to every other site's forecast page.
 */

export function ForecastSection({ views, now }: { views: SiteForecastView[]; now: number }) {
  const t = useTranslations("admin.forecast.section");
  const words = useTranslations("admin.forecast.words");
  const warnings = views.flatMap((view) => view.crunches.map((crunch) => ({ view, crunch })));
  warnings.sort((a, b) => a.crunch.from - b.crunch.from);
  // Charts for the sites with a warning only: a network of hundreds of sites would make
  // the dashboard megabytes of charts nobody needs today. The others link to their page.
  const withWarning = views.filter((view) => view.crunches.length > 0);
  const calm = views.filter((view) => view.crunches.length === 0 && view.charts.length > 0);
  return (
    <section aria-labelledby="forecast" className="flex flex-col gap-3 rounded-xl border border-gray-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="forecast" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <Link href="/admin/forecast/calendar" className="text-sm font-semibold text-brand-700 underline">
          {t("calendarLink")}
        </Link>
      </div>
      {views.length === 0 ? (
        <p className="text-sm text-gray-700">{t("noSites")}</p>
      ) : warnings.length === 0 ? (
        <p className="text-sm text-gray-700">{t("noWarnings")}</p>
      ) : (
        <>
          <p className="-mb-1 text-sm text-gray-700">{t("warningsIntro")}</p>
          <ul aria-label={t("warningsLabel")} className="flex flex-col gap-1.5">
            {warnings.map(({ view, crunch }) => (
              <li key={`${view.siteId}-${crunch.size}-${crunch.from}`} className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
                {crunchWarning(words, view.name, crunch, now, view.timeZone)}
              </li>
            ))}
          </ul>
        </>
      )}
      {withWarning.map((view) => (
        <details key={view.siteId} open className="rounded-lg border border-gray-100 p-3">
          <summary className="cursor-pointer font-semibold text-gray-900">{t("siteSummary", { site: view.name })}</summary>
          <div className="mt-3 flex flex-col gap-3">
            <p className="text-sm text-gray-700">
              {t("key")}{" "}
              {view.basis.dwellMeasured ? t("basisMeasured", { days: view.basis.historyDays }) : t("basisAssumed")}{" "}
              <Link href={`/admin/sites/${view.siteId}/forecast`} className="font-semibold text-brand-700 underline">
                {t("statsLink", { site: view.name })}
              </Link>
            </p>
            <div className="grid gap-4 md:grid-cols-2">
              {view.charts.map((chart) => (
                <ForecastChart key={chart.size} chart={chart} siteName={view.name} timeZone={view.timeZone} now={now} />
              ))}
            </div>
          </div>
        </details>
      ))}
      {calm.length > 0 ? (
        <nav aria-label={t("calmLabel")} className="text-sm text-gray-700">
          <p>{t("calmIntro")}</p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {calm.map((view) => (
              <li key={view.siteId}>
                <Link href={`/admin/sites/${view.siteId}/forecast`} className="font-semibold text-brand-700 underline">
                  {view.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </section>
  );
}
