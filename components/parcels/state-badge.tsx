import { useTranslations } from "next-intl";
import type { ParcelState } from "@/db/enums";
import { PARCEL_STATES } from "@/lib/vocabulary/states";

/**
 * A parcel's state in its one name (parcelStates.badge, the words of lib/vocabulary/states.ts)
 * and colour, as a pill. Server components only: no client provider carries `parcelStates`.
 */
export function StateBadge({ state }: { state: ParcelState }) {
  const t = useTranslations("parcelStates.badge");
  return (
    <span
      data-state={state}
      className={`inline-flex shrink-0 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${PARCEL_STATES[state].tone.fill}`}
    >
      {t(state)}
    </span>
  );
}
