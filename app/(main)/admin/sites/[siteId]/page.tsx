import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin/action-form";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { DoorGrid, DoorLegend } from "@/components/admin/door-grid";
import { Notice } from "@/components/admin/notice";
import { Fact, PageHeader, Panel } from "@/components/admin/page-header";
import { OverdueOutbound } from "@/components/admin/outbound/overdue-outbound";
import { SiteOutboundCarriers } from "@/components/admin/outbound/site-outbound-carriers";
import { buttonClass } from "@/components/ui/button";
import { overdueOutbound } from "@/lib/outbound/admin";
import { siteOutboundCarriers } from "@/lib/outbound/settings";
import { setCarrierOutboundAction } from "../outbound-actions";
import { formatAt, type TimeFormat } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { listSiteLockers, type SiteLocker } from "@/lib/sites/admin-lockers";
import { getOrganizationSite } from "@/lib/sites/admin-sites";
import { adminPageContext } from "../../admin-context";
import { orNotFound } from "@/app/(main)/or-not-found";
import { listSiteKiosks, type SiteKiosk } from "@/lib/kiosk/devices";
import { PairByCodeForm } from "@/components/admin/pair-by-code-form";
import { RowHeightsForm } from "@/components/admin/row-heights-form";
import { CabinetList } from "@/components/doors/cabinet-status";
import { cabinetPresence } from "@/lib/fleet/presence";
import {
  claimPairingCodeAction,
  closeSiteAction,
  pairKioskScreenAction,
  removeLockerAction,
  reopenSiteAction,
  setRowHeightsAction,
  unpairKioskAction,
} from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.sites.site");
  return { title: t("metaTitle") };
}

