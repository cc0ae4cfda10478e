import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DeadlineCountdown } from "@/components/customer/deadline-countdown";
import { ParcelTimeline } from "@/components/customer/parcel-timeline";
import { PickupCode } from "@/components/customer/pickup-code";
import { PickupQr } from "@/components/customer/pickup-qr";
import { SiteLocationBlock } from "@/components/customer/site-location";
import { DoorNotOpenedBadge, DoorNotOpenedNotice } from "@/components/parcels/door-not-opened";
import { StateBadge } from "@/components/parcels/state-badge";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import { myParcelDetail, type ParcelDetail } from "@/lib/customer/parcels";
import { isDomainError } from "@/lib/errors";
import { formatAt } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { siteTimeZone } from "@/lib/sites/time-zone";
import { ExtendHoldForm } from "./extend-hold-form";
import { TrustedPersonSection } from "@/components/customer/trusted-person-section";
import { myParcelTrustedPerson } from "@/lib/trusted/trusted-persons";
import { nameTrustedPersonAction, revokeTrustedPersonAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customer.parcel");
  return { title: t("title") };
}

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

export default async function ParcelPage({ params, searchParams }: Props) {
  await requirePageUser("customer");
  const { id } = await params;
  const query = await searchParams;
  if (!/^\d{1,12}$/.test(id)) notFound();
  const ctx = await requestContext();
  let detail: ParcelDetail;
  try {
    detail = await myParcelDetail(ctx, Number(id));
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { parcel, pickupCode, pickupCodeLost, pickupQr, location, timeline, messages, extension, doorNotOpened, asOf } = detail;
  const t = await getTranslations("customer.parcel");
  const sizes = await getTranslations("sizes");
  const time = { locale: await requestLocale(), timeZone: siteTimeZone(ctx, parcel.site.id) };

  return (
    <article className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <Link href="/parcels" className="inline-flex min-h-11 w-fit items-center text-sm font-semibold text-brand-700 underline underline-offset-2">
          {t("back")}
        </Link>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-bold">
            {parcel.carrier.name} <span className="font-mono text-lg font-semibold">{parcel.trackingNumber}</span>
          </h1>
          {doorNotOpened ? <DoorNotOpenedBadge /> : <StateBadge state={parcel.state} handedOver={parcel.handedOverAt !== null} />}
        </div>
      </div>

      {doorNotOpened ? <DoorNotOpenedNotice door={doorNotOpened} siteName={parcel.site.name} time={time} /> : null}

      {query.extended ? <Alert tone="success">{t("extendedDone")}</Alert> : null}

      {pickupCode && pickupQr ? (
        <section aria-label={t("pickupRegion")} className="flex flex-col items-center gap-4 rounded-2xl bg-brand-50 p-5 text-center ring-1 ring-brand-200">
          <PickupCode code={pickupCode} size="huge" />
          <PickupQr svg={pickupQr} siteName={parcel.site.name} size={208} />
          <p className="text-sm text-gray-800">{t.rich("howTo", { em: (chunks) => <em>{chunks}</em> })}</p>
        </section>
      ) : null}
      {pickupCodeLost ? <Alert tone="error">{t("codeLost")}</Alert> : null}

      {parcel.state === "deposited" && parcel.expiresAt ? (
        <section aria-labelledby="deadline-heading" className="flex flex-col gap-3 rounded-xl border border-gray-200 p-4">
          <h2 id="deadline-heading" className="font-semibold">
            {t.rich("collectBy", { at: formatAt(parcel.expiresAt, time), deadline: (chunks) => <span data-testid="deadline">{chunks}</span> })}
          </h2>
          <p>
            <DeadlineCountdown deadline={parcel.expiresAt} serverNow={asOf} />
            {parcel.holdExtended ? <span className="text-gray-700">{t("extendedOnce")}</span> : null}
          </p>
          {extension ? (
            query.confirm === "extend" ? (
              <ExtendHoldForm parcelId={parcel.id} newDeadline={formatAt(extension.newDeadline, time)} />
            ) : (
              <Link href={`/parcels/${parcel.id}?confirm=extend`} className={buttonClass("secondary", "w-full sm:w-fit")}>
                {t("needMoreTime")}
              </Link>
            )
          ) : null}
        </section>
      ) : null}

      {parcel.state === "expired" ? (
        <Alert tone="error">
          {parcel.carrier.contactPhone
            ? t("expiredCall", { carrier: parcel.carrier.name, phone: parcel.carrier.contactPhone })
            : t("expired", { carrier: parcel.carrier.name })}
        </Alert>
      ) : null}

      <TrustedPersonSection
        parcelId={parcel.id}
        trusted={myParcelTrustedPerson(await requestContext(), parcel.id)}
        nameAction={nameTrustedPersonAction}
        revokeAction={revokeTrustedPersonAction}
      />

      <section aria-labelledby="where-heading" className="flex flex-col gap-2">
        <h2 id="where-heading" className="text-lg font-semibold">
          {t("where")}
        </h2>
        <SiteLocationBlock site={parcel.site} location={location} />
        {parcel.slot ? <p className="text-sm text-gray-700">{t("door", { door: parcel.slot.label, size: sizes(parcel.slot.size) })}</p> : null}
      </section>

      <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          {t("timeline")}
        </h2>
        <ParcelTimeline entries={timeline} messages={messages} siteName={parcel.site.name} time={time} />
      </section>
    </article>
  );
}
