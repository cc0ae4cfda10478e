import type { SentMessage } from "@/lib/customer/parcels";
import { formatDateTime } from "@/lib/format";
import type { TimelineEntry } from "@/lib/parcels/timeline";

type Row = { key: string; at: number; text: string; tone: "done" | "message" | "warning" };

const MESSAGE_TEXT: Record<string, string> = {
  parcel_deposited: "your parcel is ready, with its pickup code",
  pickup_reminder: "reminder before the deadline",
  parcel_expired: "the pickup time is over",
  parcel_collected: "your parcel was collected",
  crunch_reminder: "a request to collect today, as the locker expects to be full",
};

/** What happened to a parcel, in the customer's words, oldest first. */
export function ParcelTimeline({
  entries,
  messages,
  siteName,
}: {
  entries: TimelineEntry[];
  messages: SentMessage[];
  siteName: string;
}) {
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
    const text = describe(entry, siteName, doorFailed);
    const warning = entry.kind === "expired" || entry.kind === "slot_fault" || entry.kind === "open_failed";
    if (text) rows.push({ key: entry.key, at: entry.at, text, tone: warning ? "warning" : "done" });
  }
  messages.forEach((message, i) => {
    if (closed && message.kind === "pickup_reminder") return;
    const what = MESSAGE_TEXT[message.kind] ?? "a message about your parcel";
    rows.push({
      key: `message-${i}`,
      at: message.sentAt,
      text: `${message.channel === "sms" ? "Text message" : "Email"} sent: ${what}`,
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
            <time dateTime={new Date(row.at).toISOString()}>{formatDateTime(row.at)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}

/** Null for the steps a customer has no use for (door commands around a courier's work). */
function describe(entry: TimelineEntry, siteName: string, doorFailed: boolean): string | null {
  const door = entry.slotLabel ? `door ${entry.slotLabel}` : "its door";
  if (entry.source === "door") return entry.kind === "open_failed" ? `The locker did not open ${door}` : null;
  switch (entry.kind) {
    case "announced":
      return "Announced by the carrier: on its way to the locker";
    case "reserved":
      return `The courier is putting it in ${door} at ${siteName}`;
    case "deposited":
      return `Deposited at ${siteName}, ${door}`;
    case "reassigned":
      return entry.previousSlotLabel ? `Moved from door ${entry.previousSlotLabel} to ${door}` : `Moved to ${door}`;
    case "slot_fault":
      return `A problem with ${door} was reported`;
    case "hold_extended":
      return entry.actor === "you" ? "You extended the pickup time by a day" : "Pickup time extended by a day";
    case "collected":
      if (doorFailed) return `Pickup code used at the locker's screen for ${door}`;
      return entry.actor === "kiosk" ? `Collected at the locker's screen, ${door}` : "Collected";
    case "door_opened":
      // After a failed open, the retry that opened it is when the parcel was really collected.
      return doorFailed ? `${door.charAt(0).toUpperCase()}${door.slice(1)} opened: collected` : null;
    case "expired":
      return "Pickup time over: waiting for the courier to take it back";
    case "returned":
      return "Taken back by the courier";
    case "cancelled":
      return entry.reason ? `Cancelled: ${entry.reason}` : "Cancelled";
    default:
      return null;
  }
}
