import "server-only";
import type { DoorEventKind, DoorOpenPurpose } from "@/db/schema";
import { DROP_OFF_FAILED_REASON, HELD_DOOR_REASON } from "@/lib/doors/hold";
import { formatAt } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import { pickedReasonKey } from "@/lib/vocabulary/door-reasons";

/*
 * Timeline and trail rows as sentences in the reader's language (messages `history`).
 * Events store a kind and a JSON detail; the wording lives here, once, so the parcel
 * timeline, a door's history and the audit trail say the same thing the same way.
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

/** The reasons the software itself writes into a parcel's history and a door's fault (lib/parcels, lib/doors), by their message key. */
const SYSTEM_REASONS = {
  "reservation lapsed": "reservationLapsed",
  "slot fault": "slotFault",
  "did not fit": "didNotFit",
  [HELD_DOOR_REASON]: "heldAfterPickup",
  [DROP_OFF_FAILED_REASON]: "dropOffDidNotOpen",
} as const;

/**
 * A stored reason in the reader's language when the software wrote it or a courier picked it
 * on the door screen (lib/vocabulary/door-reasons.ts); a person's own words as written.
 */
export function reasonWords(locale: Locale, reason: unknown): string {
  const text = str(reason);
  const t = translator(locale);
  const system = Object.hasOwn(SYSTEM_REASONS, text) ? SYSTEM_REASONS[text as keyof typeof SYSTEM_REASONS] : null;
  if (system) return t(`history.reasons.${system}`);
  const picked = pickedReasonKey(text);
  return picked ? t(`courier.door.${picked}`) : text;
}

/** A parcel event as a sentence in `locale`; times in the network's default zone. */
export function describeParcelEvent(locale: Locale, kind: string, detail: Detail): string {
  const t = translator(locale);
  switch (kind) {
    case "announced":
      return t("history.parcel.announced");
    case "reserved":
      return detail.upsized
        ? t("history.parcel.reservedUpsized", { slot: str(detail.slot), size: str(detail.size), slotSize: str(detail.slotSize) })
        : t("history.parcel.reserved", { slot: str(detail.slot) });
    case "deposited":
      return t(detail.closedBy === "cabinet" ? "history.parcel.depositedByCabinet" : "history.parcel.deposited", { hours: str(detail.holdPeriodHours) });
    case "collected":
      return t("history.parcel.collected");
    case "expired":
      return t("history.parcel.expired");
    case "returned":
      return t(detail.confirmedBy === "cabinet" ? "history.parcel.returnedByCabinet" : "history.parcel.returnedByCourier");
    case "take_back_started":
      return t("history.parcel.takeBackStarted");
    case "door_opened":
      return t(detail.for === "take back" ? "history.parcel.doorOpenedTakeBack" : "history.parcel.doorOpenedPickup", { slot: str(detail.slot) });
    case "cancelled":
      if (detail.deliveredInPerson === true) return t("history.parcel.handedOver");
      return detail.reason ? t("history.parcel.cancelledBecause", { reason: reasonWords(locale, detail.reason) }) : t("history.parcel.cancelled");
    case "hold_extended":
      return t("history.parcel.holdExtended", {
        to: typeof detail.to === "number" ? formatAt(detail.to, { locale, timeZone: DEFAULT_TIME_ZONE }) : str(detail.to),
      });
    case "code_resent":
      return t("history.parcel.codeResent");
    case "code_replaced":
      return t("history.parcel.codeReplaced");
    case "slot_fault":
      return t("history.parcel.slotFault", { reason: reasonWords(locale, detail.reason) });
    case "reassigned":
      return t("history.parcel.reassigned", { slot: str(detail.slot), reason: reasonWords(locale, detail.reason) });
    case "incident_lost":
      return t("history.parcel.incidentLost", { note: str(detail.note) });
    case "incident_damaged":
      return t("history.parcel.incidentDamaged", { note: str(detail.note) });
    default:
      return t("history.parcel.other", { kind: kind.replaceAll("_", " ") });
  }
}

/** Why a drop-off went back to "waiting" or moved door, as lib/outbound writes it. */
const OUTBOUND_REASONS = {
  "door window lapsed": "doorWindowLapsed",
  did_not_open: "didNotOpen",
  "did not open": "didNotOpen",
  does_not_fit: "doesNotFit",
} as const;

function outboundReason(locale: Locale, reason: unknown): string {
  const text = str(reason);
  return Object.hasOwn(OUTBOUND_REASONS, text) ? translator(locale)(`history.outbound.reasons.${OUTBOUND_REASONS[text as keyof typeof OUTBOUND_REASONS]}`) : text;
}

