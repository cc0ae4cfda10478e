import type { WaitingOutbound } from "@/lib/outbound/carrier";
import { formatDateTime } from "@/lib/format";
import { OutboundPickup, type OutboundPickupAction } from "./outbound-pickup";

/**
 * The outbound parcels (sent or returned) waiting in the doors for this courier's carrier,
 * by site; each with its one-tap door. Parcels with a code but not yet dropped off are
 * counted, so the courier knows more may come.
 */
export function OutboundPickups({
  waiting,
  showSite,
  open,
  taken,
}: {
  waiting: WaitingOutbound[];
  showSite: boolean;
  open: OutboundPickupAction;
  taken: OutboundPickupAction;
}) {
  const inDoors = waiting.filter((parcel) => parcel.state === "dropped_off");
  const coming = waiting.length - inDoors.length;
  return (
    <section aria-labelledby="outbound-heading" className="flex flex-col gap-2 rounded-2xl border border-gray-200 p-4">
      <h2 id="outbound-heading" className="text-lg font-bold">
        To take away <span className="font-normal text-gray-700">({inDoors.length})</span>
      </h2>
      <p className="text-sm text-gray-700">
        Parcels customers sent or returned with your carrier.{coming > 0 ? ` ${coming} more have a drop-off code but are not in a door yet.` : ""}
      </p>
      {inDoors.length === 0 ? (
        <p className="text-gray-700">Nothing to take away right now.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {inDoors.map((parcel) => (
            <li key={parcel.id} className={`flex flex-col gap-2 rounded-xl border p-3 ${parcel.overdue ? "border-amber-400 bg-amber-50" : "border-gray-200"}`}>
              <p className="font-semibold">
                Door {parcel.slotLabel} · size {parcel.size}
                {showSite ? ` · ${parcel.siteName}` : ""}
              </p>
              <p className="text-sm text-gray-700">
                {parcel.kind === "return" ? `Return, order ${parcel.orderReference}` : `To ${parcel.recipientName}`}
                {parcel.waybillNumber ? ` · waybill ${parcel.waybillNumber}` : " · no waybill yet"} · in since {formatDateTime(parcel.droppedOffAt!)}
                {parcel.overdue ? " · waiting too long" : ""}
              </p>
              <OutboundPickup outboundParcelId={parcel.id} slotLabel={parcel.slotLabel!} open={open} taken={taken} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
