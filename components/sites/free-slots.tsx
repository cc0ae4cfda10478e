import { useTranslations } from "next-intl";
import type { SlotSize } from "@/db/schema";
import { SIZES } from "@/lib/slots/sizes";

/** Free doors per size, as a row of labelled counts (the courier's site list). */
export function FreeSlots({ free }: { free: Record<SlotSize, number> }) {
  const t = useTranslations("courier.sites");
  return (
    <dl className="grid grid-cols-4 gap-2 text-center">
      {SIZES.map((size) => (
        <div key={size} className={`rounded-lg border px-2 py-1 ${free[size] === 0 ? "border-gray-200 bg-gray-50 text-gray-500" : "border-green-300 bg-green-50"}`}>
          <dt className="text-xs font-medium">{t("freeSize", { size })}</dt>
          <dd className="text-lg font-bold">
            {free[size]}
            <span className="sr-only">{t("free")}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
