import { useTranslations } from "next-intl";
import type { ParcelState } from "@/db/enums";
import { PARCEL_STATES } from "@/lib/vocabulary/states";

/**
 * A parcel's state as a coloured pill, in the colour of lib/vocabulary/states.ts and named in the
 * reader's language; the English names are PARCEL_STATES' own (parcel-state-badge.test.ts), so the
 * customer's card and the admin's list say the same.
 */
export function ParcelStateBadge({ state }: { state: ParcelState }) {
  const t = useTranslations("admin.parcels.states");
  return (
    <span
      data-state={state}
      className={`inline-flex shrink-0 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${PARCEL_STATES[state].tone.fill}`}
    >
      {t(state)}
    </span>
  );
}

export function IncidentBadge({ kind }: { kind: "lost" | "damaged" }) {
  const t = useTranslations("admin.parcels.incident");
  return (
    <span className="inline-flex whitespace-nowrap rounded-full border border-red-300 bg-white px-2.5 py-0.5 text-xs font-semibold text-red-800">
      {t(kind)}
    </span>
  );
}
