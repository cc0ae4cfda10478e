import Link from "next/link";
import type { SiteForecastView } from "@/lib/forecast/admin";
import { ForecastChart } from "./forecast-chart";
import { crunchWarning } from "./words";

/*
 * The dashboard's forecast: the warnings first (what to act on), then each site's charts
 * per door size, folded away unless the site has a warning.
 */

export function ForecastSection({ views, now }: { views: SiteForecastView[]; now: number }) {
  const warnings = views.flatMap((view) => view.crunches.map((crunch) => ({ view, crunch })));
  warnings.sort((a, b) => a.crunch.from - b.crunch.from);
  return (
    <section aria-labelledby="forecast" className="flex flex-col gap-3 rounded-xl border border-gray-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="forecast" className="text-lg font-semibold">
          Forecast: the next 48 hours
        </h2>
        <Link href="/admin/forecast/calendar" className="text-sm font-semibold text-brand-700 underline">
          Mark sales days and term start
        </Link>
      </div>
      {views.length === 0 ? (
        <p className="text-sm text-gray-700">No open sites to forecast.</p>
      ) : warnings.length === 0 ? (
        <p className="text-sm text-gray-700">No door size of any site is likely to be full in the next 48 hours.</p>
      ) : (
        <>
          <p className="-mb-1 text-sm text-gray-700">
            Likely full (chance in brackets): couriers are told too. Recipients of the parcels that waited longest are asked to collect today.
          </p>
          <ul aria-label="Forecast warnings" className="flex flex-col gap-1.5">
            {warnings.map(({ view, crunch }) => (
              <li key={`${view.siteId}-${crunch.size}-${crunch.from}`} className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
                {crunchWarning(view.name, crunch, now, view.timeZone)}
              </li>
            ))}
          </ul>
        </>
      )}
      {views.map((view) => (
        <details key={view.siteId} open={view.crunches.length > 0} className="rounded-lg border border-gray-100 p-3">
          <summary className="cursor-pointer font-semibold text-gray-900">{view.name}: occupancy by door size, last day and next two</summary>
          <div className="mt-3 flex flex-col gap-3">
            <p className="text-sm text-gray-700">
              Solid: doors occupied. Dashed: forecast, in its 80 % range (shaded). Red: the number of doors.{" "}
              {view.basis.dwellMeasured
                ? `From ${view.basis.historyDays} days of this site's history.`
                : "Too little history yet: the forecast uses starting assumptions until a few dozen parcels have been collected here."}{" "}
              <Link href={`/admin/sites/${view.siteId}/forecast`} className="font-semibold text-brand-700 underline">
                Dwell times and door sizing for {view.name}
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
    </section>
  );
}
