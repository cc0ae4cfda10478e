import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { ActivityChart } from "@/components/admin/activity-chart";
import { OccupancyBar, OccupancyLegend } from "@/components/admin/occupancy";
import { PageHeader, Panel } from "@/components/admin/page-header";
import { OverdueOutbound } from "@/components/admin/outbound/overdue-outbound";
import { buttonClass } from "@/components/ui/button";
import { overdueOutbound } from "@/lib/outbound/admin";
import { organizationDashboard, type SiteOverview } from "@/lib/admin/dashboard";
import { formatAt, formatDuration } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { SIZES } from "@/lib/slots/sizes";
import { adminPageContext } from "./admin-context";
import { MessageDescription } from "@/components/admin/message-description";
import { ActionForm } from "@/components/admin/action-form";
import { GUESS_LIMITS } from "@/lib/pickup-codes/limits";
import { liftKioskSlowDownAction } from "./actions";
import { CabinetAlarmList, CabinetList } from "@/components/doors/cabinet-status";
import { ForecastSection } from "@/components/admin/forecast/forecast-section";
import { organizationForecasts } from "@/lib/forecast/admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.dashboard");
  return { title: t("metaTitle") };
}

export default async function AdminDashboardPage() {
  const ctx = await adminPageContext();
  const t = await getTranslations("admin.dashboard");
  const locale = await requestLocale();
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
        title={t("title")}
        description={t("description", { organization: dashboard.organization })}
        actions={
          <Link href="/admin/sites/new" className={buttonClass("secondary")}>
            {t("newSite")}
          </Link>
        }
      />

      <OverdueOutbound parcels={overdueOutbound(ctx)} />

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Figure term={t("figures.waiting")} value={totals.waiting} href="/admin/parcels?state=deposited" />
        <Figure term={t("figures.expiringToday")} value={totals.expiringToday} href="/admin/parcels?expiring=today" tone={totals.expiringToday > 0 ? "warn" : undefined} />
        <Figure term={t("figures.expired")} value={totals.expired} href="/admin/parcels?state=expired" tone={totals.expired > 0 ? "alert" : undefined} />
        <Figure term={t("figures.freeDoors")} value={t("figures.freeOf", { free: totals.free, total: totals.doors })} href="/admin/sites" />
      </dl>

      <section aria-labelledby="occupancy" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h2 id="occupancy" className="text-lg font-semibold">
            {t("occupancy")}
          </h2>
          <OccupancyLegend />
        </div>
        {dashboard.sites.length === 0 ? (
          <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">
            {t("noSites")}{" "}
            <Link href="/admin/sites/new" className="font-semibold text-brand-700 underline">
              {t("createFirst")}
            </Link>
            {t("createFirstEnd")}
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
        <Panel id="cabinets" title={t("cabinets.title")}>
          <p className="-mt-2 text-sm text-gray-700">{t("cabinets.intro")}</p>
          <CabinetList cabinets={dashboard.cabinets} label={t("cabinets.title")} siteNames />
        </Panel>
      ) : null}

      {dashboard.cabinets.length > 0 || dashboard.cabinetAlarms.length > 0 ? (
        <Panel id="door-alarms" title={t("alarms.title")}>
          {dashboard.cabinetAlarms.length === 0 ? (
            <p className="text-sm text-gray-700">{t("alarms.none")}</p>
          ) : (
            <>
              <p className="-mt-2 text-sm text-gray-700">{t("alarms.intro")}</p>
              <CabinetAlarmList alarms={dashboard.cabinetAlarms} />
            </>
          )}
        </Panel>
      ) : null}
      <ForecastSection views={forecasts} now={ctx.now()} />

      <Panel id="stuck-doors" title={t("stuck.title")}>
        {dashboard.stuckDoors.length === 0 ? (
          <p className="text-sm text-gray-700">{t("stuck.none")}</p>
        ) : (
          <>
            <p className="-mt-2 text-sm text-gray-700">{t("stuck.intro")}</p>
            <ul className="flex flex-col divide-y divide-gray-100" aria-label={t("stuck.listLabel")}>
              {dashboard.stuckDoors.map((door) => (
                <li key={door.slotId} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
                  <Link href={`/admin/sites/${door.siteId}/slots/${door.slotId}`} className="font-semibold text-brand-700 underline">
                    {t("stuck.door", { site: door.siteName, door: door.label })}
                  </Link>
                  <span className="text-gray-700">
                    {t("stuck.failures", { count: door.failures, at: formatAt(door.lastAt, { locale, timeZone: door.timeZone }) })}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Panel>

      <Panel id="kiosk-guessing" title={t("guessing.title")}>
        {dashboard.kioskGuessing.length === 0 ? (
          <p className="text-sm text-gray-700">{t("guessing.none")}</p>
        ) : (
          <>
            <p className="-mt-2 text-sm text-gray-700">
              {t("guessing.intro", { free: GUESS_LIMITS.freeWrong, minutes: Math.round(GUESS_LIMITS.maxDelayMs / 60_000) })}
            </p>
            <ul className="flex flex-col divide-y divide-gray-100" aria-label={t("guessing.listLabel")}>
              {dashboard.kioskGuessing.map((site) => (
                <li key={site.siteId} className="flex flex-col gap-2 py-2 text-sm">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <Link href={`/admin/sites/${site.siteId}`} className="font-semibold text-brand-700 underline">
                      {site.siteName}
                    </Link>
                    <span className="text-gray-700">{t("guessing.siteCounts", { wrong: site.wrong, refused: site.refused })}</span>
                  </div>
                  <ul className="flex flex-col gap-2 pl-3" aria-label={t("guessing.kiosksAt", { site: site.siteName })}>
                    {site.kiosks.map((kiosk) => (
                      <li key={kiosk.kioskId} className="flex flex-col gap-1">
                        <p className="text-gray-800">
                          <strong>{kiosk.kioskName}</strong>
                          {t("guessing.kiosk", {
                            wrong: kiosk.wrong,
                            refused: kiosk.refused,
                            slowed: kiosk.slowedForMs > 0 ? "yes" : "no",
                            wait: waitWords(kiosk.slowedForMs, t),
                          })}
                        </p>
                        <ActionForm
                          action={liftKioskSlowDownAction}
                          hidden={{ kioskId: kiosk.kioskId }}
                          submitLabel={t("guessing.lift", { kiosk: kiosk.kioskName })}
                          pendingLabel={t("guessing.lifting")}
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

      <Panel id="undelivered" title={t("undelivered.title")}>
        {dashboard.undeliveredMessages.length === 0 ? (
          <p className="text-sm text-gray-700">{t("undelivered.none")}</p>
        ) : (
          <>
            <p className="-mt-2 text-sm text-gray-700">{t("undelivered.intro")}</p>
            <ul className="flex flex-col divide-y divide-gray-100" aria-label={t("undelivered.listLabel")}>
              {dashboard.undeliveredMessages.map((message) => (
                <li key={message.id} className="flex flex-col gap-1 py-2 text-sm">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <Link href={`/admin/parcels/${message.parcelId}`} className="font-semibold text-brand-700 underline">
                      {message.trackingNumber} · {message.siteName}
                    </Link>
                    <span className="text-gray-700">{formatAt(message.at, { locale, timeZone: message.timeZone })}</span>
                  </div>
                  <p className="text-gray-800">
                    <MessageDescription message={message} />
                    {message.lastError ? <span className="text-gray-700"> — {message.lastError}</span> : null}
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </Panel>

      <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
        <Panel id="activity" title={t("activity.title")}>
          <ActivityChart days={dashboard.activity} today={dashboard.today} />
          <p className="text-sm text-gray-600">{t("activity.deposits", { count: deposits })}</p>
        </Panel>
        <Panel id="median-wait" title={t("medianWait.title")}>
          <p className="text-3xl font-bold tabular-nums text-gray-950">
            {dashboard.medianWaitMs === null ? "—" : formatDuration(dashboard.medianWaitMs, locale)}
          </p>
          <p className="text-sm text-gray-700">{t("medianWait.body", { count: dashboard.collectedInWindow })}</p>
          <Link href="/admin/parcels?state=collected" className="text-sm font-semibold text-brand-700 underline">
            {t("medianWait.collected")}
          </Link>
        </Panel>
      </div>
    </section>
  );
}

function Figure({ term, value, href, tone }: { term: string; value: number | string; href: string; tone?: "warn" | "alert" }) {
  const figureWords = useTranslations("admin.dashboard.figures");
  const colour = tone === "alert" ? "border-red-300 bg-red-50" : tone === "warn" ? "border-amber-300 bg-amber-50" : "border-gray-200 bg-white";
  return (
    // The whole card is the link's target area (its ::after covers the card).
    <div className={`relative flex flex-col gap-1 rounded-xl border p-4 shadow-sm hover:shadow ${colour}`}>
      <dt className="text-sm font-medium text-gray-700">{term}</dt>
      <dd>
        <Link
          href={href}
          aria-label={figureWords("label", { value, term })}
          className="whitespace-nowrap text-2xl font-bold tabular-nums text-gray-950 after:absolute after:inset-0 after:rounded-xl hover:underline lg:text-3xl"
        >
          {value}
        </Link>
      </dd>
    </div>
  );
}

function SiteCard({ site }: { site: SiteOverview }) {
  const siteWords = useTranslations("admin.dashboard.site");
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
          {site.status === "closed" ? <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">{siteWords("closed")}</span> : null}
          {site.code}
        </span>
      </div>
      <p className="text-sm text-gray-700">
        {siteWords("doorsFree", { free: site.doors.free, total: site.doors.total, outOfService: site.doors.outOfService })}
      </p>
      <div className="flex flex-col gap-1.5">
        {SIZES.map((size) => (
          <OccupancyBar key={size} size={size} counts={site.bySize[size]} />
        ))}
      </div>
      <dl className="grid grid-cols-3 gap-2 border-t border-gray-100 pt-3 text-sm">
        <SiteFigure figure="waiting" site={site.name} value={site.waiting} href={`/admin/parcels?${query}&state=deposited`} />
        <SiteFigure figure="expiringToday" site={site.name} value={site.expiringToday} href={`/admin/parcels?${query}&expiring=today`} />
        <SiteFigure figure="expired" site={site.name} value={site.expired} href={`/admin/parcels?${query}&state=expired`} />
      </dl>
    </section>
  );
}

function SiteFigure({ figure, site, value, href }: { figure: "waiting" | "expiringToday" | "expired"; site: string; value: number; href: string }) {
  const siteFigures = useTranslations("admin.dashboard.site.figures");
  return (
    <div>
      <dt className="text-gray-600">{siteFigures(`${figure}.term`)}</dt>
      <dd>
        <Link href={href} aria-label={siteFigures(`${figure}.label`, { value, site })} className="text-lg font-bold tabular-nums text-brand-700 underline-offset-2 hover:underline">
          {value}
        </Link>
      </dd>
    </div>
  );
}

function waitWords(ms: number, t: Awaited<ReturnType<typeof getTranslations<"admin.dashboard">>>): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 90 ? t("guessing.seconds", { seconds }) : t("guessing.minutes", { minutes: Math.ceil(seconds / 60) });
}
