import { formatDateTime } from "@/lib/format";
import type { OutboundView } from "@/lib/outbound/view";

/** The dashboard's alert: outbound parcels no carrier has taken in time, with whom to chase. */
export function OverdueOutbound({ parcels, showSite = true }: { parcels: OutboundView[]; showSite?: boolean }) {
  if (parcels.length === 0) return null;
  return (
    <section aria-labelledby="overdue-outbound" role="alert" className="flex flex-col gap-2 rounded-xl border border-amber-400 bg-amber-50 p-4 text-amber-950">
      <h2 id="overdue-outbound" className="text-lg font-semibold">
        {parcels.length === 1 ? "1 outbound parcel is" : `${parcels.length} outbound parcels are`} waiting too long for the carrier
      </h2>
      <ul className="flex flex-col gap-1 text-sm">
        {parcels.map((parcel) => (
          <li key={parcel.id}>
            {parcel.carrierName}: door {parcel.slotLabel}
            {showSite ? ` at ${parcel.siteName}` : ""}, in since {formatDateTime(parcel.droppedOffAt!)}
            {parcel.waybillNumber ? ` (waybill ${parcel.waybillNumber})` : " (no waybill yet)"}
          </li>
        ))}
      </ul>
    </section>
  );
}
