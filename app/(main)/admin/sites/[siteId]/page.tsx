import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { ConfirmPanel } from "@/components/admin/confirm-panel";
import { DoorGrid, DoorLegend } from "@/components/admin/door-grid";
import { Notice } from "@/components/admin/notice";
import { Fact, PageHeader, Panel } from "@/components/admin/page-header";
import { OverdueOutbound } from "@/components/admin/outbound/overdue-outbound";
import { SiteOutboundCarriers } from "@/components/admin/outbound/site-outbound-carriers";
import { buttonClass } from "@/components/ui/button";
import { overdueOutbound } from "@/lib/outbound/admin";
import { siteOutboundCarriers } from "@/lib/outbound/settings";
import { setCarrierOutboundAction } from "../outbound-actions";
import { formatDateTime } from "@/lib/format";
import { listSiteLockers, type SiteLocker } from "@/lib/sites/admin-lockers";
import { getOrganizationSite } from "@/lib/sites/admin-sites";
import { adminPageContext } from "../../admin-context";
import { orNotFound } from "@/app/(main)/or-not-found";
import { listSiteKiosks, type SiteKiosk } from "@/lib/kiosk/devices";
import { PairByCodeForm } from "@/components/admin/pair-by-code-form";
import { CabinetList } from "@/components/doors/cabinet-status";
import { cabinetPresence } from "@/lib/fleet/presence";
import { claimPairingCodeAction, closeSiteAction, pairKioskScreenAction, removeLockerAction, reopenSiteAction, unpairKioskAction } from "../actions";

export const metadata: Metadata = { title: "Site" };

