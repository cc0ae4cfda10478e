import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SiteMemory } from "@/components/courier/site-memory";
import { SiteHeading, SiteTabs } from "@/components/courier/site-tabs";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { formatAt, formatDuration } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { listTakeBack } from "@/lib/courier/queries";
import { maskPhone } from "@/lib/phone";
import { listCourierSites, siteTimeZone } from "@/lib/courier/sites";
import { LAST_SITE_COOKIE } from "../../../cookies";
import { parcelForNotice } from "../../../parcel-lookup";
import { routeId } from "../../../route-id";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("courier.takeBack");
  return { title: t("title") };
}

type Props = {
  params: Promise<{ siteId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function TakeBackPage({ params, searchParams }: Props) {
  await requirePageUser("courier");
  const siteId = routeId((await params).siteId);
  if (siteId === null) notFound();
  const ctx = await requestContext();
  const site = listCourierSites(ctx).find((s) => s.id === siteId);
  if (!site) notFound();
  const due = listTakeBack(ctx, siteId);
  const query = await searchParams;
  const returned = parcelForNotice(ctx, query.returned);
  const t = await getTranslations("courier.takeBack");
  const locale = await requestLocale();
  const time = { locale, timeZone: siteTimeZone(ctx, siteId) };

  return (
    <section className="mx-auto flex max-w-xl flex-col gap-5">
      <SiteMemory siteId={siteId} cookie={LAST_SITE_COOKIE} />
      <SiteHeading site={site} />
      <SiteTabs siteId={siteId} current="take-back" takeBack={due.length} />

      {returned && returned.state === "returned" ? (
        <div role="status" className="flex flex-col gap-1 rounded-2xl border-2 border-green-600 bg-green-50 p-4 text-center text-green-950">
          <p className="text-2xl font-black">
            {t(query.replayed === "1" ? "alreadyTaken" : "taken", { trackingNumber: returned.trackingNumber })}
          </p>
          <p>{t("takenText", { carrier: returned.carrier.name, door: returned.slot?.label ?? "" })}</p>
        </div>
      ) : null}

      <div>
        <h2 className="text-xl font-bold">{t("heading")}</h2>
        <p className="text-sm text-gray-700">{t("intro")}</p>
      </div>
      {due.length === 0 ? (
        <p className="rounded-xl border border-dashed border-gray-300 p-6 text-center text-gray-700">
          {t("empty")}
        </p>
      ) : (
        <ul aria-label={t("listLabel")} className="flex flex-col gap-3">
          {due.map((parcel) => (
            <li key={parcel.id} className="flex flex-col gap-2 rounded-2xl border border-gray-200 p-4 shadow-sm">
              <div className="flex items-baseline justify-between gap-3">
                <span className="font-mono text-lg font-semibold">{parcel.trackingNumber}</span>
                <span className="text-2xl font-black">{parcel.slot?.label}</span>
              </div>
              <p className="font-semibold text-red-800">{t("overdueBy", { duration: formatDuration(parcel.overdueMs, locale) })}</p>
              <p className="text-sm text-gray-700">
                {t("where", {
                  locker: parcel.slot?.lockerCode ?? "",
                  row: parcel.slot?.row ?? "",
                  column: parcel.slot?.column ?? "",
                  phone: maskPhone(parcel.recipientPhone),
                })}
                {parcel.depositedAt ? t("depositedAt", { at: formatAt(parcel.depositedAt, time) }) : ""}
              </p>
              {parcel.takeBack?.byMe ? (
                <>
                  <p className="font-semibold text-amber-900">
                    {parcel.takeBack.doorOpened
                      ? t("openedByMe", { door: parcel.slot?.label ?? "", at: formatAt(parcel.takeBack.startedAt, time) })
                      : t("didNotOpenAt", { door: parcel.slot?.label ?? "", at: formatAt(parcel.takeBack.startedAt, time) })}
                  </p>
                  <Link href={`/courier/sites/${siteId}/take-back/${parcel.id}`} className={buttonClass("primary", "w-full")}>
                    {parcel.takeBack.doorOpened ? t("confirmOut") : t("seeDoor")}
                    <span className="sr-only">{t("fromDoor", { trackingNumber: parcel.trackingNumber, door: parcel.slot?.label ?? "" })}</span>
                  </Link>
                </>
              ) : (
                <Link href={`/courier/sites/${siteId}/take-back/${parcel.id}`} className={buttonClass("primary", "w-full")}>
                  {t("takeBack")}
                  <span className="sr-only">{t("fromDoor", { trackingNumber: parcel.trackingNumber, door: parcel.slot?.label ?? "" })}</span>
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
