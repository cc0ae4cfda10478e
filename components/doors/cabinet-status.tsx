import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import type { CabinetAlarm } from "@/lib/fleet/alarms";
import type { CabinetPresence } from "@/lib/fleet/presence";
import { formatAt } from "@/lib/format";
import { isLocale, DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { DEFAULT_TIME_ZONE } from "@/lib/time";

/*
 * How each cabinet is connected and what its doors raised an alarm about, for the admin's
 * dashboard and site page and the courier's site page. Server components: the page's
 * request reads them, no polling. Words from `doors`, times in the site's zone (the
 * installation's where the caller gives none).
 */

type DoorsT = ReturnType<typeof useTranslations<"doors">>;

/** "Online", "Offline since …" or "Not connected", and when it was last heard. */
export function cabinetConnectionWords(
  cabinet: CabinetPresence,
  t: DoorsT,
  { locale, timeZone = DEFAULT_TIME_ZONE }: { locale: Locale; timeZone?: string },
): { label: string; detail: string } {
  const at = (ms: number) => formatAt(ms, { locale, timeZone });
  const lastSeen = cabinet.lastSeenAt !== null ? t("lastSeen", { at: at(cabinet.lastSeenAt) }) : t("neverHeard");
  switch (cabinet.connection) {
    case "online":
      return { label: t("online"), detail: lastSeen };
    case "offline":
      return { label: t("offline"), detail: t("offlineSince", { at: at(cabinet.offlineSince ?? cabinet.lastSeenAt ?? 0), lastSeen }) };
    case "never":
      return { label: t("never"), detail: t("neverConnected") };
  }
}

/** This request's language as one of ours (next-intl's useLocale is typed as any string). */
export function useDoorsLocale(): Locale {
  const locale = useLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

function ConnectionBadge({ connection }: { connection: CabinetPresence["connection"] }) {
  const t = useTranslations("doors");
  const tone = connection === "online" ? "bg-green-100 text-green-900" : "bg-red-100 text-red-900";
  return <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${tone}`}>{t(connection)}</span>;
}

/** One line per cabinet; `siteNames` adds the site before the locker (the dashboard's list). */
export function CabinetList({
  cabinets,
  label,
  siteNames,
  timeZone,
}: {
  cabinets: (CabinetPresence & { siteName?: string })[];
  label: string;
  siteNames?: boolean;
  timeZone?: string;
}) {
  const t = useTranslations("doors");
  const locale = useDoorsLocale();
  return (
    <ul className="flex flex-col divide-y divide-gray-100" aria-label={label}>
      {cabinets.map((cabinet) => {
        const words = cabinetConnectionWords(cabinet, t, { locale, timeZone });
        return (
          <li key={cabinet.lockerId} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
            <span className="flex items-baseline gap-2">
              <ConnectionBadge connection={cabinet.connection} />
              <span className="font-semibold">
                {siteNames && cabinet.siteName
                  ? t("siteLocker", { site: cabinet.siteName, locker: cabinet.lockerCode })
                  : t("locker", { locker: cabinet.lockerCode })}
              </span>
              <span className="font-mono text-xs text-gray-600">{cabinet.controllerId}</span>
            </span>
            <span className="text-gray-700">
              {words.label} · {words.detail}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** The dashboard's alarms list: each door links to its page, whose history has the rest. */
export function CabinetAlarmList({ alarms, timeZone = DEFAULT_TIME_ZONE }: { alarms: CabinetAlarm[]; timeZone?: string }) {
  const t = useTranslations("doors");
  const locale = useDoorsLocale();
  return (
    <ul className="flex flex-col divide-y divide-gray-100" aria-label={t("alarms")}>
      {alarms.map((alarm) => (
        <li key={alarm.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
          <Link href={`/admin/sites/${alarm.siteId}/slots/${alarm.slotId}`} className="font-semibold text-brand-700 underline">
            {t("alarmDoor", { site: alarm.siteName, door: alarm.label })}
          </Link>
          <span className="text-gray-700">
            {t("alarm", { kind: alarm.kind })} · {formatAt(alarm.at, { locale, timeZone })}
          </span>
        </li>
      ))}
    </ul>
  );
}
