import type { Metadata } from "next";
import Link from "next/link";
import { ActivityChart } from "@/components/admin/activity-chart";
import { OccupancyBar, OccupancyLegend } from "@/components/admin/occupancy";
import { PageHeader, Panel } from "@/components/admin/page-header";
import { OverdueOutbound } from "@/components/admin/outbound/overdue-outbound";
import { buttonClass } from "@/components/ui/button";
import { overdueOutbound } from "@/lib/outbound/admin";
import { organizationDashboard, type SiteOverview } from "@/lib/admin/dashboard";
import { formatDateTime, formatDuration } from "@/lib/format";
import { SIZES } from "@/lib/slots/sizes";
import { PARCEL_STATES } from "@/lib/vocabulary/states";
import { adminPageContext } from "./admin-context";
import { describeMessage } from "@/components/admin/message-words";
import { ActionForm } from "@/components/admin/action-form";
import { GUESS_LIMITS } from "@/lib/pickup-codes/limits";
import { liftKioskSlowDownAction } from "./actions";
import { CabinetAlarmList, CabinetList } from "@/components/doors/cabinet-status";
import { ForecastSection } from "@/components/admin/forecast/forecast-section";
import { organizationForecasts } from "@/lib/forecast/admin";


export const metadata: Metadata = { title: "Admin dashboard" };