type Props = { params: Promise<{ siteId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SitePage({ params, searchParams }: Props) {
  const ctx = await adminPageContext();
  const { siteId } = await params;
  const site = orNotFound(() => getOrganizationSite(ctx, siteId));
  const lockers = listSiteLockers(ctx, site.id);
  const kiosks = listSiteKiosks(ctx, site.id);
  // The site was found in the admin's organization above: its cabinets are theirs to see.
  const cabinets = cabinetPresence(ctx, [site.id]);
  const active = lockers.filter((locker) => locker.retiredAt === null);
  const retired = lockers.filter((locker) => locker.retiredAt !== null);
  const { notice } = await searchParams;
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={site.name}
        crumbs={[{ href: "/admin/sites", label: "Sites" }]}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-sm">{site.code}</span>
            {site.status === "open" ? (
              <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900">Open</span>
            ) : (
              <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold text-red-900">Closed — no deposits</span>
            )}
          </span>
        }
        actions={
          <>
            <Link href={`/admin/parcels?site=${site.id}`} className={buttonClass("secondary")}>
              Parcels here
            </Link>
            <Link href={`/admin/sites/${site.id}/edit`} className={buttonClass("secondary")}>
              Edit details
            </Link>
          </>
        }
      />
      <Notice value={notice} />

      <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
        <Panel id="site-details" title="Details">
          <dl className="grid gap-4 sm:grid-cols-2">
            <Fact term="Address">{site.address}</Fact>
            <Fact term="Coordinates">
              <a
                href={`https://www.openstreetmap.org/?mlat=${site.latitude}&mlon=${site.longitude}#map=18/${site.latitude}/${site.longitude}`}
                className="text-brand-700 underline"
                rel="noreferrer"
                target="_blank"
              >
                {site.latitude.toFixed(5)}, {site.longitude.toFixed(5)}
                <span className="sr-only"> (map, opens in a new tab)</span>
              </a>
            </Fact>
            <Fact term="Opening hours">{site.openingHours}</Fact>
            <Fact term="Hold period">{site.holdPeriodHours} hours</Fact>
            <Fact term="Time zone">{site.timeZone}</Fact>
            <Fact term="Created">{formatDateTime(site.createdAt, site.timeZone)}</Fact>
          </dl>
        </Panel>
        <Panel id="site-status" title={site.status === "open" ? "Close temporarily" : "Closed"}>
          {site.status === "open" ? (
            <>
              <p className="text-sm text-gray-700">For works, an event or a fault: deposits stop until you reopen it.</p>
              <ConfirmPanel label="Close this site…">
                <p className="text-sm text-gray-800">
                  Couriers will be refused here until you reopen it. Parcels already inside can still be collected and taken back.
                </p>
                <ActionForm
                  action={closeSiteAction}
                  hidden={{ siteId: site.id }}
                  reason={{ id: "close-reason", label: "Why is it closing?", placeholder: "e.g. Courtyard renovation until Friday" }}
                  submitLabel={`Close ${site.name}`}
                  pendingLabel="Closing…"
                  variant="danger"
                />
              </ConfirmPanel>
            </>
          ) : (
            <>
              <p className="text-sm text-gray-800">This site takes no deposits. Parcels inside can still be collected.</p>
              <ActionForm action={reopenSiteAction} hidden={{ siteId: site.id }} submitLabel="Reopen the site" pendingLabel="Reopening…" />
            </>
          )}
        </Panel>
      </div>

      {cabinets.length > 0 ? (
        <Panel id="cabinets" title="Cabinets">
          <p className="-mt-2 text-sm text-gray-700">An offline cabinet gets no new parcels and its doors cannot be opened until its agent is back.</p>
          <CabinetList cabinets={cabinets} label={`Cabinets of ${site.name}`} timeZone={site.timeZone} />
        </Panel>
      ) : null}
      <OverdueOutbound parcels={overdueOutbound(ctx, site.id)} showSite={false} />
      <SiteOutboundCarriers siteId={site.id} carriers={siteOutboundCarriers(ctx, site.id)} action={setCarrierOutboundAction} />

      <KioskScreens siteId={site.id} siteName={site.name} kiosks={kiosks} />

      <section aria-labelledby="lockers" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="flex flex-col gap-1">
            <h2 id="lockers" className="text-lg font-semibold">
              Lockers
            </h2>
            <DoorLegend />
          </div>
          <Link href={`/admin/sites/${site.id}/lockers/new`} className={buttonClass("primary")}>
            Add a locker
          </Link>
        </div>
        {active.length === 0 ? (
          <p className="rounded-lg border border-dashed border-gray-300 p-6 text-center text-gray-700">
            No lockers yet. Add one from its layout: rows, columns and door sizes.
          </p>
        ) : (
          // Cabinets side by side, as they stand at the site.
          <div className="flex flex-wrap items-start gap-4">
            {active.map((locker) => (
              <LockerCard key={locker.id} locker={locker} siteId={site.id} />
            ))}
          </div>
        )}
        {retired.length > 0 ? (
          <details className="rounded-xl border border-gray-200 bg-gray-50 p-4">
            <summary className="cursor-pointer font-semibold">Retired lockers ({retired.length})</summary>
            <div className="mt-3 flex flex-wrap items-start gap-4">
              {retired.map((locker) => (
                <LockerCard key={locker.id} locker={locker} siteId={site.id} />
              ))}
            </div>
          </details>
        ) : null}
      </section>
    </section>
  );
}

