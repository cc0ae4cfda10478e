import "server-only";
import type { DoorEventKind } from "@/db/schema";
import { formatDateTime } from "@/lib/format";

/*
 * Timeline and trail rows as sentences. Events store a kind and a JSON detail; the
 * wording lives here, once, so the parcel timeline, a door's history and the audit trail
 * say the same thing the same way.
 */

type Detail = Record<string, unknown>;

export function parseDetail(detail: string | null): Detail {
  if (!detail) return {};
  try {
    const value: unknown = JSON.parse(detail);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Detail) : {};
  } catch {
    return {};
  }
}

const str = (value: unknown): string => (typeof value === "string" ? value : value == null ? "" : String(value));
const when = (value: unknown): string => (typeof value === "number" ? formatDateTime(value) : str(value));

export function describeParcelEvent(kind: string, detail: Detail): string {
  switch (kind) {
    case "announced":
      return "Announced by the carrier";
    case "reserved":
      return `Door ${str(detail.slot)} assigned${detail.upsized ? ` (upsized from ${str(detail.size)} to ${str(detail.slotSize)})` : ""}`;
    case "deposited":
      return `Deposited; hold period ${str(detail.holdPeriodHours)} h`;
    case "collected":
      return "Collected at the kiosk";
    case "expired":
      return "Pickup time over; waiting for the courier to take it back";
    case "returned":
      return "Taken back: the courier confirmed the parcel is out of its door";
    case "take_back_started":
      return "Door opened to take the parcel back (not yet confirmed out)";
    case "door_opened":
      return detail.for === "take back"
        ? `Door ${str(detail.slot)} opened for the take-back (the locker confirmed)`
        : `Door ${str(detail.slot)} opened for the pickup (the locker confirmed)`;
    case "cancelled":
      return detail.reason ? `Cancelled: ${str(detail.reason)}` : "Cancelled";
    case "hold_extended":
      return `Pickup time extended to ${when(detail.to)}`;
    case "slot_fault":
      return `Door reported faulty: ${str(detail.reason)}`;
    case "reassigned":
      return `Moved to door ${str(detail.slot)} (${str(detail.reason)})`;
    case "incident_lost":
      return `Marked lost: ${str(detail.note)}`;
    case "incident_damaged":
      return `Marked damaged: ${str(detail.note)}`;
    default:
      return kind.replaceAll("_", " ");
  }
}

export function describeDoorEvent(kind: DoorEventKind, actorKind: string, reason: string | null): string {
  if (kind === "closed") return "Door closed";
  if (kind === "open_failed") return "Door did not open: the controller did not answer";
  // The reasons the software writes itself (take-back, lib/parcels/retry-door.ts's retries);
  // anything else is an admin's own words for a remote open.
  if (reason === "take back") return "Door opened to take the parcel back";
  if (reason === "take back retry") return "Door tried again to take the parcel back";
  if (reason === "pickup retry") return "Door tried again for the customer's pickup";
  if (actorKind === "kiosk") return "Door opened at the kiosk for pickup";
  if (reason) return `Door opened remotely: ${reason}`;
  return "Door opened for deposit";
}

export function describeActor(actorKind: string, name: string | null): string {
  if (actorKind === "kiosk") return "Kiosk";
  if (actorKind === "system") return "System";
  if (actorKind === "device") return "Locker controller";
  return name ?? "Unknown user";
}