type Props = { params: Promise<{ siteId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SitePage({ params, searchParams }: Props) {
  const ctx = await adminPageContext();
  const { siteId } = await params;
  const site = orNotFound(() => getOrganizationSite(ctx, siteId));
  const locale = await requestLocale();
  const lockers = listSiteLockers(ctx, site.id, locale);
  const kiosks = listSiteKiosks(ctx, site.id);
  // The site was found in the admin's organization above: its cabinets are theirs to see.
  const cabinets = cabinetPresence(ctx, [site.id]);
  const active = lockers.filter((locker) => locker.retiredAt === null);
  const retired = lockers.filter((locker) => locker.retiredAt !== null);
  const { notice } = await searchParams;
  const t = await getTranslations("admin.sites.site");
  const time: TimeFormat = { locale, timeZone: site.timeZone };
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={site.name}
        crumbs={[{ href: "/admin/sites", label: t("crumbSites") }]}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-sm">{site.code}</span>
            {site.status === "open" ? (
              <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900">{t("open")}</span>
            ) : (
              <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">{t("closedNoDeposits")}</span>
            )}
          </span>
        }
        actions={
          <>
            <Link href={`/admin/parcels?site=${site.id}`} className={buttonClass("secondary")}>
              {t("parcelsHere")}
            </Link>
            <Link href={`/admin/sites/${site.id}/edit`} className={buttonClass("secondary")}>
              {t("edit")}
            </Link>
          </>
        }
      />
      <Notice value={notice} />

      <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
        <Panel id="site-details" title={t("details")}>
          <dl className="grid gap-4 sm:grid-cols-2">
            <Fact term={t("address")}>{site.address}</Fact>
            <Fact term={t("coordinates")}>
              <a
                href={`https://www.openstreetmap.org/?mlat=${site.latitude}&mlon=${site.longitude}#map=18/${site.latitude}/${site.longitude}`}
                className="text-brand-700 underline"
                rel="noreferrer"
                target="_blank"
              >
                {site.latitude.toFixed(5)}, {site.longitude.toFixed(5)}
                <span className="sr-only">{t("mapNewTab")}</span>
              </a>
            </Fact>
            <Fact term={t("openingHours")}>{site.openingHours}</Fact>
            <Fact term={t("holdPeriod")}>{t("hours", { hours: site.holdPeriodHours })}</Fact>
            <Fact term={t("timeZone")}>{site.timeZone}</Fact>
            <Fact term={t("created")}>{formatAt(site.createdAt, time)}</Fact>
          </dl>
        </Panel>
        <Panel id="site-status" title={site.status === "open" ? t("close.title") : t("closed")}>
          {site.status === "open" ? (
            <>
              <p className="text-sm text-gray-700">{t("close.intro")}</p>
              <ConfirmPanel label={t("close.confirm")}>
                <p className="text-sm text-gray-800">{t("close.warning")}</p>
                <ActionForm
                  action={closeSiteAction}
                  hidden={{ siteId: site.id }}
                  reason={{ id: "close-reason", label: t("close.reason"), placeholder: t("close.reasonExample") }}
                  submitLabel={t("close.submit", { site: site.name })}
                  pendingLabel={t("close.pending")}
                  variant="danger"
                />
              </ConfirmPanel>
            </>
          ) : (
            <>
              <p className="text-sm text-gray-800">{t("reopen.intro")}</p>
              <ActionForm action={reopenSiteAction} hidden={{ siteId: site.id }} submitLabel={t("reopen.submit")} pendingLabel={t("reopen.pending")} />
            </>
          )}
        </Panel>
      </div>

      {cabinets.length > 0 ? (
        <Panel id="cabinets" title={t("cabinets.title")}>
          <p className="-mt-2 text-sm text-gray-700">{t("cabinets.intro")}</p>
          <CabinetList cabinets={cabinets} label={t("cabinets.of", { site: site.name })} timeZone={site.timeZone} />
        </Panel>
      ) : null}
      <OverdueOutbound parcels={overdueOutbound(ctx, site.id)} showSite={false} />
      <SiteOutboundCarriers siteId={site.id} carriers={siteOutboundCarriers(ctx, site.id)} action={setCarrierOutboundAction} />

      <KioskScreens siteId={site.id} siteName={site.name} kiosks={kiosks} time={time} />

      <section aria-labelledby="lockers" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="flex flex-col gap-1">
            <h2 id="lockers" className="text-lg font-semibold">
              {t("lockers.title")}
            </h2>
            <DoorLegend />
          </div>
          <Link href={`/admin/sites/${site.id}/lockers/new`} className={buttonClass("primary")}>
            {t("lockers.add")}
          </Link>
        </div>
        {active.length === 0 ? (
          <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">
            {t("lockers.none")}
          </p>
        ) : (
          // Cabinets side by side, as they stand at the site.
          <div className="flex flex-wrap items-start gap-4">
            {active.map((locker) => (
              <LockerCard key={locker.id} locker={locker} siteId={site.id} time={time} />
            ))}
          </div>
        )}
        {retired.length > 0 ? (
          <details className="rounded-xl border border-gray-200 bg-gray-50 p-4">
            <summary className="cursor-pointer font-semibold">{t("lockers.retired", { count: retired.length })}</summary>
            <div className="mt-3 flex flex-wrap items-start gap-4">
              {retired.map((locker) => (
                <LockerCard key={locker.id} locker={locker} siteId={site.id} time={time} />
              ))}
            </div>
          </details>
        ) : null}
      </section>
    </section>
  );
}

async function LockerCard({ locker, siteId, time }: { locker: SiteLocker; siteId: number; time: TimeFormat }) {
  const lockerWords = await getTranslations("admin.sites.locker");
  const rowHeightWords = await getTranslations("admin.sites.rowHeights");
  const live = locker.doors.filter((door) => door.parcel !== null).length;
  const free = locker.doors.filter((door) => door.state === "free").length;
  return (
    <Panel id={`locker-${locker.id}`} title={lockerWords("title", { locker: locker.code })} className="max-w-full">
      <p className="-mt-2 text-sm text-gray-700">
        {lockerWords("facts", { rows: locker.rows, columns: locker.columns, free, total: locker.doors.length })}{" "}
        <span className="font-mono">{locker.controllerId}</span>
      </p>
      {locker.retiredAt !== null ? <p className="text-sm text-gray-700">{lockerWords("retiredAt", { at: formatAt(locker.retiredAt, time) })}</p> : null}
      <DoorGrid locker={locker} siteId={siteId} />
      {locker.retiredAt === null ? (
        <div className="max-w-md">
          <ConfirmPanel label={rowHeightWords("open")} tone="neutral">
            <RowHeightsForm lockerId={locker.id} lockerCode={locker.code} rowHeightsMm={locker.rowHeightsMm} action={setRowHeightsAction} />
          </ConfirmPanel>
        </div>
      ) : null}
      {locker.retiredAt === null ? (
        <div className="max-w-md">
          <ConfirmPanel label={lockerWords("removeConfirm", { locker: locker.code })}>
            {live > 0 ? (
              <p className="text-sm text-gray-800">{lockerWords("removeBlocked", { count: live })}</p>
            ) : (
              <p className="text-sm text-gray-800">{lockerWords("removeIntro")}</p>
            )}
            <ActionForm
              action={removeLockerAction}
              hidden={{ lockerId: locker.id }}
              submitLabel={lockerWords("remove", { locker: locker.code })}
              pendingLabel={lockerWords("removing")}
              variant="danger"
              // The verb refuses it anyway; a button that can only be refused is not offered.
              disabled={live > 0}
            />
          </ConfirmPanel>
        </div>
      ) : null}
    </Panel>
  );
}

