import { useTranslations } from "next-intl";
import type { ParcelState } from "@/db/enums";
import { HANDED_OVER, PARCEL_STATES } from "@/lib/vocabulary/states";

/**
 * A parcel's state in its one name (parcelStates.badge, the words of lib/vocabulary/states.ts)
 * and colour, as a pill. Server components only: no client provider carries `parcelStates`.
 */
export function StateBadge({ state, handedOver = false }: { state: ParcelState; handedOver?: boolean }) {
  const t = useTranslations("parcelStates");
  // A parcel handed over in person is cancelled in the lifecycle (it never went into a locker), but delivered to whoever reads this.
  const inPerson = handedOver && state === "cancelled";
  return (
    <span
      data-state={inPerson ? "handed_over" : state}
      className={`inline-flex shrink-0 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${(inPerson ? HANDED_OVER : PARCEL_STATES[state]).tone.fill}`}
    >
      {inPerson ? t("handedOver") : t(`badge.${state}`)}
    </span>
  );
}
