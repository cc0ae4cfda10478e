import type { ParcelState } from "@/db/enums";
import { PARCEL_STATES } from "@/lib/vocabulary/states";

/** A parcel's state in its one name (lib/vocabulary/states.ts), as a coloured pill. */
export function StateBadge({ state }: { state: ParcelState }) {
  return (
    <span
      data-state={state}
      className={`inline-flex shrink-0 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${PARCEL_STATES[state].tone.fill}`}
    >
      {PARCEL_STATES[state].name}
    </span>
  );
}
