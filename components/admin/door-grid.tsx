import Link from "next/link";
import { useTranslations } from "next-intl";
import type { SlotSize } from "@/db/enums";
import type { SiteLocker } from "@/lib/sites/admin-lockers";
import type { DoorState } from "@/lib/slots/door-state";
import { DOOR_CONDITION_ORDER, DOOR_CONDITIONS } from "@/lib/vocabulary/states";

/*
 * A cabinet drawn as it stands: its doors in their rows and columns, a row as tall as its
 * biggest door, each door coloured by what is behind it. Every door is a link to its
 * detail, named with its label, size and state for screen readers.
 */

const ROW_HEIGHT: Record<SlotSize, string> = { S: "2.75rem", M: "3.5rem", L: "4.75rem", XL: "6rem" };
const RANK: Record<SlotSize, number> = { S: 1, M: 2, L: 3, XL: 4 };

/** A door's condition in the one vocabulary, as a cell's classes. */
export function doorClass(state: DoorState): string {
  const { tone } = DOOR_CONDITIONS[state];
  return `${tone.fill} ${tone.border}`;
}

export function DoorGrid({ locker, siteId, selectedSlotId }: { locker: SiteLocker; siteId: number; selectedSlotId?: number }) {
  const t = useTranslations("admin.doors");
  // "Door A-01, size S, occupied, parcel ZT123": what a screen reader says for each cell.
  const doorName = (door: SiteLocker["doors"][number]) =>
    t("gridName", {
      door: door.label,
      size: door.size,
      state: door.state,
      hasParcel: door.parcel ? "yes" : "no",
      parcel: door.parcel?.trackingNumber ?? "",
      hasReason: door.state === "out_of_service" && door.outOfServiceReason ? "yes" : "no",
      reason: door.outOfServiceReason ?? "",
    });
  const rowHeights = Array.from({ length: locker.rows }, (_, r) => {
    const sizes = locker.doors.filter((door) => door.row === r + 1).map((door) => door.size);
    const biggest = sizes.sort((a, b) => RANK[b] - RANK[a])[0] ?? "M";
    return ROW_HEIGHT[biggest];
  });
  return (
    <div className="overflow-x-auto">
      <ol
        aria-label={t("gridLabel", { locker: locker.code })}
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
                className={`relative flex flex-1 flex-col justify-between rounded-sm border-2 px-1.5 py-1 text-left shadow-sm transition hover:brightness-95 ${doorClass(
                  door.state,
                )} ${selected ? "outline outline-3 -outline-offset-3 outline-sky-600" : ""}`}
              >
                <span className="text-sm font-bold tabular-nums leading-none">{door.label.split("-").at(-1)}</span>
                <span className="text-sm font-semibold uppercase leading-none">{door.size}</span>
                <span aria-hidden className="absolute right-1 top-1 text-sm font-bold leading-none">
                  {DOOR_CONDITIONS[door.state].mark}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

export function DoorLegend() {
  const t = useTranslations("admin.doors");
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-gray-800" aria-label={t("legend")}>
      {DOOR_CONDITION_ORDER.map((state) => (
        <li key={state} className="flex items-center gap-1.5">
          <span
            aria-hidden
            className={`inline-grid h-5 w-5 place-items-center rounded-sm border-2 text-xs font-bold leading-none ${doorClass(state)}`}
          >
            {DOOR_CONDITIONS[state].mark}
          </span>
          {t(`conditions.${state}`)}
        </li>
      ))}
    </ul>
  );
}
