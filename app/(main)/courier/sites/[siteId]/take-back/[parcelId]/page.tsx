import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RetryDoorForm } from "@/components/courier/retry-door-form";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { formatDuration } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { listTakeBack } from "@/lib/courier/queries";
import { maskPhone } from "@/lib/phone";
import { orNotFound } from "@/app/(main)/or-not-found";
import { parcelForNotice } from "../../../../parcel-lookup";
import { routeId } from "../../../../route-id";
import { retryTakeBackDoorAction } from "../actions";
import { ConfirmTakeBackForm, TakeBackForm } from "./take-back-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("courier.takeBack");
  return { title: t("parcelTitle") };
}

type Props = {
  params: Promise<{ siteId: string; parcelId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * A take-back in two steps, on one page: before the door is opened, "Open door"; once this
 * courier opened it, "Did you take it out?" (only the answer frees the door); when it did
 * not open, "Try the door again".
 */
export default async function ConfirmTakeBackPage({ params, searchParams }: Props) {
  await requirePageUser("courier");
  const { siteId: rawSite, parcelId: rawParcel } = await params;
  const siteId = routeId(rawSite);
  const parcelId = routeId(rawParcel);
  if (siteId === null || parcelId === null) notFound();
  const ctx = await requestContext();
  const listHref = `/courier/sites/${siteId}/take-back`;
  const t = await getTranslations("courier.takeBack");
  const states = await getTranslations("parcelStates");
  // listTakeBack authorizes the site (NOT_FOUND for one the courier does not serve).
  const due = orNotFound(() => listTakeBack(ctx, siteId)).find((parcel) => parcel.id === parcelId);

  if (!due) {
    const parcel = parcelForNotice(ctx, String(parcelId));
    if (!parcel || parcel.site.id !== siteId) notFound();
    return (
      <section className="mx-auto flex max-w-md flex-col gap-4 text-center">
        <h1 className="text-2xl font-bold">{t("nothingTitle")}</h1>
        <p className="text-gray-800">
          {t("nothingText", { trackingNumber: parcel.trackingNumber, state: states(parcel.state) })}
        </p>
        <Link href={listHref} className={buttonClass("primary")}>
          {t("backToList")}
        </Link>
      </section>
    );
  }

  const door = due.slot!;
  const locale = await requestLocale();
  const query = await searchParams;
  const header = (
    <p className="text-sm font-semibold uppercase tracking-wide text-gray-600">
      {t("over", { site: due.site.name, locker: door.lockerCode })}
    </p>
  );

  if (due.takeBack?.byMe && due.takeBack.doorOpened) {
    return (
      <section className="mx-auto flex max-w-md flex-col gap-5">
        <div role="status" className="flex flex-col gap-2 text-center">
          {header}
          <h1 className="text-3xl font-black leading-tight">
            {t("didYouTake", { trackingNumber: due.trackingNumber, door: door.label })}
          </h1>
          <p className="text-gray-800">
            {t("openText", { door: door.label, row: door.row, column: door.column, carrier: due.carrier.name })}
          </p>
        </div>
        <ConfirmTakeBackForm parcelId={due.id} trackingNumber={due.trackingNumber} />
        <p className="text-center text-sm text-gray-700">{t("shutBefore")}</p>
        <TakeBackForm parcelId={due.id} doorLabel={door.label} again />
        <Link href={listHref} className={buttonClass("secondary", "min-h-12")}>
          {t("notNow")}
        </Link>
      </section>
    );
  }

  if (due.takeBack?.byMe && !due.takeBack.doorOpened) {
    const stuck = query.door === "stuck";
    return (
      <section className="mx-auto flex max-w-md flex-col gap-5">
        <div role="status" className="flex flex-col gap-2 rounded-2xl border-2 border-amber-500 bg-amber-50 p-4 text-center text-amber-950">
          {header}
          <h1 className="text-3xl font-black leading-tight">{t("didNotOpen", { door: door.label })}</h1>
          <p>{t("stillInside", { trackingNumber: due.trackingNumber, door: door.label })}</p>
          <p className="font-semibold text-red-800">
            {stuck ? t("stuck") : t("tryAgain")}
          </p>
        </div>
        {stuck ? null : <RetryDoorForm parcelId={due.id} action={retryTakeBackDoorAction.bind(null, siteId)} />}
        <Link href={listHref} className={buttonClass("secondary", "min-h-12")}>
          {t("backToList")}
        </Link>
      </section>
    );
  }

  return (
    <section className="mx-auto flex max-w-md flex-col gap-5">
      <div className="flex flex-col gap-2 text-center">
        {header}
        <h1 className="text-3xl font-black leading-tight">
          {t("question", { trackingNumber: due.trackingNumber, door: door.label })}
        </h1>
        <p className="text-gray-800">
          {t("position", { row: door.row, column: door.column, phone: maskPhone(due.recipientPhone), duration: formatDuration(due.overdueMs, locale) })}
        </p>
        <p className="text-gray-800">{t("explain", { carrier: due.carrier.name })}</p>
        {due.takeBack && !due.takeBack.byMe ? (
          <p className="font-semibold text-amber-900">{t("otherCourier")}</p>
        ) : null}
      </div>
      <TakeBackForm parcelId={due.id} doorLabel={door.label} backHref={listHref} />
    </section>
  );
}
