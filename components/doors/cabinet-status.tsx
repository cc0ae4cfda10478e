import Link from "next/link";
import type { CabinetAlarm } from "@/lib/fleet/alarms";
import type { CabinetPresence } from "@/lib/fleet/presence";
import { formatDateTime } from "@/lib/format";

/*
 * How each cabinet is connected and what its doors raised an alarm about, for the admin's
 * dashboard and site page and the courier's site page. Server components: the page's
 * request reads them, no polling.
 */

const ALARM_WORDS: Record<string, string> = {
  forced_open: "forced open (opened with no command)",
  left_open: "left open",
  tamper: "tamper alarm",
};

/** "Online", "Offline since …" or "Never connected", and when it was last heard. */
export function cabinetConnectionWords(cabinet: CabinetPresence, timeZone?: string): { label: string; detail: string } {
  const lastSeen = cabinet.lastSeenAt !== null ? `last seen ${formatDateTime(cabinet.lastSeenAt, timeZone)}` : "never heard from";
  switch (cabinet.connection) {
    case "online":
      return { label: "Online", detail: lastSeen };
    case "offline":
      return { label: "Offline", detail: `since ${formatDateTime(cabinet.offlineSince ?? cabinet.lastSeenAt ?? 0, timeZone)} · ${lastSeen}` };
    case "never":
      return { label: "Not connected", detail: "its agent has never connected" };
  }
}

function ConnectionBadge({ connection }: { connection: CabinetPresence["connection"] }) {
  const tone = connection === "online" ? "bg-green-100 text-green-900" : "bg-red-100 text-red-900";
  return <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${tone}`}>{connection === "online" ? "Online" : connection === "offline" ? "Offline" : "Not connected"}</span>;
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
  return (
    <ul className="flex flex-col divide-y divide-gray-100" aria-label={label}>
      {cabinets.map((cabinet) => {
        const words = cabinetConnectionWords(cabinet, timeZone);
        return (
          <li key={cabinet.lockerId} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
            <span className="flex items-baseline gap-2">
              <ConnectionBadge connection={cabinet.connection} />
              <span className="font-semibold">
                {siteNames && cabinet.siteName ? `${cabinet.siteName} · ` : ""}Locker {cabinet.lockerCode}
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
export function CabinetAlarmList({ alarms }: { alarms: CabinetAlarm[] }) {
  return (
    <ul className="flex flex-col divide-y divide-gray-100" aria-label="Door alarms">
      {alarms.map((alarm) => (
        <li key={alarm.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
          <Link href={`/admin/sites/${alarm.siteId}/slots/${alarm.slotId}`} className="font-semibold text-brand-700 underline">
            {alarm.siteName} · door {alarm.label}
          </Link>
          <span className="text-gray-700">
            {ALARM_WORDS[alarm.kind] ?? alarm.kind} · {formatDateTime(alarm.at)}
          </span>
        </li>
      ))}
    </ul>
  );
}
