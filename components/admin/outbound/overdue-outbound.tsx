import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatAt } from "@/lib/format";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import type { OutboundView } from "@/lib/outbound/view";
import { DEFAULT_TIME_ZONE } from "@/lib/time";

/**
 * The dashboard's alert: outbound parcels no carrier has taken in time, with whom to chase.
 * Times are in `timeZone`: the site's on a site's page, the organization's on the dashboard.
 */
export function OverdueOutbound({
  parcels,
  showSite = true,
  timeZone = DEFAULT_TIME_ZONE,
}: {
  parcels: OutboundView[];
  showSite?: boolean;
  timeZone?: string;
}) {
  const t = useTranslations("admin.outbound");
  const locale = useLocale();
  if (parcels.length === 0) return null;
  const time = { locale: isLocale(locale) ? locale : DEFAULT_LOCALE, timeZone };
  return (
    <section aria-labelledby="overdue-outbound" role="alert" className="flex flex-col gap-2 rounded-xl border border-amber-400 bg-amber-50 p-4 text-amber-950">
      <h2 id="overdue-outbound" className="text-lg font-semibold">
        {t("overdue", { count: parcels.length })}
      </h2>
      <ul className="flex flex-col gap-1 text-sm">
        {parcels.map((parcel) => {
          const where = { carrier: parcel.carrierName, door: parcel.slotLabel ?? "—", time: formatAt(parcel.droppedOffAt!, time) };
          return (
            <li key={parcel.id}>
              <Link href={`/admin/outbound/${parcel.id}`} className="underline underline-offset-2 hover:text-amber-800">
                {showSite ? t("overdueLineAt", { ...where, site: parcel.siteName }) : t("overdueLine", where)}{" "}
                {parcel.waybillNumber ? t("waybill", { waybill: parcel.waybillNumber }) : t("noWaybill")}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
