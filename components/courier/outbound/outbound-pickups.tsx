import { getLocale, getTranslations } from "next-intl/server";
import type { WaitingOutbound } from "@/lib/outbound/carrier";
import { formatAt } from "@/lib/format";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import { OutboundPickup, type OutboundPickupAction } from "./outbound-pickup";

/**
 * The outbound parcels (sent or returned) waiting in the doors for this courier's carrier,
 * by site; each with its one-tap door. Parcels with a code but not yet dropped off are
 * counted, so the courier knows more may come. Times are on each site's clock.
 */
export async function OutboundPickups({
  waiting,
  showSite,
  timeZones,
  open,
  taken,
}: {
  waiting: WaitingOutbound[];
  showSite: boolean;
  timeZones: ReadonlyMap<number, string>;
  open: OutboundPickupAction;
  taken: OutboundPickupAction;
}) {
  const t = await getTranslations("courier.outbound");
  const asked = await getLocale();
  const locale = isLocale(asked) ? asked : DEFAULT_LOCALE;
  const inDoors = waiting.filter((parcel) => parcel.state === "dropped_off");
  const coming = waiting.length - inDoors.length;
  return (
    <section aria-labelledby="outbound-heading" className="flex flex-col gap-2 rounded-2xl border border-gray-200 p-4">
      <h2 id="outbound-heading" className="text-lg font-bold">
        {t("heading")} <span className="font-normal text-gray-700">({inDoors.length})</span>
      </h2>
      <p className="text-sm text-gray-700">
        {t("intro")}
        {coming > 0 ? ` ${t("coming", { count: coming })}` : ""}
      </p>
      {inDoors.length === 0 ? (
        <p className="text-gray-700">{t("empty")}</p>
      ) : (
        <ul aria-label={t("listLabel")} className="flex flex-col gap-3">
          {inDoors.map((parcel) => (
            <li key={parcel.id} className={`flex flex-col gap-2 rounded-xl border p-3 ${parcel.overdue ? "border-amber-400 bg-amber-50" : "border-gray-200"}`}>
              <p className="font-semibold">
                {t("where", { door: parcel.slotLabel ?? "—", size: parcel.size })}
                {showSite ? ` · ${parcel.siteName}` : ""}
              </p>
              <p className="text-sm text-gray-700">
                {[
                  parcel.kind === "return" ? t("kindReturn", { order: parcel.orderReference ?? "" }) : t("kindSend", { recipient: parcel.recipientName ?? "" }),
                  parcel.waybillNumber ? t("waybill", { waybill: parcel.waybillNumber }) : t("noWaybill"),
                  t("since", { at: formatAt(parcel.droppedOffAt!, { locale, timeZone: timeZones.get(parcel.siteId) ?? DEFAULT_TIME_ZONE }) }),
                  ...(parcel.overdue ? [t("overdue")] : []),
                ].join(" · ")}
              </p>
              <OutboundPickup outboundParcelId={parcel.id} slotLabel={parcel.slotLabel!} open={open} taken={taken} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
