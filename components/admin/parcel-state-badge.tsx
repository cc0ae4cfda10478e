import { useTranslations } from "next-intl";

/*
 * The admin's badges. A parcel's state is the one badge every side shows
 * (components/parcels/state-badge.tsx): one name and one colour per state (issue 14).
 */
export { StateBadge as ParcelStateBadge } from "@/components/parcels/state-badge";

export function IncidentBadge({ kind }: { kind: "lost" | "damaged" }) {
  const t = useTranslations("admin.parcels.incident");
  return (
    <span className="inline-flex whitespace-nowrap rounded-full border border-red-300 bg-white px-2.5 py-0.5 text-xs font-semibold text-red-800">
      {t(kind)}
    </span>
  );
}
