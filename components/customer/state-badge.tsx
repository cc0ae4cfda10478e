import type { ParcelState } from "@/db/enums";

const BADGES: Record<ParcelState, { label: string; className: string }> = {
  announced: { label: "On its way", className: "bg-sky-100 text-sky-900" },
  reserved: { label: "Being put in a locker", className: "bg-sky-100 text-sky-900" },
  deposited: { label: "Ready for pickup", className: "bg-green-100 text-green-900" },
  collected: { label: "Collected", className: "bg-gray-100 text-gray-800" },
  expired: { label: "Pickup time over", className: "bg-red-100 text-red-900" },
  returned: { label: "Returned to sender", className: "bg-gray-100 text-gray-800" },
  cancelled: { label: "Cancelled", className: "bg-gray-100 text-gray-800" },
};

export function StateBadge({ state }: { state: ParcelState }) {
  const badge = BADGES[state];
  return <span className={`inline-flex shrink-0 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${badge.className}`}>{badge.label}</span>;
}
