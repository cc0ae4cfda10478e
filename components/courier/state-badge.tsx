import type { ParcelState } from "@/db/schema";

const BADGES: Record<ParcelState, { label: string; tone: string }> = {
  announced: { label: "Announced", tone: "bg-gray-100 text-gray-800" },
  reserved: { label: "Door open", tone: "bg-amber-100 text-amber-950" },
  deposited: { label: "Waiting for pickup", tone: "bg-green-100 text-green-900" },
  collected: { label: "Collected", tone: "bg-sky-100 text-sky-900" },
  expired: { label: "Expired", tone: "bg-red-100 text-red-900" },
  returned: { label: "Taken back", tone: "bg-gray-200 text-gray-900" },
  cancelled: { label: "Cancelled", tone: "bg-gray-100 text-gray-700" },
};

/** A parcel's state in a word or two, as a coloured pill. */
export function StateBadge({ state }: { state: ParcelState }) {
  const badge = BADGES[state];
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-semibold ${badge.tone}`}>{badge.label}</span>;
}
