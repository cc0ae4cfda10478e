import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ParcelTimeline } from "@/components/courier/parcel-timeline";
import { StateBadge } from "@/components/parcels/state-badge";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { siteTimeZone } from "@/lib/courier/sites";
import { formatAt } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { parcelTimeline } from "@/lib/parcels/timeline";
import { maskPhone } from "@/lib/phone";
import { orNotFound } from "@/app/(main)/or-not-found";
import { routeId } from "../../route-id";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("courier.parcel");
  return { title: t("title") };
}

export default async function CourierParcelPage({ params }: { params: Promise<{ parcelId: string }> }) {
  await requirePageUser("courier");
  const parcelId = routeId((await params).parcelId);
  if (parcelId === null) notFound();
  const ctx = await requestContext();
  // Another carrier's parcel, or one at a site the courier does not serve, is NOT_FOUND.
  const { parcel, entries } = orNotFound(() => parcelTimeline(ctx, parcelId));
  const t = await getTranslations("courier.parcel");
  const states = await getTranslations("parcelStates");
  const time = { locale: await requestLocale(), timeZone: siteTimeZone(ctx, parcel.site.id) };
  const door = parcel.slot;
  const facts: [string, string][] = [
    [t("site"), t("siteValue", { site: parcel.site.name, code: parcel.site.code })],
    [t("door"), door ? t("doorValue", { door: door.label, locker: door.lockerCode, row: door.row, column: door.column, size: door.size }) : "—"],
    [t("parcelSize"), t("sizeValue", { size: parcel.size, upsized: parcel.upsized ? "yes" : "no" })],
    [t("recipient"), parcel.recipientName ? t("recipientNamed", { name: parcel.recipientName, phone: maskPhone(parcel.recipientPhone) }) : maskPhone(parcel.recipientPhone)],
    [t("carrier"), parcel.carrier.name],
  ];
  if (parcel.depositedAt) facts.push([t("deposited"), formatAt(parcel.depositedAt, time)]);
  if (parcel.expiresAt && (parcel.state === "deposited" || parcel.state === "expired")) {
    facts.push([parcel.state === "expired" ? t("expired") : t("collectBy"), formatAt(parcel.expiresAt, time)]);
  }
  if (parcel.closedAt) facts.push([t("closed"), formatAt(parcel.closedAt, time)]);

  return (
    <section className="mx-auto flex max-w-2xl flex-col gap-5">
      <Link href="/courier/today" className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline">
        {t("back")}
      </Link>
      <div className="flex flex-col gap-2">
        <h1 className="break-all font-mono text-2xl font-bold">{parcel.trackingNumber}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <StateBadge state={parcel.state} handedOver={parcel.handedOverAt !== null} />
          {parcel.state === "expired" || parcel.state === "reserved" ? <span className="text-sm text-gray-700">{states(parcel.state)}</span> : null}
        </div>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-xl border border-gray-200 p-4">
        {facts.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-sm font-medium text-gray-600">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {parcel.state === "reserved" ? (
        <Link
          href={`/courier/sites/${parcel.site.id}/deposit/${parcel.id}`}
          className="rounded-xl border-2 border-amber-400 bg-amber-50 p-3 text-center font-semibold text-amber-950"
        >
          {t("goToDoor", { door: door?.label ?? "" })}
        </Link>
      ) : null}
      <div className="flex flex-col gap-2">
        <h2 className="text-xl font-bold">{t("timeline")}</h2>
        <ParcelTimeline entries={entries} time={time} />
      </div>
    </section>
  );
}
