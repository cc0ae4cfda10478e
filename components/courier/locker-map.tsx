import { useTranslations } from "next-intl";
import type { LockerMap as Locker } from "@/lib/courier/queries";
import type { SlotSize } from "@/lib/slots/sizes";

/** Row heights follow the doors' inner heights (80–640 mm), squeezed to fit a phone. */
const ROW_HEIGHT: Record<SlotSize, number> = { S: 14, M: 22, L: 32, XL: 44 };

/**
 * The cabinet seen from the front with the door to use marked, so a courier finds "B-07"
 * among dozens of doors at a glance. A picture only: the same facts are in the text.
 */
export function LockerMap({ locker, doorLabel }: { locker: Locker; doorLabel: string }) {
  const t = useTranslations("courier.door");
  const rowSizes = Array.from({ length: locker.rows }, (_, r) => {
    const inRow = locker.doors.filter((door) => door.row === r + 1);
    return inRow.reduce<SlotSize>((tallest, door) => (ROW_HEIGHT[door.size] > ROW_HEIGHT[tallest] ? door.size : tallest), "S");
  });
  const target = locker.doors.find((door) => door.label === doorLabel);
  return (
    <figure className="flex flex-col items-center gap-1">
      <div
        role="img"
        aria-label={
          target
            ? t("lockerMapDoor", { locker: locker.code, door: doorLabel, row: target.row, column: target.column })
            : t("lockerMapName", { locker: locker.code })
        }
        className="grid w-full max-w-60 gap-[3px] rounded-lg border-4 border-gray-700 bg-gray-700 p-[3px]"
        style={{
          gridTemplateColumns: `repeat(${locker.columns}, minmax(0, 1fr))`,
          gridTemplateRows: rowSizes.map((size) => `${ROW_HEIGHT[size]}px`).join(" "),
        }}
      >
        {locker.doors.map((door) => {
          const isTarget = door.label === doorLabel;
          return (
            <div
              key={door.label}
              style={{ gridRow: door.row, gridColumn: door.column }}
              className={`flex items-center justify-center rounded-[2px] text-xs font-bold leading-none ${
                isTarget ? "bg-brand-600 text-white ring-4 ring-brand-300" : "bg-gray-200 text-transparent"
              }`}
            >
              {isTarget ? door.label : ""}
            </div>
          );
        })}
      </div>
      <figcaption className="text-sm text-gray-700">{t("lockerMap", { locker: locker.code })}</figcaption>
    </figure>
  );
}
