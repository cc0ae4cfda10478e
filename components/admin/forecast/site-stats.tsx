import Link from "next/link";
import { PageHeader, Panel } from "@/components/admin/page-header";
import type { SiteStats } from "@/lib/forecast/site-stats";
import { SIZES } from "@/lib/slots/sizes";

/* A site's dwell times, collection shares, busiest hours and door sizing, as tables. */

const percent = (share: number) => `${Math.round(share * 100)} %`;
const hourWords = (hours: number) => (hours < 24 ? `${hours} h` : `${hours / 24} day${hours === 24 ? "" : "s"}`);
const clockHour = (hour: number) => `${String(hour).padStart(2, "0")}:00–${String((hour + 1) % 24).padStart(2, "0")}:00`;

export function SiteStatsView({ stats }: { stats: SiteStats }) {
  const { sizing } = stats;
  const turnedAway = SIZES.reduce((sum, size) => sum + sizing.withDoorsNow.turnedAway[size], 0);
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={`Dwell times and door sizing: ${stats.name}`}
        description={`From the parcels deposited here in the last 8 weeks (${stats.parcels}), on the site's clock (${stats.timeZone}).`}
        actions={
          <Link href={`/admin/sites/${stats.siteId}`} className="text-sm font-semibold text-brand-700 underline">
            Back to the site
          </Link>
        }
      />
      {stats.parcels === 0 ? (
        <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">
          No parcels were deposited here in the last 8 weeks, so there is nothing to measure yet.
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <Panel id="dwell" title="How long parcels stay">
            {stats.measured ? null : (
              <p className="text-sm text-amber-900">Fewer than 30 parcels have left their doors yet: these are the starting assumptions, not this site&apos;s figures.</p>
            )}
            <table className="w-full text-left text-sm tabular-nums">
              <caption className="sr-only">Share of parcels still in their door, by time since they arrived</caption>
              <thead>
                <tr className="text-gray-700">
                  <th scope="col" className="py-1 font-medium">After</th>
                  <th scope="col" className="py-1 font-medium">Still waiting</th>
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
          <Panel id="collected-within" title="Collected within">
            {stats.collectedWithin === null ? (
              <p className="text-sm text-gray-700">No parcel here is three days old yet.</p>
            ) : (
              <dl className="grid grid-cols-3 gap-2">
                {stats.collectedWithin.map((share) => (
                  <div key={share.days}>
                    <dt className="text-sm text-gray-700">{share.days === 1 ? "1 day" : `${share.days} days`}</dt>
                    <dd className="text-2xl font-bold tabular-nums">{percent(share.share)}</dd>
                  </div>
                ))}
              </dl>
            )}
            <p className="text-sm text-gray-700">The hold period here is {stats.holdPeriodHours} hours; the rest expire and are taken back.</p>
            <h3 className="pt-2 text-base font-semibold">Busiest hours</h3>
            {stats.busiestHours.length === 0 ? (
              <p className="text-sm text-gray-700">No deposits in the last 4 weeks.</p>
            ) : (
              <ol className="list-decimal pl-5 text-sm">
                {stats.busiestHours.map((hour) => (
                  <li key={hour.hour}>
                    {clockHour(hour.hour)}: {hour.perDay.toFixed(1)} deposits a day
                  </li>
                ))}
              </ol>
            )}
          </Panel>
          <Panel id="sizing" title="Doors last month's parcels needed">
            <p className="text-sm text-gray-700">
              The {sizing.parcels} parcels of the last 30 days replayed through the assignment rule (smallest free size that fits, else bigger).
              With the doors there are now, {turnedAway === 0 ? "none would have been turned away" : `${turnedAway} would have been turned away`} and{" "}
              {sizing.withDoorsNow.upsized} upsized. A courier turned away at a full site leaves no parcel here, so if this site was often full, it needs more than this.
            </p>
            <table className="w-full text-left text-sm tabular-nums">
              <caption className="sr-only">Doors per size: now, and what would have taken every parcel in its own size</caption>
              <thead>
                <tr className="text-gray-700">
                  <th scope="col" className="py-1 font-medium">Size</th>
                  <th scope="col" className="py-1 font-medium">Doors now</th>
                  <th scope="col" className="py-1 font-medium">Needed for none turned away or upsized</th>
                  <th scope="col" className="py-1 font-medium">Turned away with doors now</th>
                </tr>
              </thead>
              <tbody>
                {SIZES.map((size) => (
                  <tr key={size} className="border-t border-gray-100">
                    <th scope="row" className="py-1 font-normal">{size}</th>
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
