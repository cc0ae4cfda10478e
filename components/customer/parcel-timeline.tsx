import { useTranslations } from "next-intl";
import type { SentMessage } from "@/lib/customer/parcels";
import { formatAt, type TimeFormat } from "@/lib/format";
import type { TimelineEntry } from "@/lib/parcels/timeline";

type Row = { key: string; at: number; text: string; tone: "done" | "message" | "warning" };
type Translate = ReturnType<typeof useTranslations<"customer.timeline">>;

const MESSAGE_KINDS = ["parcel_deposited", "pickup_reminder", "parcel_expired", "parcel_collected", "crunch_reminder", "consent_request", "trusted_pickup_code"] as const;

/** What happened to a parcel, in the customer's words, oldest first; times in the site's zone. */
export function ParcelTimeline({
  entries,
  messages,
  siteName,
  time,
}: {
  entries: TimelineEntry[];
  messages: SentMessage[];
  siteName: string;
  time: TimeFormat;
}) {
  const t = useTranslations("customer.timeline");
  const rows: Row[] = [];
  // A door that did not open changes what "collected" meant at that moment: only the code was used.
  const collectedAt = entries.find((entry) => entry.kind === "collected")?.at ?? null;
  const failedAtPickup = (entry: TimelineEntry) =>
    entry.source === "door" && entry.kind === "open_failed" && collectedAt !== null && entry.at >= collectedAt;
  const doorFailed = entries.some(failedAtPickup);
  // Steps that no longer matter once the story has moved on: the courier "putting it in"
  // once it is in, and a reminder of a deadline once the parcel is out of the locker.
  const deposited = entries.some((entry) => entry.source !== "door" && entry.kind === "deposited");
  const closed = entries.some((entry) => entry.source !== "door" && ["collected", "returned", "cancelled"].includes(entry.kind));
  for (const entry of entries) {
    if (entry.source === "door" && !failedAtPickup(entry)) continue;
    if (deposited && entry.source !== "door" && entry.kind === "reserved") continue;
    const text = describe(t, entry, siteName, doorFailed);
    const warning = entry.kind === "expired" || entry.kind === "slot_fault" || entry.kind === "open_failed";
    if (text) rows.push({ key: entry.key, at: entry.at, text, tone: warning ? "warning" : "done" });
  }
  messages.forEach((message, i) => {
    if (closed && message.kind === "pickup_reminder") return;
    const kind = MESSAGE_KINDS.find((known) => known === message.kind);
    const what = kind ? t(`messageKinds.${kind}`) : t("messageKinds.other");
    rows.push({
      key: `message-${i}`,
      at: message.sentAt,
      text: t(message.channel === "sms" ? "smsSent" : "emailSent", { what }),
      tone: "message",
    });
  });
  rows.sort((a, b) => a.at - b.at);

  return (
    <ol className="relative flex flex-col gap-4 border-l-2 border-gray-200 pl-5">
      {rows.map((row) => (
        <li key={row.key} className="relative">
          <span
            aria-hidden
            className={`absolute -left-[1.72rem] top-1 h-3.5 w-3.5 rounded-full ring-4 ring-white ${
              row.tone === "warning" ? "bg-red-600" : row.tone === "message" ? "bg-sky-600" : "bg-brand-600"
            }`}
          />
          <p className="font-medium">{row.text}</p>
          <p className="text-sm text-gray-700">
            <time dateTime={new Date(row.at).toISOString()}>{formatAt(row.at, time)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}

/** Null for the steps a customer has no use for (door commands around a courier's work). */
function describe(t: Translate, entry: TimelineEntry, siteName: string, doorFailed: boolean): string | null {
  const door = entry.slotLabel ? t("doorNamed", { door: entry.slotLabel }) : t("doorUnnamed");
  if (entry.source === "door") return entry.kind === "open_failed" ? t("openFailed", { door }) : null;
  switch (entry.kind) {
    case "announced":
      return t("announced");
    case "reserved":
      return t("reserved", { door, site: siteName });
    case "deposited":
      return t("deposited", { door, site: siteName });
    case "reassigned":
      return entry.previousSlotLabel ? t("movedFrom", { from: entry.previousSlotLabel, door }) : t("moved", { door });
    case "slot_fault":
      return t("slotFault", { door });
    case "hold_extended":
      return entry.actor === "you" ? t("extendedByYou") : t("extended");
    case "code_resent":
      return t("codeResent");
    case "code_replaced":
      return t("codeReplaced");
    case "collected":
      if (doorFailed) return t("codeUsed", { door });
      return entry.actor === "kiosk" ? t("collectedAtKiosk", { door }) : t("collected");
    case "door_opened":
      // After a failed open, the retry that opened it is when the parcel was really collected.
      if (!doorFailed) return null;
      return entry.slotLabel ? t("doorOpenedNamed", { door: entry.slotLabel }) : t("doorOpenedUnnamed");
    case "expired":
      return t("expired");
    case "returned":
      return t("returned");
    case "cancelled":
      if (entry.inPerson) return t("handedOver");
      return entry.reason ? t("cancelledBecause", { reason: entry.reason }) : t("cancelled");
    default:
      return null;
  }
}
