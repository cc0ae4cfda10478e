import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale } from "next-intl";
import { formatAt } from "@/lib/format";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { DEFAULT_TIME_ZONE } from "@/lib/time";

export type HistoryItem = {
  key: string;
  at: number;
  summary: string;
  actor: string;
  source: "door" | "parcel";
  extra?: ReactNode;
  href?: string;
  hrefLabel?: string;
};

/**
 * A timeline: what happened, who did it, when (in `timeZone`, the site's, and the reader's
 * language); door events marked apart from parcel events.
 */
export function HistoryList({ items, empty, timeZone = DEFAULT_TIME_ZONE }: { items: HistoryItem[]; empty: string; timeZone?: string }) {
  const locale = useLocale();
  const time = { locale: isLocale(locale) ? locale : DEFAULT_LOCALE, timeZone };
  if (items.length === 0) return <p className="text-sm text-gray-700">{empty}</p>;
  return (
    <ol className="flex flex-col">
      {items.map((item) => (
        <li key={item.key} className="relative grid grid-cols-[1.25rem_1fr] gap-3 pb-4 last:pb-0">
          <span aria-hidden className="relative flex justify-center">
            <span className={`z-10 mt-1.5 h-3 w-3 rounded-full ring-4 ring-white ${item.source === "door" ? "bg-slate-500" : "bg-brand-600"}`} />
            <span className="absolute bottom-0 top-3 w-px bg-gray-200" />
          </span>
          <div className="flex flex-col gap-0.5">
            <p className="font-medium text-gray-950">
              {item.summary}
              {item.extra}
            </p>
            <p className="text-sm text-gray-600">
              <time dateTime={new Date(item.at).toISOString()}>{formatAt(item.at, time)}</time> · {item.actor}
              {item.href ? (
                <>
                  {" · "}
                  <Link href={item.href} className="text-brand-700 underline">
                    {item.hrefLabel}
                  </Link>
                </>
              ) : null}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
