import Link from "next/link";
import type { SlotSize } from "@/db/enums";
import type { SiteLocker } from "@/lib/sites/admin-lockers";
import type { DoorState } from "@/lib/slots/door-state";

/*
 * A cabinet drawn as it stands: its doors in their rows and columns, a row as tall as its
 * biggest door, each door coloured by what is behind it. Every door is a link to its
 * detail, named with its label, size and state for screen readers.
 */

const ROW_HEIGHT: Record<SlotSize, string> = { S: "2.75rem", M: "3.5rem", L: "4.75rem", XL: "6rem" };
const RANK: Record<SlotSize, number> = { S: 1, M: 2, L: 3, XL: 4 };

export const DOOR_STATES: Record<DoorState, { label: string; className: string }> = {
  free: { label: "Free", className: "bg-white text-gray-900 border-emerald-500" },
  reserved: { label: "Reserved", className: "bg-amber-100 text-amber-950 border-amber-500" },
  occupied: { label: "Occupied", className: "bg-brand-100 text-brand-900 border-brand-500" },
  expired: { label: "Expired", className: "bg-red-100 text-red-950 border-red-600" },
  out_of_service: {
    label: "Out of service",
    className:
      "bg-gray-200 text-gray-800 border-gray-500 bg-[repeating-linear-gradient(135deg,transparent_0_6px,rgba(255,255,255,.7)_6px_12px)]",
  },
  retired: { label: "Removed", className: "bg-slate-600 text-slate-200 border-slate-500 border-dashed" },
};

function doorName(door: SiteLocker["doors"][number]): string {
  const parts = [`Door ${door.label}`, `size ${door.size}`, DOOR_STATES[door.state].label.toLowerCase()];
  if (door.parcel) parts.push(`parcel ${door.parcel.trackingNumber}`);
  if (door.state === "out_of_service" && door.outOfServiceReason) parts.push(door.outOfServiceReason);
  return parts.join(", ");
}

export function DoorGrid({ locker, siteId, selectedSlotId }: { locker: SiteLocker; siteId: number; selectedSlotId?: number }) {
  const rowHeights = Array.from({ length: locker.rows }, (_, r) => {
    const sizes = locker.doors.filter((door) => door.row === r + 1).map((door) => door.size);
    const biggest = sizes.sort((a, b) => RANK[b] - RANK[a])[0] ?? "M";
    return ROW_HEIGHT[biggest];
  });
  return (
    <div className="overflow-x-auto">
      <ol
        aria-label={`Doors of locker ${locker.code}`}
        className="grid w-max gap-1 rounded-lg border-4 border-slate-700 bg-slate-700 p-1"
        style={{
          gridTemplateColumns: `repeat(${locker.columns}, 4.25rem)`,
          gridTemplateRows: rowHeights.join(" "),
        }}
      >
        {locker.doors.map((door) => {
          const selected = door.id === selectedSlotId;
          return (
            <li key={door.id} style={{ gridRow: door.row, gridColumn: door.column }} className="flex">
              <Link
                href={`/admin/sites/${siteId}/slots/${door.id}`}
                aria-label={doorName(door)}
                aria-current={selected ? "page" : undefined}
                className={`relative flex flex-1 flex-col justify-between rounded-sm border-l-4 px-1.5 py-1 text-left shadow-sm transition hover:brightness-95 ${
                  DOOR_STATES[door.state].className
                } ${selected ? "outline outline-3 -outline-offset-3 outline-sky-600" : ""}`}
              >
                <span className="text-xs font-bold tabular-nums leading-none">{door.label.split("-").at(-1)}</span>
                <span className="text-[10px] font-semibold uppercase leading-none opacity-80">{door.size}</span>
                <span aria-hidden className="absolute right-1 top-1/2 h-3 w-1 -translate-y-1/2 rounded-full bg-current opacity-30" />
              </Link>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

export function DoorLegend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-gray-700" aria-label="Door colours">
      {(Object.keys(DOOR_STATES) as DoorState[]).map((state) => (
        <li key={state} className="flex items-center gap-1.5">
          <span aria-hidden className={`inline-block h-4 w-4 rounded-sm border-l-4 ${DOOR_STATES[state].className}`} />
          {DOOR_STATES[state].label}
        </li>
      ))}
    </ul>
  );
}
