/* eslint-disable @next/next/no-img-element -- a data URL rendered on the server; next/image adds nothing here. */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { OutboundStateBadge } from "@/components/outbound/state-badge";
import { buttonClass } from "@/components/ui/button";
import type { ShipmentCard as Card } from "@/lib/outbound/customer";
import { formatAt, formatYuan, type TimeFormat } from "@/lib/format";

/**
 * One shipment or return: its state, and what the customer needs next — the code and QR, or
 * the waybill and tracking link. `time`: the reader's language and the station's zone.
 */
export function ShipmentCard({ shipment, time, highlight = false }: { shipment: Card; time: TimeFormat; highlight?: boolean }) {
  const t = useTranslations("customer.send.card");
  const sizes = useTranslations("sizes");
  const title = shipment.kind === "return" ? t("returnTitle", { order: shipment.orderReference ?? "" }) : t("shipmentTitle", { name: shipment.recipientName ?? "" });
  const headingId = `shipment-${shipment.id}`;
  return (
    <article
      aria-labelledby={headingId}
      className={`flex flex-col gap-3 rounded-xl border bg-white p-4 ${highlight ? "border-brand-600 ring-2 ring-brand-200" : "border-gray-200"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={headingId} className="text-lg font-semibold">
            {title}
          </h3>
          <p className="text-sm text-gray-700">{t("summary", { carrier: shipment.carrierName, size: sizes(shipment.size), site: shipment.siteName })}</p>
        </div>
        <OutboundStateBadge state={shipment.state} />
      </div>
      {shipment.dropOff ? (
        <div className="flex flex-col items-center gap-3 rounded-lg bg-gray-50 p-3 sm:flex-row sm:items-start">
          <img
            src={shipment.dropOff.qrSrc}
            width={144}
            height={144}
            alt={t("qr", { site: shipment.siteName })}
            className="rounded-lg border border-gray-200 bg-white p-1"
          />
          <div className="flex flex-col gap-1 text-center sm:text-left">
            <p className="text-sm text-gray-700">{t("code")}</p>
            <p className="font-mono text-3xl font-bold tracking-widest" aria-label={t("codeSpoken", { digits: shipment.dropOff.code.split("").join(" ") })}>
              {shipment.dropOff.code}
            </p>
            <p className="text-sm text-gray-700">
              {t.rich("howTo", { site: shipment.siteName, until: formatAt(shipment.codeExpiresAt, time), strong: (chunks) => <strong>{chunks}</strong> })}
            </p>
          </div>
        </div>
      ) : null}
      {shipment.waybillNumber ? (
        <p className="text-sm">
          {t.rich("waybill", { number: shipment.waybillNumber, mono: (chunks) => <span className="font-mono font-semibold">{chunks}</span> })}
          {shipment.quotedPriceCents !== null ? t("quoted", { price: formatYuan(shipment.quotedPriceCents), carrier: shipment.carrierName }) : null}
          {shipment.trackingLink ? (
            <>
              {" · "}
              <a href={shipment.trackingLink} target="_blank" rel="noopener noreferrer" className="font-semibold text-brand-700 underline">
                {t.rich("track", { carrier: shipment.carrierName, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
              </a>
            </>
          ) : null}
        </p>
      ) : shipment.state === "dropped_off" || shipment.state === "taken" ? (
        <p className="text-sm text-gray-700">{t("noWaybill", { carrier: shipment.carrierName })}</p>
      ) : null}
      {shipment.droppedOffAt ? (
        <p className="text-sm text-gray-700">
          {shipment.slotLabel
            ? t("droppedOffDoor", { at: formatAt(shipment.droppedOffAt, time), door: shipment.slotLabel })
            : t("droppedOff", { at: formatAt(shipment.droppedOffAt, time) })}
        </p>
      ) : null}
      {shipment.takenAt ? <p className="text-sm text-gray-700">{t("taken", { carrier: shipment.carrierName, at: formatAt(shipment.takenAt, time) })}</p> : null}
      {shipment.state === "created" ? (
        <Link href={`/send/${shipment.id}/cancel`} className={buttonClass("secondary", "w-full sm:w-fit")}>
          {t(shipment.kind === "return" ? "cancelReturn" : "cancelShipment")}
        </Link>
      ) : null}
    </article>
  );
}
