import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { CabinetPresence } from "@/lib/fleet/presence";
import { cabinetConnectionWords, useDoorsLocale } from "./cabinet-status";

/**
 * For a courier about to walk to a site: which of its cabinets are offline, so no door
 * there will open and no parcel is assigned to it. Nothing when every cabinet is online
 * (or the network runs the simulated controller).
 */
export function CabinetNotice({ cabinets, timeZone }: { cabinets: CabinetPresence[]; timeZone?: string }) {
  const t = useTranslations("doors");
  const locale = useDoorsLocale();
  const down = cabinets.filter((cabinet) => cabinet.connection !== "online");
  if (down.length === 0) return null;
  const all = down.length === cabinets.length;
  return (
    <Alert tone="error">
      <span className="font-semibold">
        {all ? t("allOffline") : t("someOffline", { count: down.length, lockers: down.map((c) => c.lockerCode).join(", ") })}
      </span>
      {all ? t("allOfflineBody") : t("someOfflineBody")}
      <span className="mt-1 block text-sm">
        {down
          .map((cabinet) => t("lockerDetail", { locker: cabinet.lockerCode, detail: cabinetConnectionWords(cabinet, t, { locale, timeZone }).detail }))
          .join(" · ")}
      </span>
    </Alert>
  );
}
