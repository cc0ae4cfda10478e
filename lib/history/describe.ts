import "server-only";
import type { DoorEventKind, DoorOpenPurpose } from "@/db/schema";
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
      return `Deposited; hold period ${str(detail.holdPeriodHours)} h${detail.closedBy === "cabinet" ? " (the locker reported the door closed)" : ""}`;
    case "collected":
      return "Collected at the kiosk";
    case "expired":
      return "Pickup time over; waiting for the courier to take it back";
    case "returned":
      return detail.confirmedBy === "cabinet"
        ? "Taken back: the locker reported the door closed after the take-back"
        : "Taken back: the courier confirmed the parcel is out of its door";
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

const OPENED_FOR: Record<DoorOpenPurpose, string> = {
  deposit: "Door opened for deposit",
  pickup: "Door opened at the kiosk for pickup",
  take_back: "Door opened to take the parcel back",
  pickup_retry: "Door tried again for the customer's pickup",
  take_back_retry: "Door tried again to take the parcel back",
  remote: "Door opened remotely",
  drop_off: "Door opened at the kiosk for a drop-off",
  outbound_pickup: "Door opened for the carrier to take an outbound parcel",
};

/** Why an open did not happen, by the controller's error code (lib/cabinet/mqtt-door-controller.ts). */
const NOT_OPENED_BECAUSE: Record<string, string> = {
  CABINET_OFFLINE: "the cabinet is offline",
  DID_NOT_OPEN: "the cabinet read it back shut (jammed?)",
  NO_ANSWER: "the cabinet did not answer in time",
  EXPIRED: "the command reached the cabinet too late and was not run",
  UNKNOWN_DOOR: "the cabinet has no such door",
  BROKER_UNREACHABLE: "the server could not reach the cabinets' broker",
};

/**
 * A door-history row as a sentence, from its kind and purpose (enums), never from a
 * stored string alone: `reason` is shown only as an admin's own words for a remote open.
 */
export function describeDoorEvent(kind: DoorEventKind, purpose: DoorOpenPurpose | null, reason: string | null): string {
  switch (kind) {
    case "closed":
      return "Door closed";
    case "opened":
      return "Door open (the locker read it back)";
    case "forced_open":
      return "Door forced open: it opened with no command";
    case "left_open":
      return "Door left open";
    case "tamper":
      return "Cabinet tamper alarm";
    case "sensor_unknown":
      return "Door sensor stopped reporting";
    case "open_failed":
      return `Door did not open: ${(reason && NOT_OPENED_BECAUSE[reason]) ?? "the controller did not answer"}`;
    case "open_command": {
      const words = OPENED_FOR[purpose ?? "deposit"];
      return purpose === "remote" && reason ? `${words}: ${reason}` : words;
    }
  }
}

export function describeActor(actorKind: string, name: string | null): string {
  if (actorKind === "kiosk") return "Kiosk";
  if (actorKind === "system") return "System";
  if (actorKind === "device") return "Locker controller";
  return name ?? "Unknown user";
}
