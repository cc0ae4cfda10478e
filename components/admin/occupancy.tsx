import { useTranslations } from "next-intl";
import type { SlotSize } from "@/db/enums";
import type { DoorCounts } from "@/lib/admin/dashboard";
import { DOOR_CONDITIONS } from "@/lib/vocabulary/states";

/*
 * Door occupancy as stacked bars: one bar per size, split into occupied, reserved, free
 * and out of service. Each bar carries its figures as its accessible name, so the picture
 * says the same to a screen reader as to the eye.
 */

// The door conditions' own colours (lib/vocabulary/states.ts), as the door grid shows them.
const SEGMENTS = [
  { key: "occupied", className: DOOR_CONDITIONS.occupied.tone.bar },
  { key: "reserved", className: DOOR_CONDITIONS.reserved.tone.bar },
  { key: "free", className: DOOR_CONDITIONS.free.tone.bar },
  { key: "outOfService", className: DOOR_CONDITIONS.out_of_service.tone.bar },
] as const;

export function OccupancyBar({ size, counts }: { size: SlotSize; counts: DoorCounts }) {
  const t = useTranslations("admin.dashboard.occupancyBar");
  return (
    <div className="grid grid-cols-[2.5rem_1fr_6.5rem] items-center gap-3">
      <span className="text-sm font-semibold text-gray-800">{t("size", { size })}</span>
      {counts.total === 0 ? (
        <span className="h-4 rounded border border-dashed border-gray-300" role="img" aria-label={t("noDoors", { size })} />
      ) : (
        <div className="flex h-4 overflow-hidden rounded bg-gray-100" role="img" aria-label={t("counts", { size, ...counts })}>
          {SEGMENTS.map((segment) =>
            counts[segment.key] > 0 ? (
              <span
                key={segment.key}
                className={`h-full border-r border-white last:border-r-0 ${segment.className}`}
                style={{ width: `${(counts[segment.key] / counts.total) * 100}%` }}
              />
            ) : null,
          )}
        </div>
      )}
      <span className="text-right text-sm tabular-nums text-gray-700">
        {counts.total === 0 ? "—" : t("freeOf", { free: counts.free, total: counts.total })}
      </span>
    </div>
  );
}

export function OccupancyLegend() {
  const t = useTranslations("admin.dashboard.occupancyBar");
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-gray-800" aria-label={t("legend")}>
      {SEGMENTS.map((segment) => (
        <li key={segment.key} className="flex items-center gap-1.5">
          <span aria-hidden className={`inline-block h-3 w-3 rounded-sm ${segment.className}`} />
          {t(segment.key)}
        </li>
      ))}
    </ul>
  );
}
