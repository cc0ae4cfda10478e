import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { InPersonTasks } from "@/components/courier/consent/in-person-tasks";
import { OutboundPickups } from "@/components/courier/outbound/outbound-pickups";
import { StateBadge } from "@/components/parcels/state-badge";
import { Alert } from "@/components/ui/alert";
import { listInPersonTasks } from "@/lib/parcels/consent-requests";
import { waitingOutbound } from "@/lib/outbound/carrier";
import { confirmOutboundTakenAction, openOutboundDoorAction } from "@/app/(main)/courier/outbound/actions";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { formatAt } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { listCourierToday } from "@/lib/courier/queries";
import { siteTimeZones } from "../site-zones";
import { maskPhone } from "@/lib/phone";
import { deliveredInPersonAction } from "../sites/[siteId]/consent/[requestId]/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("courier.today");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CourierTodayPage({ searchParams }: Props) {
  await requirePageUser("courier");
  const ctx = await requestContext();
  const t = await getTranslations("courier.today");
  const locale = await requestLocale();
  const day = listCourierToday(ctx);
  const outbound = waitingOutbound(ctx);
  const inPerson = listInPersonTasks(ctx);
  // Each time on the clock of the site it happened at (issue 15), whatever the phone's zone.
  const zones = siteTimeZones(ctx, [...day.entries.map((entry) => entry.parcel.site.id), ...outbound.map((parcel) => parcel.siteId)]);
  const { delivered, kept } = await searchParams;
  // A door opened for a take-back stays counted open until the courier confirms the parcel is out.
  const open = day.entries.filter((entry) => entry.parcel.state === "reserved").length + day.takeBackUnconfirmed;
  return (
    <section className="mx-auto flex max-w-2xl flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-gray-700">{t("intro")}</p>
      </div>
      {typeof delivered === "string" ? <Alert tone="success">{t("delivered", { trackingNumber: delivered })}</Alert> : null}
      {typeof kept === "string" ? <Alert tone="info">{t("kept")}</Alert> : null}
      <InPersonTasks tasks={inPerson} deliveredAction={deliveredInPersonAction} />
      <dl className="grid grid-cols-3 gap-2 text-center">
        <div className="rounded-xl border border-gray-200 p-3">
          <dt className="text-sm text-gray-700">{t("deposited")}</dt>
          <dd className="text-3xl font-black">{day.deposited}</dd>
        </div>
        <div className="rounded-xl border border-gray-200 p-3">
          <dt className="text-sm text-gray-700">{t("takenBack")}</dt>
          <dd className="text-3xl font-black">{day.takenBack}</dd>
        </div>
        <div className={`rounded-xl border p-3 ${open > 0 ? "border-amber-400 bg-amber-50" : "border-gray-200"}`}>
          <dt className="text-sm text-gray-700">{t("doorsOpen")}</dt>
          <dd className="text-3xl font-black">{open}</dd>
        </div>
      </dl>
      {outbound.length > 0 ? (
        <OutboundPickups waiting={outbound} showSite timeZones={zones} open={openOutboundDoorAction} taken={confirmOutboundTakenAction} />
      ) : null}
      {day.entries.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 p-6 text-center text-gray-700">
          {t("empty")}{" "}
          <Link href="/courier" className="font-semibold text-brand-700 underline">
            {t("chooseSite")}
          </Link>
        </p>
      ) : (
        <ul aria-label={t("listLabel")} className="flex flex-col gap-2">
          {day.entries.map(({ parcel, activity, at }) => (
            <li key={parcel.id} className="relative flex flex-col gap-1 rounded-xl border border-gray-200 p-3 hover:border-brand-500">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link
                  href={`/courier/parcels/${parcel.id}`}
                  className="font-mono text-lg font-semibold after:absolute after:inset-0 after:content-['']"
                >
                  {parcel.trackingNumber}
                </Link>
                <StateBadge state={parcel.state} handedOver={parcel.handedOverAt !== null} />
              </div>
              <p className="text-sm text-gray-700">
                {parcel.slot
                  ? t("entry", {
                      activity: activity === "take-back" ? "takeBack" : activity === "take-back-unconfirmed" ? "unconfirmed" : "deposit",
                      door: parcel.slot.label,
                      site: parcel.site.name,
                      size: parcel.size,
                      phone: maskPhone(parcel.recipientPhone),
                    })
                  : t("entryNoDoor", {
                      activity: activity === "handed-over" ? "handedOver" : "none",
                      site: parcel.site.name,
                      size: parcel.size,
                      phone: maskPhone(parcel.recipientPhone),
                    })}
              </p>
              {activity === "take-back-unconfirmed" ? (
                <p className="text-sm font-semibold text-amber-900">
                  {t("unconfirmed")}{" "}
                  <Link href={`/courier/sites/${parcel.site.id}/take-back/${parcel.id}`} className="relative z-10 underline">
                    {t("confirmOut", { trackingNumber: parcel.trackingNumber })}
                  </Link>
                </p>
              ) : null}
              <p className="text-xs text-gray-600">{formatAt(at, { locale, timeZone: zones.get(parcel.site.id)! })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