export default async function AdminDashboardPage() {
  const ctx = await adminPageContext();
  const dashboard = organizationDashboard(ctx);
  const forecasts = organizationForecasts(ctx);
  const totals = dashboard.sites.reduce(
    (sum, site) => ({
      waiting: sum.waiting + site.waiting,
      expiringToday: sum.expiringToday + site.expiringToday,
      expired: sum.expired + site.expired,
      free: sum.free + site.doors.free,
      doors: sum.doors + site.doors.total,
    }),
    { waiting: 0, expiringToday: 0, expired: 0, free: 0, doors: 0 },
  );
  const deposits = dashboard.activity.reduce((sum, day) => sum + day.deposits, 0);
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title="Sites of your organization"
        description={`${dashboard.organization}: where the lockers are full or broken right now, and how busy the last two weeks were.`}
        actions={
          <Link href="/admin/sites/new" className={buttonClass("secondary")}>
            New site
          </Link>
        }
      />

      <OverdueOutbound parcels={overdueOutbound(ctx)} />

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Figure term="Parcels waiting" value={totals.waiting} href="/admin/parcels?state=deposited" />
        <Figure term="Expiring today" value={totals.expiringToday} href="/admin/parcels?expiring=today" tone={totals.expiringToday > 0 ? "warn" : undefined} />
        <Figure term="Expired, awaiting take-back" value={totals.expired} href="/admin/parcels?state=expired" tone={totals.expired > 0 ? "alert" : undefined} />
        <Figure term="Free doors" value={`${totals.free} / ${totals.doors}`} href="/admin/sites" />
      </dl>

      <section aria-labelledby="occupancy" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h2 id="occupancy" className="text-lg font-semibold">
            Doors by size, per site
          </h2>
          <OccupancyLegend />
        </div>
        {dashboard.sites.length === 0 ? (
          <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">
            No sites yet. <Link href="/admin/sites/new" className="font-semibold text-brand-700 underline">Create the first one</Link>.
          </p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {dashboard.sites.map((site) => (
              <SiteCard key={site.id} site={site} />
            ))}
          </div>
        )}
      </section>

      {dashboard.cabinets.length > 0 ? (
        <Panel id="cabinets" title="Cabinets">
          <p className="-mt-2 text-sm text-gray-700">
            An offline cabinet gets no new parcels and its doors cannot be opened until its agent is back; couriers see it on the
            site page.
          </p>
          <CabinetList cabinets={dashboard.cabinets} label="Cabinets" siteNames />
        </Panel>
      ) : null}

      {dashboard.cabinets.length > 0 || dashboard.cabinetAlarms.length > 0 ? (
        <Panel id="door-alarms" title="Door alarms, last 24 hours">
          {dashboard.cabinetAlarms.length === 0 ? (
            <p className="text-sm text-gray-700">None: no cabinet reported a door forced or left open, or a tamper alarm.</p>
          ) : (
            <>
              <p className="-mt-2 text-sm text-gray-700">Doors a cabinet reported forced open or left open, and tamper alarms: check them on site.</p>
              <CabinetAlarmList alarms={dashboard.cabinetAlarms} />
            </>
          )}
        </Panel>
      ) : null}
      <ForecastSection views={forecasts} now={ctx.now()} />

      <Panel id="stuck-doors" title="Doors that did not open, last 24 hours">
        {dashboard.stuckDoors.length === 0 ? (
          <p className="text-sm text-gray-700">None: every door opened when it was told to.</p>
        ) : (
          <>
            <p className="-mt-2 text-sm text-gray-700">
              The lock did not answer. A door that failed for a pickup stays out of service until it opens or you put it back,
              since the parcel may still be inside: check it on site first.
            </p>
            <ul className="flex flex-col divide-y divide-gray-100" aria-label="Doors that did not open">
              {dashboard.stuckDoors.map((door) => (
                <li key={door.slotId} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
                  <Link href={`/admin/sites/${door.siteId}/slots/${door.slotId}`} className="font-semibold text-brand-700 underline">
                    {door.siteName} · door {door.label}
                  </Link>
                  <span className="text-gray-700">
                    {door.failures === 1 ? "once" : `${door.failures} times`} · last {formatDateTime(door.lastAt)}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Panel>

      <Panel id="kiosk-guessing" title="Wrong codes at kiosks, last 24 hours">
        {dashboard.kioskGuessing.length === 0 ? (
          <p className="text-sm text-gray-700">None: no kiosk saw a wrong code.</p>
        ) : (
          <>
            <p className="-mt-2 text-sm text-gray-700">
              After {GUESS_LIMITS.freeWrong} wrong codes a kiosk waits a little before it takes the next typed code, longer with each
              one, up to {Math.round(GUESS_LIMITS.maxDelayMs / 60_000)} minutes; other kiosks and QR codes are never slowed. Many wrong
              codes at one kiosk may be someone guessing. Lift a slow-down when a customer is waiting in front of it.
            </p>
            <ul className="flex flex-col divide-y divide-gray-100" aria-label="Wrong codes at kiosks">
              {dashboard.kioskGuessing.map((site) => (
                <li key={site.siteId} className="flex flex-col gap-2 py-2 text-sm">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <Link href={`/admin/sites/${site.siteId}`} className="font-semibold text-brand-700 underline">
                      {site.siteName}
                    </Link>
                    <span className="text-gray-700">
                      {plural(site.wrong, "wrong code")} · {plural(site.refused, "entry", "entries")} refused while slowed down
                    </span>
                  </div>
                  <ul className="flex flex-col gap-2 pl-3" aria-label={`Kiosks at ${site.siteName}`}>
                    {site.kiosks.map((kiosk) => (
                      <li key={kiosk.kioskId} className="flex flex-col gap-1">
                        <p className="text-gray-800">
                          <strong>{kiosk.kioskName}</strong>: {plural(kiosk.wrong, "wrong code")}, {kiosk.refused} refused ·{" "}
                          {kiosk.slowedForMs > 0 ? `slowed down for ${waitWords(kiosk.slowedForMs)} more` : "takes codes now"}
                        </p>
                        <ActionForm
                          action={liftKioskSlowDownAction}
                          hidden={{ kioskId: kiosk.kioskId }}
                          submitLabel={`Lift the slow-down of ${kiosk.kioskName}`}
                          pendingLabel="Lifting…"
                          variant="secondary"
                          disabled={kiosk.slowedForMs === 0}
                        />
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </>
        )}
      </Panel>

      <Panel id="undelivered" title="Messages that could not be sent, last 7 days">
        {dashboard.undeliveredMessages.length === 0 ? (
          <p className="text-sm text-gray-700">None: every message about a parcel was sent.</p>
        ) : (
          <>
            <p className="-mt-2 text-sm text-gray-700">
              Every try was refused or went unanswered, so the recipient may not know their parcel is waiting. Reach them another
              way; the parcel&apos;s page has its details.
            </p>
            <ul className="flex flex-col divide-y divide-gray-100" aria-label="Messages that could not be sent">
              {dashboard.undeliveredMessages.map((message) => (
                <li key={message.id} className="flex flex-col gap-1 py-2 text-sm">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <Link href={`/admin/parcels/${message.parcelId}`} className="font-semibold text-brand-700 underline">
                      {message.trackingNumber} · {message.siteName}
                    </Link>
                    <span className="text-gray-700">{formatDateTime(message.at)}</span>
                  </div>
                  <p className="text-gray-800">
                    {describeMessage(message)}
                    {message.lastError ? <span className="text-gray-700"> — {message.lastError}</span> : null}
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </Panel>

      <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
        <Panel id="activity" title="Deposits and collections, last 14 days">
          <ActivityChart days={dashboard.activity} today={dashboard.today} />
          <p className="text-sm text-gray-600">
            {deposits} deposits in 14 days. Choose a day to see the parcels that arrived on it.
          </p>
        </Panel>
        <Panel id="median-wait" title="Median wait">
          <p className="text-3xl font-bold tabular-nums text-gray-950">
            {dashboard.medianWaitMs === null ? "—" : formatDuration(dashboard.medianWaitMs)}
          </p>
          <p className="text-sm text-gray-700">
            From deposit to collection, over the {dashboard.collectedInWindow} parcel{dashboard.collectedInWindow === 1 ? "" : "s"} collected
            in the last 14 days.
          </p>
          <Link href="/admin/parcels?state=collected" className="text-sm font-semibold text-brand-700 underline">
            Collected parcels
          </Link>
        </Panel>
      </div>
    </section>
  );
}

function Figure({ term, value, href, tone }: { term: string; value: number | string; href: string; tone?: "warn" | "alert" }) {
  const colour = tone === "alert" ? "border-red-300 bg-red-50" : tone === "warn" ? "border-amber-300 bg-amber-50" : "border-gray-200 bg-white";
  return (
    // The whole card is the link's target area (its ::after covers the card).
    <div className={`relative flex flex-col gap-1 rounded-xl border p-4 shadow-sm hover:shadow ${colour}`}>
      <dt className="text-sm font-medium text-gray-700">{term}</dt>
      <dd>
        <Link
          href={href}
          aria-label={`${value} — ${term}`}
          className="whitespace-nowrap text-2xl font-bold tabular-nums text-gray-950 after:absolute after:inset-0 after:rounded-xl hover:underline lg:text-3xl"
        >
          {value}
        </Link>
      </dd>
    </div>
  );
}

function SiteCard({ site }: { site: SiteOverview }) {
  const headingId = `site-${site.id}`;
  const query = `site=${site.id}`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-xl border border-gray-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-base font-semibold">
          <Link href={`/admin/sites/${site.id}`} className="hover:underline">
            {site.name}
          </Link>
        </h3>
        <span className="flex items-center gap-2 text-sm text-gray-600">
          {site.status === "closed" ? <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">Closed</span> : null}
          {site.code}
        </span>
      </div>
      <p className="text-sm text-gray-700">
        <strong className="tabular-nums">{site.doors.free}</strong> of <span className="tabular-nums">{site.doors.total}</span> doors free
        {site.doors.outOfService > 0 ? ` · ${site.doors.outOfService} out of service` : ""}
      </p>
      <div className="flex flex-col gap-1.5">
        {SIZES.map((size) => (
          <OccupancyBar key={size} label={size} counts={site.bySize[size]} />
        ))}
      </div>
      <dl className="grid grid-cols-3 gap-2 border-t border-gray-100 pt-3 text-sm">
        <SiteFigure term={PARCEL_STATES.deposited.name} site={site.name} value={site.waiting} href={`/admin/parcels?${query}&state=deposited`} />
        <SiteFigure term="Expiring today" site={site.name} value={site.expiringToday} href={`/admin/parcels?${query}&expiring=today`} />
        <SiteFigure term={PARCEL_STATES.expired.name} site={site.name} value={site.expired} href={`/admin/parcels?${query}&state=expired`} />
      </dl>
    </section>
  );
}

function SiteFigure({ term, site, value, href }: { term: string; site: string; value: number; href: string }) {
  return (
    <div>
      <dt className="text-gray-600">{term}</dt>
      <dd>
        <Link href={href} aria-label={`${value} ${term.toLowerCase()} at ${site}`} className="text-lg font-bold tabular-nums text-brand-700 underline-offset-2 hover:underline">
          {value}
        </Link>
      </dd>
    </div>
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function waitWords(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
