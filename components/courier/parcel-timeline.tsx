import { getTranslations } from "next-intl/server";
import { formatAt, type TimeFormat } from "@/lib/format";
import type { TimelineEntry } from "@/lib/parcels/timeline";
import { pickedReasonKey } from "./door-reasons";

type Translate = Awaited<ReturnType<typeof getTranslations<"courier">>>;

/** The reasons the system itself writes into a parcel's history (lib/parcels), in the reader's words. */
const SYSTEM_REASONS = {
  "reservation lapsed": "timeline.reasons.reservationLapsed",
  "slot fault": "timeline.reasons.slotFault",
  "did not fit": "timeline.reasons.didNotFit",
} as const;

/** A stored reason in the reader's language when it is one the software or the door screen offers; a person's own words as written. */
function reasonWords(t: Translate, reason: string): string {
  const picked = pickedReasonKey(reason);
  if (picked) return t(`door.${picked}`);
  const system = SYSTEM_REASONS[reason as keyof typeof SYSTEM_REASONS];
  return system ? t(system) : reason;
}

/** One line of the timeline, in words a person reads. */
function describeEntry(t: Translate, entry: TimelineEntry): string {
  const door = entry.slotLabel ? t("timeline.doorNamed", { door: entry.slotLabel }) : t("timeline.someDoor");
  const upsized = entry.upsized ? "yes" : "no";
  const from = entry.previousSlotLabel ?? "?";
  const reason = entry.reason ? reasonWords(t, entry.reason) : null;
  switch (entry.kind) {
    case "announced":
      return t("timeline.announced");
    case "reserved":
      return t("timeline.reserved", { door, upsized });
    case "slot_fault":
      return capitalize(reason ? t("timeline.slotFaultBecause", { door, reason }) : t("timeline.slotFault", { door }));
    case "reassigned":
      if (entry.reason === "did not fit") {
        return entry.size ? t("timeline.didNotFitSize", { from, door, size: entry.size }) : t("timeline.didNotFit", { from, door });
      }
      return t("timeline.moved", { from, door, upsized });
    case "open_command":
      return capitalize(
        entry.purpose === "remote" && reason
          ? t("timeline.openedRemotely", { door, reason })
          : t("timeline.opened", { door, purpose: entry.purpose ?? "deposit" }),
      );
    case "open_failed":
      return capitalize(t("timeline.openFailed", { door }));
    case "closed":
      return capitalize(t("timeline.closed", { door }));
    case "deposited":
      return t("timeline.deposited");
    case "hold_extended":
      return t("timeline.holdExtended");
    case "code_resent":
      return t("timeline.codeResent");
    case "code_replaced":
      return t("timeline.codeReplaced");
    case "expired":
      return t("timeline.expired");
    case "take_back_started":
      return t("timeline.takeBackStarted");
    case "door_opened":
      return t("timeline.doorOpened", { door });
    case "returned":
      return t("timeline.returned");
    case "collected":
      return t("timeline.collected");
    case "cancelled":
      if (entry.inPerson) return t("timeline.handedOver");
      return reason ? t("timeline.cancelledBecause", { reason }) : t("timeline.cancelled");
    default:
      // A kind this screen does not know yet: its code name beats a blank line.
      return capitalize(entry.kind.replaceAll("_", " "));
  }
}

/** "door A-10 closed" starts an English line; Chinese has no capitals, so this changes nothing there. */
function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A parcel's history, oldest first: each change, each door opened or closed, and by whom; times on the site's clock. */
export async function ParcelTimeline({ entries, time }: { entries: TimelineEntry[]; time: TimeFormat }) {
  const t = await getTranslations("courier");
  if (entries.length === 0) return <p className="text-gray-700">{t("timeline.empty")}</p>;
  return (
    <ol aria-label={t("timeline.label")} className="flex flex-col">
      {entries.map((entry, i) => (
        <li key={entry.key} className="relative flex gap-3 pb-4">
          <span aria-hidden className="flex flex-col items-center">
            <span className={`mt-1.5 h-3 w-3 rounded-full ${entry.source === "door" ? "bg-gray-400" : "bg-brand-600"}`} />
            {i < entries.length - 1 ? <span className="w-0.5 flex-1 bg-gray-200" /> : null}
          </span>
          <div className="flex flex-col">
            <span className={entry.source === "door" ? "text-gray-800" : "font-semibold"}>{describeEntry(t, entry)}</span>
            <span className="text-sm text-gray-600">{t("timeline.when", { at: formatAt(entry.at, time), actor: entry.actor })}</span>
          </div>
        </li>
      ))}
    </ol>
  );
}
