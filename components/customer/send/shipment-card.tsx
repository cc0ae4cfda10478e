/* eslint-disable @next/next/no-img-element -- a data URL rendered on the server; next/image adds nothing here. */
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { ShipmentCard as Card } from "@/lib/outbound/customer";
import { formatDateTime } from "@/lib/format";

const TONE: Record<Card["state"], string> = {
  created: "bg-amber-100 text-amber-900",
  dropping_off: "bg-amber-100 text-amber-900",
  dropped_off: "bg-sky-100 text-sky-900",
  taken: "bg-green-100 text-green-900",
  cancelled: "bg-gray-100 text-gray-800",
  expired: "bg-gray-100 text-gray-800",
};

function price(cents: number): string {
  return `¥${(cents / 100).toFixed(2)}`;
}

/** One shipment or return: its state, and what the customer needs next — the code and QR, or the waybill and tracking link. */
export function ShipmentCard({ shipment, highlight = false }: { shipment: Card; highlight?: boolean }) {
  const title = shipment.kind === "return" ? `Return of order ${shipment.orderReference}` : `To ${shipment.recipientName}`;
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
          <p className="text-sm text-gray-700">
            {shipment.carrierName} · size {shipment.size} · {shipment.siteName}
          </p>
        </div>
        <span className={`rounded-full px-3 py-1 text-sm font-semibold ${TONE[shipment.state]}`}>{shipment.stateLabel}</span>
      </div>
      {shipment.dropOff ? (
        <div className="flex flex-col items-center gap-3 rounded-lg bg-gray-50 p-3 sm:flex-row sm:items-start">
          <img
            src={shipment.dropOff.qrSrc}
            width={144}
            height={144}
            alt={`QR code that opens a door for this parcel at ${shipment.siteName}`}
            className="rounded-lg border border-gray-200 bg-white p-1"
          />
          <div className="flex flex-col gap-1 text-center sm:text-left">
            <p className="text-sm text-gray-700">Drop-off code</p>
            <p className="font-mono text-3xl font-bold tracking-widest" aria-label={`Drop-off code ${shipment.dropOff.code.split("").join(" ")}`}>
              {shipment.dropOff.code}
            </p>
            <p className="text-sm text-gray-700">
              At {shipment.siteName}, tap <strong>Send a parcel</strong> on the locker&apos;s screen, then scan this QR or enter the code with the last 4
              digits of your phone. Valid until {formatDateTime(shipment.codeExpiresAt)}.
            </p>
          </div>
        </div>
      ) : null}
      {shipment.waybillNumber ? (
        <p className="text-sm">
          Waybill <span className="font-mono font-semibold">{shipment.waybillNumber}</span>
          {shipment.quotedPriceCents !== null ? <> · quoted postage {price(shipment.quotedPriceCents)}, settled with {shipment.carrierName}</> : null}
          {shipment.trackingLink ? (
            <>
              {" · "}
              <a href={shipment.trackingLink} target="_blank" rel="noopener noreferrer" className="font-semibold text-brand-700 underline">
                Track on {shipment.carrierName}&apos;s website<span className="sr-only"> (opens in a new tab)</span>
              </a>
            </>
          ) : null}
        </p>
      ) : shipment.state === "dropped_off" || shipment.state === "taken" ? (
        <p className="text-sm text-gray-700">{shipment.carrierName} has not attached its waybill number yet.</p>
      ) : null}
      {shipment.droppedOffAt ? <p className="text-sm text-gray-700">Dropped off {formatDateTime(shipment.droppedOffAt)}{shipment.slotLabel ? `, door ${shipment.slotLabel}` : ""}.</p> : null}
      {shipment.takenAt ? <p className="text-sm text-gray-700">Handed to {shipment.carrierName} {formatDateTime(shipment.takenAt)}.</p> : null}
      {shipment.state === "created" ? (
        <Link href={`/send/${shipment.id}/cancel`} className={buttonClass("secondary", "w-full sm:w-fit")}>
          Cancel this {shipment.kind === "return" ? "return" : "shipment"}
        </Link>
      ) : null}
    </article>
  );
}
