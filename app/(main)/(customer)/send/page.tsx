import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ShipmentCard } from "@/components/customer/send/shipment-card";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import type { TimeFormat } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { customerShipmentCards } from "@/lib/outbound/customer";
import { outboundChoices } from "@/lib/outbound/settings";
import { siteTimeZone } from "@/lib/sites/time-zone";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customer.send");
  return { title: t("title") };
}

export default async function SendPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageUser("customer");
  const params = await searchParams;
  const ctx = await requestContext();
  const shipments = user.verifiedPhone ? await customerShipmentCards(ctx) : [];
  // No station takes parcels to send: a "start" button would lead only to that news.
  const canStart = user.verifiedPhone !== null && outboundChoices(ctx).length > 0;
  const started = Number(params.started);
  const open = shipments.filter((s) => s.state === "created" || s.state === "dropping_off" || s.state === "dropped_off");
  const past = shipments.filter((s) => !open.includes(s));
  const t = await getTranslations("customer.send");
  const locale = await requestLocale();
  const zones = new Map<number, string>();
  const timeAt = (siteId: number): TimeFormat => {
    if (!zones.has(siteId)) zones.set(siteId, siteTimeZone(ctx, siteId));
    return { locale, timeZone: zones.get(siteId)! };
  };

  return (
    <section className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {canStart ? (
          <Link href="/send/new" className={buttonClass("primary")}>
            {t("start")}
          </Link>
        ) : null}
      </div>
      {params.started ? <Alert tone="success">{t("started")}</Alert> : null}
      {params.cancelled ? <Alert tone="success">{t("cancelled")}</Alert> : null}

      {!user.verifiedPhone ? (
        <div className="flex flex-col gap-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <p>{t.rich("phoneFirst", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <Link href="/account/phone" className={buttonClass("primary", "w-full sm:w-fit")}>
            {t("confirmPhone")}
          </Link>
        </div>
      ) : shipments.length === 0 ? (
        <div className="rounded-xl border border-dashed border-gray-300 p-8 text-center text-gray-700">
          <p className="text-lg font-semibold text-gray-900">{t("emptyTitle")}</p>
          <p className="mt-1">{canStart ? t("emptyText") : t("noRoutes")}</p>
        </div>
      ) : (
        <>
          {canStart ? null : <p className="rounded-xl border border-dashed border-gray-300 p-4 text-gray-700">{t("noRoutes")}</p>}
          <section aria-labelledby="open-heading" className="flex flex-col gap-3">
            <h2 id="open-heading" className="text-lg font-semibold">
              {t.rich("openHeading", { count: open.length, n: (chunks) => <span className="font-normal text-gray-700">{chunks}</span> })}
            </h2>
            {open.length === 0 ? <p className="text-gray-700">{t("noneOpen")}</p> : null}
            {open.map((shipment) => (
              <ShipmentCard key={shipment.id} shipment={shipment} time={timeAt(shipment.siteId)} highlight={shipment.id === started} />
            ))}
          </section>
          {past.length > 0 ? (
            <section aria-labelledby="past-heading" className="flex flex-col gap-3">
              <h2 id="past-heading" className="text-lg font-semibold">
                {t("pastHeading")}
              </h2>
              {past.map((shipment) => (
                <ShipmentCard key={shipment.id} shipment={shipment} time={timeAt(shipment.siteId)} />
              ))}
            </section>
          ) : null}
        </>
      )}
    </section>
  );
}
