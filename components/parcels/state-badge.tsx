import type { ParcelState } from "@/db/enums";

export type Audience = "customer" | "courier" | "admin";

/** Each side reads the lifecycle in its own words; the colour is the same everywhere. */
export const STATE_WORDS: Record<Audience, Record<ParcelState, string>> = {
  customer: {
    announced: "On its way",
    reserved: "Being put in a locker",
    deposited: "Ready for pickup",
    collected: "Collected",
    expired: "Pickup time over",
    returned: "Returned to sender",
    cancelled: "Cancelled",
  },
  courier: {
    announced: "Announced",
    reserved: "Door open",
    deposited: "Waiting for pickup",
    collected: "Collected",
    expired: "Expired",
    returned: "Taken back",
    cancelled: "Cancelled",
  },
  admin: {
    announced: "Announced",
    reserved: "Reserved",
    deposited: "Waiting",
    collected: "Collected",
    expired: "Expired",
    returned: "Returned",
    cancelled: "Cancelled",
  },
};

const TONES: Record<ParcelState, string> = {
  announced: "bg-sky-100 text-sky-900",
  reserved: "bg-amber-100 text-amber-950",
  deposited: "bg-green-100 text-green-900",
  collected: "bg-gray-100 text-gray-800",
  expired: "bg-red-100 text-red-900",
  returned: "bg-gray-100 text-gray-800",
  cancelled: "bg-gray-100 text-gray-800",
};

/** A parcel's state in a word or two, as a coloured pill. */
export function StateBadge({ state, audience }: { state: ParcelState; audience: Audience }) {
  return (
    <span className={`inline-flex shrink-0 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${TONES[state]}`}>
      {STATE_WORDS[audience][state]}
    </span>
  );
}
