import type { DoorCounts } from "@/lib/admin/dashboard";
import { DOOR_CONDITIONS } from "@/lib/vocabulary/states";

/*
 * Door occupancy as stacked bars: one bar per size, split into occupied, reserved, free
 * and out of service. Each bar carries its figures as its accessible name, so the picture
 * says the same to a screen reader as to the eye.
 */

// The door conditions' own names and colours (lib/vocabulary/states.ts), as the door grid shows them.
const SEGMENTS = [
  { key: "occupied", label: DOOR_CONDITIONS.occupied.name.toLowerCase(), className: DOOR_CONDITIONS.occupied.tone.bar },
  { key: "reserved", label: DOOR_CONDITIONS.reserved.name.toLowerCase(), className: DOOR_CONDITIONS.reserved.tone.bar },
  { key: "free", label: DOOR_CONDITIONS.free.name.toLowerCase(), className: DOOR_CONDITIONS.free.tone.bar },
  { key: "outOfService", label: DOOR_CONDITIONS.out_of_service.name.toLowerCase(), className: DOOR_CONDITIONS.out_of_service.tone.bar },
] as const;

function describeCounts(counts: DoorCounts): string {
  return `${SEGMENTS.map((segment) => `${counts[segment.key]} ${segment.label}`).join(", ")}, of ${counts.total} doors`;
}

export function OccupancyBar({ label, counts }: { label: string; counts: DoorCounts }) {
  return (
    <div className="grid grid-cols-[2.5rem_1fr_6.5rem] items-center gap-3">
      <span className="text-sm font-semibold text-gray-800">{label}</span>
      {counts.total === 0 ? (
        <span className="h-4 rounded border border-dashed border-gray-300" role="img" aria-label={`Size ${label}: no doors`} />
      ) : (
        <div className="flex h-4 overflow-hidden rounded bg-gray-100" role="img" aria-label={`Size ${label}: ${describeCounts(counts)}`}>
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
        {counts.total === 0 ? "—" : `${counts.free} free / ${counts.total}`}
      </span>
    </div>
  );
}

export function OccupancyLegend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-gray-800" aria-label="Colours of the door bars">
      {SEGMENTS.map((segment) => (
        <li key={segment.key} className="flex items-center gap-1.5">
          <span aria-hidden className={`inline-block h-3 w-3 rounded-sm ${segment.className}`} />
          {segment.label}
        </li>
      ))}
    </ul>
  );
}
