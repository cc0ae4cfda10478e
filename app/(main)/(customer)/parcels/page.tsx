import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConsentQuestions } from "@/components/customer/consent/consent-questions";
import { PastParcelRow, WaitingAtSite } from "@/components/customer/parcel-card";
import { DoorNotOpenedNotice } from "@/components/parcels/door-not-opened";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import type { TimeFormat } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { myConsentRequests } from "@/lib/parcels/consent-requests";
import { listMyParcelCards, type ParcelCard } from "@/lib/customer/parcels";
import { siteTimeZone } from "@/lib/sites/time-zone";
import { answerConsentInAppAction } from "./consent-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customer.parcels");
  return { title: t("title") };
}

const ANSWERED = ["granted", "in_person", "call_me"] as const;

export default async function MyParcelsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageUser("customer");
  const params = await searchParams;
  const ctx = await requestContext();
  const { waiting, expired, history, asOf } = await listMyParcelCards(ctx);
  const questions = myConsentRequests(ctx);
  // A courier's question is about a parcel: with one shown, "no parcels yet" would contradict it.
  const nothing = waiting.length + expired.length + history.length === 0;
  const t = await getTranslations("customer.parcels");
  const locale = await requestLocale();
  // Each time in its site's zone: a customer's parcels may wait at stations in different zones.
  const zones = new Map<number, string>();
  const timeAt = (siteId: number): TimeFormat => {
    if (!zones.has(siteId)) zones.set(siteId, siteTimeZone(ctx, siteId));
    return { locale, timeZone: zones.get(siteId)! };
  };
  const answered = ANSWERED.find((status) => status === params.answered);

  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {answered ? <Alert tone="success">{t(`answered.${answered}`)}</Alert> : null}
      <ConsentQuestions requests={questions} action={answerConsentInAppAction} />
      {params.verified ? <Alert tone="success">{t("verified")}</Alert> : null}

      {!user.verifiedPhone ? (
        <div className="flex flex-col gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <p>{t.rich("phoneNotConfirmed", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <Link href="/account/phone" className={buttonClass("primary", "w-full sm:w-fit")}>
            {t("confirmPhone")}
          </Link>
        </div>
      ) : nothing ? (
        questions.length > 0 ? null : (
          <div className="rounded-xl border border-dashed border-gray-300 p-8 text-center text-gray-700">
            <p className="text-lg font-semibold text-gray-900">{t("emptyTitle")}</p>
            <p className="mt-1">{t("emptyText")}</p>
          </div>
        )
      ) : (
        <>
          {history
            .filter((parcel) => parcel.doorNotOpened)
            .map((parcel) => (
              <DoorNotOpenedNotice key={parcel.id} door={parcel.doorNotOpened!} siteName={parcel.site.name} time={timeAt(parcel.site.id)} />
            ))}
          <section aria-labelledby="waiting-heading" className="flex flex-col gap-3">
            <h2 id="waiting-heading" className="text-lg font-semibold">
              {t.rich("waitingHeading", { count: waiting.length, n: (chunks) => <span className="font-normal text-gray-700">{chunks}</span> })}
            </h2>
            {waiting.length === 0 ? (
              <p className="text-gray-700">{t("nothingWaiting")}</p>
            ) : (
              bySite(waiting).map((parcels) => (
                <WaitingAtSite key={parcels[0].site.id} parcels={parcels} serverNow={asOf} time={timeAt(parcels[0].site.id)} />
              ))
            )}
          </section>

          {expired.length > 0 ? (
            <section aria-labelledby="expired-heading" className="flex flex-col gap-3">
              <h2 id="expired-heading" className="text-lg font-semibold">
                {t("expiredHeading")}
              </h2>
              <ul className="flex flex-col gap-2">
                {expired.map((parcel) => (
                  <PastParcelRow key={parcel.id} parcel={parcel} time={timeAt(parcel.site.id)} />
                ))}
              </ul>
            </section>
          ) : null}

          {history.length > 0 ? (
            <section aria-labelledby="history-heading" className="flex flex-col gap-3">
              <h2 id="history-heading" className="text-lg font-semibold">
                {t("historyHeading")}
              </h2>
              <ul className="flex flex-col gap-2">
                {history.map((parcel) => (
                  <PastParcelRow key={parcel.id} parcel={parcel} time={timeAt(parcel.site.id)} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Waiting parcels grouped by station, in the order their first parcel is due. */
function bySite(parcels: ParcelCard[]): ParcelCard[][] {
  const groups = new Map<number, ParcelCard[]>();
  for (const parcel of parcels) groups.set(parcel.site.id, [...(groups.get(parcel.site.id) ?? []), parcel]);
  return [...groups.values()];
}
