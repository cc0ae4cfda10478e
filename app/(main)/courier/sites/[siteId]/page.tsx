import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DepositedBanner, DepositHeading, DepositSiteFooter } from "@/components/courier/scan/deposit-heading";
import { SiteMemory } from "@/components/courier/site-memory";
import { OutboundPickups } from "@/components/courier/outbound/outbound-pickups";
import { waitingOutbound } from "@/lib/outbound/carrier";
import { confirmOutboundTakenAction, openOutboundDoorAction } from "@/app/(main)/courier/outbound/actions";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { countTakeBackBySite, listOpenReservations } from "@/lib/courier/queries";
import { maskPhone } from "@/lib/phone";
import { listCourierSites } from "@/lib/courier/sites";
import { SIZE_DIMENSIONS, SIZES } from "@/lib/slots/sizes";
import { LAST_SITE_COOKIE, readDraft } from "../../cookies";
import { parcelForNotice } from "../../parcel-lookup";
import { routeId } from "../../route-id";
import { siteTimeZones } from "../../site-zones";
import { DepositForm } from "./deposit-form";
import { CabinetNotice } from "@/components/doors/cabinet-notice";
import { cabinetPresence } from "@/lib/fleet/presence";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("courier.deposit");
  return { title: t("title") };
}

type Props = {
  params: Promise<{ siteId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DepositPage({ params, searchParams }: Props) {
  await requirePageUser("courier");
  const siteId = routeId((await params).siteId);
  if (siteId === null) notFound();
  const ctx = await requestContext();
  const t = await getTranslations("courier.deposit");
  // The sites this courier serves: the one shown must be among them, and a full site's
  // alternatives offer a switch only to these.
  const sites = listCourierSites(ctx);
  const site = sites.find((s) => s.id === siteId);
  if (!site) notFound();

  const query = await searchParams;
  const last = parcelForNotice(ctx, query.last);
  const cancelled = parcelForNotice(ctx, query.cancelled);
  const openDoors = listOpenReservations(ctx, siteId);
  const takeBack = countTakeBackBySite(ctx).get(siteId) ?? 0;
  const draft = await readDraft(siteId);
  const outbound = waitingOutbound(ctx, { siteId });
  const sizes = SIZES.map((size) => {
    const d = SIZE_DIMENSIONS[size];
    return { size, dimensions: `${d.widthMm} × ${d.heightMm} × ${d.depthMm} mm`, free: site.free[size] };
  });

  return (
    <section className="mx-auto flex max-w-xl flex-col gap-2">
      <SiteMemory siteId={siteId} cookie={LAST_SITE_COOKIE} />
      <DepositHeading site={site} takeBack={takeBack} />
      <CabinetNotice cabinets={cabinetPresence(ctx, [siteId])} />

      {last && last.state !== "reserved" ? (
        <DepositedBanner
          title={t(last.state === "deposited" ? "depositedIn" : "doneIn", { door: last.slot?.label ?? "" })}
          trackingNumber={last.trackingNumber}
          note={last.state === "deposited" ? t("codeSentTo", { phone: maskPhone(last.recipientPhone) }) : null}
        />
      ) : null}
      {cancelled && cancelled.state === "cancelled" ? (
        <Alert tone="info">
          {cancelled.slot
            ? t("cancelledDoorFree", { trackingNumber: cancelled.trackingNumber, door: cancelled.slot.label })
            : t("cancelled", { trackingNumber: cancelled.trackingNumber })}
        </Alert>
      ) : null}
      {draft ? <Alert tone="info">{t("draftCarried")}</Alert> : null}

      {openDoors.length > 0 ? (
        <section aria-labelledby="open-doors" className="flex flex-col rounded-xl border-2 border-amber-400 bg-amber-50 px-3 py-1">
          <h2 id="open-doors" className="sr-only">
            {t("openDoors", { count: openDoors.length })}
          </h2>
          <ul className="flex flex-col">
            {openDoors.map((parcel) => (
              <li key={parcel.id} className="flex items-center justify-between gap-2">
                {/* Wrapped, never cut: the tracking number is what tells the courier which parcel the open door is for. */}
                <span className="min-w-0 text-amber-950">
                  {t("stillOpen")} <strong>{t("doorName", { door: parcel.slot?.label ?? "" })}</strong> ·{" "}
                  <span className="break-all font-mono text-sm">{parcel.trackingNumber}</span>
                </span>
                <Link href={`/courier/sites/${siteId}/deposit/${parcel.id}`} className={buttonClass("secondary", "shrink-0 py-1")}>
                  {t("continue")}
                  <span className="sr-only">{t("continueDoor", { door: parcel.slot?.label ?? "" })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <DepositForm
        key={`${query.last ?? ""}-${query.cancelled ?? ""}`}
        siteId={siteId}
        siteName={site.name}
        sizes={sizes}
        servedSiteIds={sites.map((s) => s.id)}
        draft={draft}
        offerNextScan={Boolean(last || draft)}
      />
      {/* Below the scanner: the deposit stays scan-first on a phone; outbound pickups are the rest of the visit. */}
      {outbound.length > 0 ? <OutboundPickups waiting={outbound} showSite={false} timeZones={siteTimeZones(ctx, [siteId])} open={openOutboundDoorAction} taken={confirmOutboundTakenAction} /> : null}
      <DepositSiteFooter site={site} />
    </section>
  );
}
