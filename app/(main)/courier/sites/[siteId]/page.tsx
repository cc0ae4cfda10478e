import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OutboundPickups } from "@/components/courier/outbound/outbound-pickups";
import { SiteMemory } from "@/components/courier/site-memory";
import { waitingOutbound } from "@/lib/outbound/carrier";
import { confirmOutboundTakenAction, openOutboundDoorAction } from "@/app/(main)/courier/outbound/actions";
import { SiteHeading, SiteTabs } from "@/components/courier/site-tabs";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { countTakeBackBySite, listOpenReservations } from "@/lib/parcels/courier-queries";
import { maskPhone } from "@/lib/phone";
import { listCourierSites } from "@/lib/sites/queries";
import { SIZE_DIMENSIONS, SIZES } from "@/lib/slots/sizes";
import { LAST_SITE_COOKIE, readDraft } from "../../cookies";
import { parcelForNotice } from "../../parcel-lookup";
import { routeId } from "../../route-id";
import { DepositForm } from "./deposit-form";

export const metadata: Metadata = { title: "Deposit" };

type Props = {
  params: Promise<{ siteId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DepositPage({ params, searchParams }: Props) {
  await requirePageUser("courier");
  const siteId = routeId((await params).siteId);
  if (siteId === null) notFound();
  const ctx = await requestContext();
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
    <section className="mx-auto flex max-w-xl flex-col gap-5">
      <SiteMemory siteId={siteId} cookie={LAST_SITE_COOKIE} />
      <SiteHeading site={site} />
      <SiteTabs siteId={siteId} current="deposit" takeBack={takeBack} />

      {last && last.state !== "reserved" ? (
        <div role="status" className="flex flex-col gap-1 rounded-2xl border-2 border-green-600 bg-green-50 p-4 text-green-950">
          <p className="text-xl font-bold">
            <span aria-hidden>✓ </span>
            {last.state === "deposited" ? "Deposited" : "Done"} in door {last.slot?.label}
          </p>
          <p className="break-all font-mono font-semibold">{last.trackingNumber}</p>
          <p className="text-sm">
            {last.state === "deposited" ? `Pickup code sent to ${maskPhone(last.recipientPhone)}. ` : ""}Ready for the next parcel.
          </p>
        </div>
      ) : null}
      {cancelled && cancelled.state === "cancelled" ? (
        <Alert tone="info">
          {cancelled.trackingNumber} is cancelled{cancelled.slot ? ` and door ${cancelled.slot.label} is free again` : ""}.
        </Alert>
      ) : null}
      {draft ? <Alert tone="info">The parcel&apos;s details came with you. Check them and open a door here.</Alert> : null}
      {outbound.length > 0 ? <OutboundPickups waiting={outbound} showSite={false} open={openOutboundDoorAction} taken={confirmOutboundTakenAction} /> : null}

      {openDoors.length > 0 ? (
        <section aria-labelledby="open-doors" className="flex flex-col gap-2 rounded-2xl border-2 border-amber-400 bg-amber-50 p-4">
          <h2 id="open-doors" className="font-bold text-amber-950">
            {openDoors.length === 1 ? "A door is still open for you" : `${openDoors.length} doors are still open for you`}
          </h2>
          <ul className="flex flex-col gap-2">
            {openDoors.map((parcel) => (
              <li key={parcel.id} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  Door <strong>{parcel.slot?.label}</strong> · <span className="font-mono">{parcel.trackingNumber}</span>
                </span>
                <Link href={`/courier/sites/${siteId}/deposit/${parcel.id}`} className={buttonClass("secondary")}>
                  Continue<span className="sr-only"> with door {parcel.slot?.label}</span>
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
        focusFirst={Boolean(last || draft)}
      />
    </section>
  );
}
