import { formatDateTime } from "@/lib/format";
import type { TimelineActor, TimelineEntry } from "@/lib/parcels/timeline";

const BY: Record<TimelineActor, string> = {
  you: "you",
  courier: "the courier",
  admin: "an admin",
  customer: "the recipient",
  kiosk: "the kiosk",
  system: "the system",
  device: "the locker",
};

/** One line of the timeline, in words a person reads. */
function describeEntry(entry: TimelineEntry): string {
  const door = entry.slotLabel ? `door ${entry.slotLabel}` : "a door";
  switch (entry.kind) {
    case "announced":
      return "Announced by the carrier";
    case "reserved":
      return `Given ${door}${entry.upsized ? " (a larger door: none of its size was free)" : ""}`;
    case "slot_fault":
      return `${capitalize(door)} reported${entry.reason ? `: ${entry.reason}` : ""}`;
    case "reassigned":
      return entry.reason === "did not fit"
        ? `Did not fit door ${entry.previousSlotLabel ?? "?"}: moved to ${door}${entry.size ? `, size ${entry.size}` : ""}`
        : `Moved from door ${entry.previousSlotLabel ?? "?"} to ${door}${entry.upsized ? " (a larger door)" : ""}`;
    case "open_command":
      return `${capitalize(door)} opened${openedFor(entry)}`;
    case "open_failed":
      return `${capitalize(door)} did not open`;
    case "closed":
      return `${capitalize(door)} closed`;
    case "deposited":
      return "Deposited; pickup code sent to the recipient";
    case "hold_extended":
      return "Pickup time extended by the recipient";
    case "expired":
      return "Pickup time over; waiting to be taken back";
    case "take_back_started":
      return "Take-back started: door opened, parcel not yet confirmed out";
    case "door_opened":
      return `The locker confirmed ${door} opened`;
    case "returned":
      return "Taken back: confirmed out of the door";
    case "collected":
      return "Collected";
    case "cancelled":
      return `Cancelled${entry.reason ? `: ${entry.reason}` : ""}`;
    default:
      return capitalize(entry.kind.replaceAll("_", " "));
  }
}

/** Why the door was opened, where the courier's own deposit ("opened") does not say it already. */
function openedFor(entry: TimelineEntry): string {
  switch (entry.purpose) {
    case "take_back":
      return " (take back)";
    case "pickup_retry":
      return " (tried again for the pickup)";
    case "take_back_retry":
      return " (tried again to take it back)";
    case "remote":
      return entry.reason ? ` (remotely by an admin: ${entry.reason})` : " (remotely by an admin)";
    default:
      return "";
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A parcel's history, oldest first: each change, each door opened or closed, and by whom. */
export function ParcelTimeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p className="text-gray-700">No history yet.</p>;
  return (
    <ol aria-label="Timeline" className="flex flex-col">
      {entries.map((entry, i) => (
        <li key={entry.key} className="relative flex gap-3 pb-4">
          <span aria-hidden className="flex flex-col items-center">
            <span className={`mt-1.5 h-3 w-3 rounded-full ${entry.source === "door" ? "bg-gray-400" : "bg-brand-600"}`} />
            {i < entries.length - 1 ? <span className="w-0.5 flex-1 bg-gray-200" /> : null}
          </span>
          <div className="flex flex-col">
            <span className={entry.source === "door" ? "text-gray-800" : "font-semibold"}>{describeEntry(entry)}</span>
            <span className="text-sm text-gray-600">
              {formatDateTime(entry.at)} · by {BY[entry.actor]}
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
}
