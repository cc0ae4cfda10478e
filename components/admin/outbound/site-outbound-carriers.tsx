import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/admin/action-form";
import { Panel } from "@/components/admin/page-header";
import type { FormAction } from "@/components/ui/use-form-action";
import type { SiteCarrierOutbound } from "@/lib/outbound/settings";

/** Which carriers take parcels customers send or return from this site: the admin's switch per carrier. */
export function SiteOutboundCarriers({ siteId, carriers, action }: { siteId: number; carriers: SiteCarrierOutbound[]; action: FormAction }) {
  const t = useTranslations("admin.outbound");
  const tUi = useTranslations("ui");
  return (
    <Panel id="site-outbound" title={t("title")}>
      <p className="text-sm text-gray-700">{t("intro")}</p>
      {carriers.length === 0 ? (
        <p className="text-sm text-gray-700">{t("none")}</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-3">
          {carriers.map((carrier) => (
            <li key={carrier.carrierId} className="flex flex-col gap-2 rounded-lg border border-gray-200 p-3">
              <p className="font-semibold">
                {carrier.carrierName}:{" "}
                <span className={carrier.accepts ? "text-green-800" : "text-gray-700"}>
                  {carrier.accepts ? t("accepts") : t("refuses")}
                </span>
              </p>
              <ActionForm
                action={action}
                hidden={{ siteId, carrierId: carrier.carrierId, accepts: carrier.accepts ? "false" : "true" }}
                submitLabel={t(carrier.accepts ? "stop" : "accept", { carrier: carrier.carrierName })}
                pendingLabel={tUi("saving")}
                variant={carrier.accepts ? "secondary" : "primary"}
              />
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
