import { Alert } from "@/components/ui/alert";
import type { CabinetPresence } from "@/lib/fleet/presence";
import { cabinetConnectionWords } from "./cabinet-status";

/**
 * For a courier about to walk to a site: which of its cabinets are offline, so no door
 * there will open and no parcel is assigned to it. Nothing when every cabinet is online
 * (or the network runs the simulated controller).
 */
export function CabinetNotice({ cabinets, timeZone }: { cabinets: CabinetPresence[]; timeZone?: string }) {
  const down = cabinets.filter((cabinet) => cabinet.connection !== "online");
  if (down.length === 0) return null;
  const all = down.length === cabinets.length;
  return (
    <Alert tone="error">
      <span className="font-semibold">
        {all ? "This site's lockers are offline" : `Locker${down.length > 1 ? "s" : ""} ${down.map((c) => c.lockerCode).join(", ")} offline`}
      </span>
      {all
        ? ": no door here can be opened and no parcel will be assigned until they are back. Choose another site for now."
        : ": their doors cannot be opened right now, so new parcels go to the other lockers here."}
      <span className="mt-1 block text-sm">
        {down.map((cabinet) => `Locker ${cabinet.lockerCode}: ${cabinetConnectionWords(cabinet, timeZone).detail}`).join(" · ")}
      </span>
    </Alert>
  );
}
