import { useTranslations } from "next-intl";
import type { OutboundState } from "@/db/enums";

/* An outbound parcel's state (decision 0013): one name and one colour, for the customer's cards and the admin's lists. */
const TONE: Record<OutboundState, string> = {
  created: "bg-amber-100 text-amber-900",
  dropping_off: "bg-amber-100 text-amber-900",
  dropped_off: "bg-sky-100 text-sky-900",
  taken: "bg-green-100 text-green-900",
  cancelled: "bg-gray-100 text-gray-800",
  expired: "bg-gray-100 text-gray-800",
};

export function OutboundStateBadge({ state, size = "sm" }: { state: OutboundState; size?: "sm" | "xs" }) {
  const t = useTranslations("outboundStates");
  const scale = size === "sm" ? "px-3 py-1 text-sm" : "px-2.5 py-0.5 text-xs";
  return <span className={`inline-flex rounded-full font-semibold ${scale} ${TONE[state]}`}>{t(state)}</span>;
}
