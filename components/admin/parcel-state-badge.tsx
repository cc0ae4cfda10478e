import type { ParcelState } from "@/db/enums";

/** The lifecycle's own words, as the console uses them; colour repeats what the word says. */
const BADGES: Record<ParcelState, { label: string; className: string }> = {
  announced: { label: "Announced", className: "bg-sky-100 text-sky-900" },
  reserved: { label: "Reserved", className: "bg-amber-100 text-amber-900" },
  deposited: { label: "Waiting", className: "bg-green-100 text-green-900" },
  collected: { label: "Collected", className: "bg-gray-100 text-gray-800" },
  expired: { label: "Expired", className: "bg-red-100 text-red-900" },
  returned: { label: "Returned", className: "bg-gray-100 text-gray-800" },
  cancelled: { label: "Cancelled", className: "bg-gray-100 text-gray-800" },
};

export const STATE_NAMES: Record<ParcelState, string> = Object.fromEntries(
  Object.entries(BADGES).map(([state, badge]) => [state, badge.label]),
) as Record<ParcelState, string>;

export function ParcelStateBadge({ state }: { state: ParcelState }) {
  const badge = BADGES[state];
  return <span className={`inline-flex whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${badge.className}`}>{badge.label}</span>;
}

export function IncidentBadge({ kind }: { kind: "lost" | "damaged" }) {
  return (
    <span className="inline-flex whitespace-nowrap rounded-full border border-red-300 bg-white px-2.5 py-0.5 text-xs font-semibold text-red-800">
      {kind === "lost" ? "Lost" : "Damaged"}
    </span>
  );
}