/** An outbound parcel's event (decision 0013) as a sentence in `locale`. */
export function describeOutboundEvent(locale: Locale, kind: string, fromState: string | null, detail: Detail): string {
  const t = translator(locale);
  switch (kind) {
    case "created":
      if (fromState !== null) return t("history.outbound.backToWaiting", { reason: outboundReason(locale, detail.reason) });
      return detail.kind === "return"
        ? t("history.outbound.returnCreated", { order: str(detail.orderReference), size: str(detail.size) })
        : t("history.outbound.sendCreated", { size: str(detail.size) });
    case "dropping_off":
      return t("history.outbound.droppingOff");
    case "dropped_off":
      return t(detail.by === "cabinet" ? "history.outbound.droppedOffByCabinet" : "history.outbound.droppedOff");
    case "taken":
      return t("history.outbound.taken");
    case "cancelled":
      return t("history.outbound.cancelled");
    case "expired":
      return t("history.outbound.expired");
    case "waybill_attached":
      return t("history.outbound.waybillAttached", { waybill: str(detail.waybillNumber) });
    case "no_free_door":
      return t("history.outbound.noFreeDoor", { size: str(detail.size) });
    case "slot_fault":
      return t("history.outbound.slotFault", { reason: outboundReason(locale, detail.reason) });
    case "reassigned":
      return t("history.outbound.reassigned", { slot: str(detail.slot), reason: outboundReason(locale, detail.reason) });
    case "overdue_alert":
      return t("history.outbound.overdueAlert");
    default:
      return t("history.parcel.other", { kind: kind.replaceAll("_", " ") });
  }
}

/** Why an open did not happen, by the controller's error code (lib/cabinet/mqtt-door-controller.ts). */
const NOT_OPENED_BECAUSE = ["CABINET_OFFLINE", "DID_NOT_OPEN", "NO_ANSWER", "EXPIRED", "UNKNOWN_DOOR", "BROKER_UNREACHABLE"] as const;

function isNotOpenedCode(reason: string | null): reason is (typeof NOT_OPENED_BECAUSE)[number] {
  return (NOT_OPENED_BECAUSE as readonly (string | null)[]).includes(reason);
}

/**
 * A door-history row as a sentence in `locale`, from its kind and purpose (enums), never
 * from a stored string alone: `reason` is shown only as an admin's own words for a remote open.
 */
export function describeDoorEvent(locale: Locale, kind: DoorEventKind, purpose: DoorOpenPurpose | null, reason: string | null): string {
  const t = translator(locale);
  switch (kind) {
    case "closed":
    case "opened":
    case "forced_open":
    case "left_open":
    case "tamper":
    case "sensor_unknown":
      return t(`history.door.${kind}`);
    case "open_failed":
      return t("history.door.openFailed", { why: t(`history.notOpenedBecause.${isNotOpenedCode(reason) ? reason : "unknown"}`) });
    case "open_command": {
      const words = t(`history.openedFor.${purpose ?? "deposit"}`);
      return purpose === "remote" && reason ? t("history.door.withReason", { words, reason }) : words;
    }
  }
}

export function describeActor(locale: Locale, actorKind: string, name: string | null): string {
  const t = translator(locale);
  if (actorKind === "kiosk") return t("history.actor.kiosk");
  if (actorKind === "system") return t("history.actor.system");
  if (actorKind === "device") return t("history.actor.device");
  return name ?? t("history.actor.unknown");
}

/**
 * One row of an admin's history of a parcel or a shipment: its lifecycle events and its
 * doors' events, read together (lib/admin/parcel-detail.ts, lib/outbound/admin.ts).
 */
export type HistoryRow = {
  source: "parcel" | "door";
  id: number;
  at: number;
  kind: string;
  actorKind: string;
  actorName: string | null;
  slot: string | null;
  /** The event's detail (lifecycle) or the door's reason (doors). */
  detail: string | null;
  toState: string | null;
  purpose: DoorOpenPurpose | null;
};

/** A history row in words: a door's events worded here, the lifecycle's by `lifecycle`. */
export function historyEntry<R extends HistoryRow>(locale: Locale, row: R, lifecycle: (row: R) => string) {
  return {
    key: `${row.source}-${row.id}`,
    at: row.at,
    source: row.source,
    kind: row.kind,
    summary: row.source === "door" ? describeDoorEvent(locale, row.kind as DoorEventKind, row.purpose, row.detail) : lifecycle(row),
    actor: describeActor(locale, row.actorKind, row.actorName),
    slot: row.slot,
    toState: row.toState as R["toState"],
  };
}