/**
 * Where an admin pairs a kiosk screen — by the code it shows, from their own device, or the
 * browser in front of them — since only a paired screen opens doors, and unpairs a lost or
 * replaced one.
 */
async function KioskScreens({ siteId, siteName, kiosks, time }: { siteId: number; siteName: string; kiosks: SiteKiosk[]; time: TimeFormat }) {
  const screens = await getTranslations("admin.screens");
  const pairIntro = <p className="text-sm text-gray-800">{screens("pairIntro", { site: siteName })}</p>;
  return (
    <Panel id="kiosks" title={screens("title")}>
      <p className="-mt-2 text-sm text-gray-700">{screens("intro")}</p>
      <ConfirmPanel label={screens("pairByCode")} tone="neutral">
        <PairByCodeForm siteId={siteId} siteName={siteName} kiosks={kiosks.map(({ id, name }) => ({ id, name }))} action={claimPairingCodeAction} />
      </ConfirmPanel>
      {kiosks.length === 0 ? <p className="text-sm text-gray-700">{screens("none")}</p> : null}
      <ul className="flex flex-col gap-3" aria-label={screens("listLabel")}>
        {kiosks.map((kiosk) => (
          <li key={kiosk.id} className="flex flex-col gap-2 rounded-lg border border-gray-200 p-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold">{kiosk.name}</h3>
              <span className="text-sm text-gray-700">
                {kiosk.pairedScreens === 0
                  ? screens("noPairedScreen")
                  : screens("pairedScreens", {
                      count: kiosk.pairedScreens,
                      used: kiosk.lastUsedAt ? "yes" : "no",
                      at: kiosk.lastUsedAt ? formatAt(kiosk.lastUsedAt, time) : "",
                    })}
              </span>
            </div>
            <div className="flex flex-wrap gap-3">
              <ConfirmPanel label={screens("pairAsConfirm", { kiosk: kiosk.name })} tone="neutral">
                <ActionForm
                  action={pairKioskScreenAction}
                  hidden={{ siteId, kioskId: kiosk.id }}
                  intro={pairIntro}
                  submitLabel={screens("pairAs", { kiosk: kiosk.name })}
                  pendingLabel={screens("pairing")}
                />
              </ConfirmPanel>
              {kiosk.pairedScreens > 0 ? (
                <ConfirmPanel label={screens("unpairConfirm", { kiosk: kiosk.name })}>
                  <ActionForm
                    action={unpairKioskAction}
                    hidden={{ siteId, kioskId: kiosk.id }}
                    intro={<p className="text-sm text-gray-800">{screens("unpairIntro")}</p>}
                    submitLabel={screens("unpair", { kiosk: kiosk.name })}
                    pendingLabel={screens("unpairing")}
                    variant="danger"
                  />
                </ConfirmPanel>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <ConfirmPanel label={screens("pairNewConfirm")} tone="neutral">
        <ActionForm
          action={pairKioskScreenAction}
          hidden={{ siteId, kioskId: "" }}
          intro={pairIntro}
          submitLabel={screens("pairNew")}
          pendingLabel={screens("pairing")}
        />
      </ConfirmPanel>
    </Panel>
  );
}
