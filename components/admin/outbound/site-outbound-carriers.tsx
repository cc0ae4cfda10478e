import { ActionForm } from "@/components/admin/action-form";
import { Panel } from "@/components/admin/page-header";
import type { FormAction } from "@/components/ui/use-form-action";
import type { SiteCarrierOutbound } from "@/lib/outbound/settings";

/** Which carriers take parcels customers send or return from this site: the admin's switch per carrier. */
export function SiteOutboundCarriers({ siteId, carriers, action }: { siteId: number; carriers: SiteCarrierOutbound[]; action: FormAction }) {
  return (
    <Panel id="site-outbound" title="Sending and returns">
      <p className="text-sm text-gray-700">
        Customers can drop parcels off here for the carriers that accept them. Only carriers with a courier at this site are listed.
      </p>
      {carriers.length === 0 ? (
        <p className="text-sm text-gray-700">No carrier has a courier here yet.</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-3">
          {carriers.map((carrier) => (
            <li key={carrier.carrierId} className="flex flex-col gap-2 rounded-lg border border-gray-200 p-3">
              <p className="font-semibold">
                {carrier.carrierName}:{" "}
                <span className={carrier.accepts ? "text-green-800" : "text-gray-700"}>
                  {carrier.accepts ? "accepts outbound parcels" : "does not accept outbound parcels"}
                </span>
              </p>
              <ActionForm
                action={action}
                hidden={{ siteId, carrierId: carrier.carrierId, accepts: carrier.accepts ? "false" : "true" }}
                submitLabel={carrier.accepts ? `Stop outbound for ${carrier.carrierName}` : `Accept outbound for ${carrier.carrierName}`}
                pendingLabel="Saving…"
                variant={carrier.accepts ? "secondary" : "primary"}
              />
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
