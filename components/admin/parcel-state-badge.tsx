import type { ParcelState } from "@/db/enums";
import { StateBadge, STATE_WORDS } from "@/components/parcels/state-badge";

/** The lifecycle's own words, as the console uses them. */
export const STATE_NAMES: Record<ParcelState, string> = STATE_WORDS.admin;

export function ParcelStateBadge({ state }: { state: ParcelState }) {
  return <StateBadge state={state} audience="admin" />;
}

export function IncidentBadge({ kind }: { kind: "lost" | "damaged" }) {
  return (
    <span className="inline-flex whitespace-nowrap rounded-full border border-red-300 bg-white px-2.5 py-0.5 text-xs font-semibold text-red-800">
      {kind === "lost" ? "Lost" : "Damaged"}
    </span>
  );
}
