import { StateBadge } from "@/components/parcels/state-badge";

export { StateBadge as ParcelStateBadge };

export function IncidentBadge({ kind }: { kind: "lost" | "damaged" }) {
  return (
    <span className="inline-flex whitespace-nowrap rounded-full border border-red-300 bg-white px-2.5 py-0.5 text-xs font-semibold text-red-800">
      {kind === "lost" ? "Lost" : "Damaged"}
    </span>
  );
}
