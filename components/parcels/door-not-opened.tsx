import { useTranslations } from "next-intl";
import type { DoorNotOpened } from "@/lib/parcels/door-status";
import { formatAt, type TimeFormat } from "@/lib/format";

/*
 * A parcel marked collected whose door did not open is still inside: every screen that
 * would say "Collected" says this instead, with what happens next.
 */

/** The pill shown in place of "Collected". */
export function DoorNotOpenedBadge() {
  const t = useTranslations("customer.doorNotOpened");
  return (
    <span className="inline-flex shrink-0 whitespace-nowrap rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-950">
      {t("badge")}
    </span>
  );
}

/** What the recipient reads: the parcel is still inside, and how to get it out. `time`: the site's zone. */
export function DoorNotOpenedNotice({ door, siteName, time }: { door: DoorNotOpened; siteName: string; time: TimeFormat }) {
  const t = useTranslations("customer.doorNotOpened");
  return (
    <div role="alert" className="flex flex-col gap-1 rounded-xl border-2 border-amber-500 bg-amber-50 p-4 text-amber-950">
      <p className="font-semibold">{t("title")}</p>
      <p>
        {door.retryUntil !== null
          ? t.rich("tryAgain", {
              until: formatAt(door.retryUntil, time),
              door: door.slotLabel,
              site: siteName,
              em: (chunks) => <em>{chunks}</em>,
            })
          : t("askAdmin", { door: door.slotLabel, site: siteName })}
      </p>
    </div>
  );
}
