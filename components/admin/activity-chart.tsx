import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActivityDay } from "@/lib/admin/dashboard";

/*
 * Deposits and collections per day as paired columns. Each day is a link to the parcels
 * that arrived that day, named with its figures, so the chart is navigable and readable
 * without seeing it. Plain CSS: fourteen days of two series need no chart library.
 */


function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  // An even top, so the middle grid line is a whole number too.
  const step = [1, 2, 3, 4, 5, 6, 8, 10].map((m) => m * magnitude).find((top) => top >= value && top % 2 === 0)!;
  return step;
}

export function ActivityChart({ days, today }: { days: ActivityDay[]; today: string }) {
  const max = niceMax(Math.max(1, ...days.flatMap((d) => [d.deposits, d.collections])));
  const ticks = [max, max / 2, 0];
  const t = useTranslations("admin.dashboard.chart");
  // "30 Nov" / "11月30日": the day of the organization's calendar the key names, no zone to apply.
  const dayLabel = (day: string) => {
    const [, month, date] = day.split("-").map(Number);
    return t("day", { day: date, month: String(month) });
  };
  return (
    <div className="flex flex-col gap-3">
      <ul className="flex flex-wrap gap-4 text-sm text-gray-700" aria-label={t("colours")}>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-brand-600" /> {t("deposits")}
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-sky-700" /> {t("collections")}
        </li>
      </ul>
      <div className="grid grid-cols-[2.5rem_1fr] gap-2">
        <div aria-hidden className="flex h-44 flex-col justify-between text-right text-xs tabular-nums text-gray-600">
          {ticks.map((tick) => (
            <span key={tick} className="-translate-y-1/2 first:translate-y-0 last:translate-y-0">
              {tick}
            </span>
          ))}
        </div>
        <div className="flex flex-col gap-1">
          <ol className="relative flex h-44 items-end gap-1 border-b border-l border-gray-300 bg-[linear-gradient(to_bottom,var(--color-gray-200)_1px,transparent_1px)] bg-[length:100%_50%]">
            {days.map((day) => (
              <li key={day.day} className="flex h-full flex-1">
                <Link
                  href={`/admin/parcels?from=${day.day}&to=${day.day}`}
                  aria-label={t("dayLabel", { day: dayLabel(day.day), deposits: day.deposits, collections: day.collections })}
                  className="group flex h-full flex-1 items-end justify-center gap-0.5 rounded-t px-0.5 hover:bg-brand-50"
                >
                  <span className="w-1/2 max-w-4 rounded-t bg-brand-600 group-hover:bg-brand-700" style={{ height: `${(day.deposits / max) * 100}%` }} />
                  <span className="w-1/2 max-w-4 rounded-t bg-sky-700 group-hover:bg-sky-800" style={{ height: `${(day.collections / max) * 100}%` }} />
                </Link>
              </li>
            ))}
          </ol>
          <ol aria-hidden className="flex gap-1 text-center text-[11px] text-gray-600">
            {days.map((day, index) => (
              <li key={day.day} className={`flex-1 ${day.day === today ? "font-semibold text-gray-900" : ""}`}>
                {index % 2 === days.length % 2 || day.day === today ? (day.day === today ? t("today") : dayLabel(day.day)) : ""}
              </li>
            ))}
          </ol>
        </div>
      </div>
    </div>
  );
}