function LockerCard({ locker, siteId }: { locker: SiteLocker; siteId: number }) {
  const live = locker.doors.filter((door) => door.parcel !== null).length;
  const free = locker.doors.filter((door) => door.state === "free").length;
  return (
    <Panel id={`locker-${locker.id}`} title={`Locker ${locker.code}`} className="max-w-full">
      <p className="-mt-2 text-sm text-gray-700">
        {locker.rows} × {locker.columns} · {free} of {locker.doors.length} free · controller <span className="font-mono">{locker.controllerId}</span>
      </p>
      {locker.retiredAt !== null ? <p className="text-sm text-gray-700">Retired {formatDateTime(locker.retiredAt)}. Its doors keep their history.</p> : null}
      <DoorGrid locker={locker} siteId={siteId} />
      {locker.retiredAt === null ? (
        <div className="max-w-md">
          <ConfirmPanel label={`Remove locker ${locker.code}…`}>
            {live > 0 ? (
              <p className="text-sm text-gray-800">
                {live === 1 ? "A door holds a parcel" : `${live} doors hold parcels`}: the locker can only be removed once they are collected, taken
                back or cancelled.
              </p>
            ) : (
              <p className="text-sm text-gray-800">
                A locker that was never used is deleted. One with history is retired: its doors leave service for good and keep their history.
              </p>
            )}
            <ActionForm
              action={removeLockerAction}
              hidden={{ lockerId: locker.id }}
              submitLabel={`Remove locker ${locker.code}`}
              pendingLabel="Removing…"
              variant="danger"
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
function KioskScreens({ siteId, siteName, kiosks }: { siteId: number; siteName: string; kiosks: SiteKiosk[] }) {
  const pairIntro = (
    <p className="text-sm text-gray-800">
      This browser becomes a kiosk screen of {siteName}: it opens doors for the right code, and you are signed out on it. Do this on
      the locker&apos;s own screen.
    </p>
  );
  return (
    <Panel id="kiosks" title="Kiosk screens">
      <p className="-mt-2 text-sm text-gray-700">
        Only a screen paired here opens doors; an unpaired screen shows a code to pair it with. Each kiosk counts its own wrong codes.
      </p>
      <ConfirmPanel label="Pair a screen by its code…" tone="neutral">
        <PairByCodeForm siteId={siteId} siteName={siteName} kiosks={kiosks.map(({ id, name }) => ({ id, name }))} action={claimPairingCodeAction} />
      </ConfirmPanel>
      {kiosks.length === 0 ? <p className="text-sm text-gray-700">No kiosks yet: pairing a screen adds the first.</p> : null}
      <ul className="flex flex-col gap-3" aria-label="Kiosks">
        {kiosks.map((kiosk) => (
          <li key={kiosk.id} className="flex flex-col gap-2 rounded-lg border border-gray-200 p-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold">{kiosk.name}</h3>
              <span className="text-sm text-gray-700">
                {kiosk.pairedScreens === 0
                  ? "No paired screen"
                  : `${kiosk.pairedScreens} paired screen${kiosk.pairedScreens === 1 ? "" : "s"}${kiosk.lastUsedAt ? ` · last used ${formatDateTime(kiosk.lastUsedAt)}` : ""}`}
              </span>
            </div>
            <div className="flex flex-wrap gap-3">
              <ConfirmPanel label={`Pair this screen as ${kiosk.name}…`} tone="neutral">
                <ActionForm
                  action={pairKioskScreenAction}
                  hidden={{ siteId, kioskId: kiosk.id }}
                  intro={pairIntro}
                  submitLabel={`Pair as ${kiosk.name} and sign out`}
                  pendingLabel="Pairing…"
                />
              </ConfirmPanel>
              {kiosk.pairedScreens > 0 ? (
                <ConfirmPanel label={`Unpair ${kiosk.name}…`}>
                  <ActionForm
                    action={unpairKioskAction}
                    hidden={{ siteId, kioskId: kiosk.id }}
                    intro={<p className="text-sm text-gray-800">Its screens stop opening doors at once, until paired again.</p>}
                    submitLabel={`Unpair ${kiosk.name}`}
                    pendingLabel="Unpairing…"
                    variant="danger"
                  />
                </ConfirmPanel>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <ConfirmPanel label="Pair this screen as a new kiosk…" tone="neutral">
        <ActionForm
          action={pairKioskScreenAction}
          hidden={{ siteId, kioskId: "" }}
          intro={pairIntro}
          submitLabel="Pair as a new kiosk and sign out"
          pendingLabel="Pairing…"
        />
      </ConfirmPanel>
    </Panel>
  );
}
