import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { doorEvents, parcelEvents, slots, users, type DoorOpenPurpose, type ParcelState, type Role, type SlotSize } from "@/db/schema";
import { SIZES } from "@/lib/slots/sizes";
import type { Ctx } from "@/lib/context";
import { loadVisibleParcel } from "./access";
import { toParcelView, type ParcelView } from "./view";

export type TimelineActor = "you" | Role | "kiosk" | "system" | "device";

export type TimelineEntry = {
  /** Unique within one timeline, for list keys. */
  key: string;
  at: number;
  /** A parcel event (a state change or a door change of the parcel) or a door command. */
  source: "parcel" | "door";
  /** Parcel events: reserved, deposited, slot_fault, reassigned, …; door events: open_command, closed. */
  kind: string;
  fromState: ParcelState | null;
  toState: ParcelState | null;
  slotLabel: string | null;
  /** The door a reassignment moved the parcel away from. */
  previousSlotLabel: string | null;
  /** A door report's or a cancellation's reason, an admin's words for a remote open, or a failed open's error code. */
  reason: string | null;
  /** Why the software opened the door (door commands only). */
  purpose: DoorOpenPurpose | null;
  /** The size the parcel was declared at by this event (a reservation or a reassignment). */
  size: SlotSize | null;
  upsized: boolean;
  /** A cancellation because the courier handed the parcel to its recipient in person. */
  inPerson: boolean;
  actor: TimelineActor;
};

export type ParcelTimeline = { parcel: ParcelView; entries: TimelineEntry[] };

/**
 * A parcel's timeline: its lifecycle events and the door commands made for it, oldest
 * first. Anyone who may see the parcel (loadVisibleParcel: a courier of its carrier at its
 * site, an admin of its organization, the customer it is addressed to); NOT_FOUND for
 * everyone else. Event details are reduced to what a person reads — reasons, doors and
 * upsizing — never codes.
 */
export function parcelTimeline(ctx: Ctx, parcelId: number): ParcelTimeline {
  const parcel = loadVisibleParcel(ctx, parcelId);
  const viewerId = ctx.actor.kind === "user" ? ctx.actor.userId : null;

  const parcelRows = ctx.db
    .select({ event: parcelEvents, role: users.role, slotLabel: slots.label })
    .from(parcelEvents)
    .leftJoin(users, eq(users.id, parcelEvents.actorUserId))
    .leftJoin(slots, eq(slots.id, parcelEvents.slotId))
    .where(eq(parcelEvents.parcelId, parcel.id))
    .orderBy(asc(parcelEvents.at), asc(parcelEvents.id))
    .all();
  const doorRows = ctx.db
    .select({ event: doorEvents, role: users.role, slotLabel: slots.label })
    .from(doorEvents)
    .leftJoin(users, eq(users.id, doorEvents.actorUserId))
    .innerJoin(slots, eq(slots.id, doorEvents.slotId))
    .where(eq(doorEvents.parcelId, parcel.id))
    .orderBy(asc(doorEvents.at), asc(doorEvents.id))
    .all();

  const details = parcelRows.map(({ event }) => parseDetail(event.detail));
  const previousSlotIds = details.map((d) => d.fromSlotId).filter((id): id is number => id !== null);
  const previousLabels = new Map(
    previousSlotIds.length === 0
      ? []
      : ctx.db
          .select({ id: slots.id, label: slots.label })
          .from(slots)
          .where(inArray(slots.id, previousSlotIds))
          .all()
          .map((slot) => [slot.id, slot.label] as const),
  );

  const actor = (kind: string, userId: number | null, role: Role | null): TimelineActor => {
    if (userId !== null && userId === viewerId) return "you";
    if (kind === "user" && role) return role;
    return kind === "kiosk" || kind === "device" ? kind : "system";
  };

  const entries: (TimelineEntry & { phase: number; id: number })[] = [
    ...parcelRows.map(({ event, role, slotLabel }, i) => ({
      key: `parcel-${event.id}`,
      id: event.id,
      phase: PHASE[event.kind] ?? DEFAULT_PHASE,
      at: event.at,
      source: "parcel" as const,
      kind: event.kind,
      fromState: event.fromState,
      toState: event.toState,
      slotLabel,
      previousSlotLabel: details[i].fromSlotId === null ? null : (previousLabels.get(details[i].fromSlotId!) ?? null),
      reason: details[i].reason,
      purpose: null,
      size: details[i].size,
      upsized: details[i].upsized,
      inPerson: details[i].inPerson,
      actor: actor(event.actorKind, event.actorUserId, role),
    })),
    ...doorRows.map(({ event, role, slotLabel }) => ({
      key: `door-${event.id}`,
      id: event.id,
      phase: PHASE[event.kind === "closed" ? "door_closed" : "door_command"],
      at: event.at,
      source: "door" as const,
      kind: event.kind,
      fromState: null,
      toState: null,
      slotLabel,
      previousSlotLabel: null,
      reason: event.reason,
      purpose: event.purpose,
      size: null,
      upsized: false,
      inPerson: false,
      actor: actor(event.actorKind, event.actorUserId, role),
    })),
  ];
  entries.sort((a, b) => a.at - b.at || a.phase - b.phase || a.id - b.id);
  return { parcel: toParcelView(ctx, parcel), entries: entries.map(({ phase: _phase, id: _id, ...entry }) => entry) };
}

/*
 * A verb writes its parcel and door events in one transaction, so they share a clock tick
 * and only their order in the verb tells them apart — and the two tables number their rows
 * separately. Within a tick, events follow the order the verbs write them: a door is chosen
 * then commanded open (reserve, reassign), collected then commanded open (kiosk), closed
 * then counted as deposited. The controller's answer (door_opened, its own later commit)
 * follows the command; a take-back's start goes with its command, its return after.
 */
const PHASE: Record<string, number> = {
  announced: 0,
  expired: 0,
  reserved: 1,
  slot_fault: 2,
  reassigned: 3,
  collected: 3,
  door_command: 4,
  take_back_started: 4,
  door_opened: 4.5,
  returned: 5,
  door_closed: 6,
  deposited: 7,
  cancelled: 8,
};
const DEFAULT_PHASE = 3;

type Detail = { reason: string | null; fromSlotId: number | null; size: SlotSize | null; upsized: boolean; inPerson: boolean };

function parseDetail(raw: string | null): Detail {
  let value: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === "object") value = parsed as Record<string, unknown>;
  } catch {
    // A detail that is not JSON carries nothing a person needs; the event itself still shows.
  }
  return {
    reason: typeof value.reason === "string" ? value.reason : null,
    fromSlotId: typeof value.fromSlotId === "number" ? value.fromSlotId : null,
    size: SIZES.find((size) => size === value.size) ?? null,
    upsized: value.upsized === true,
    inPerson: value.deliveredInPerson === true,
  };
}

/** One parcel for anyone who may see it (as parcelTimeline), without its events. */
export function viewParcel(ctx: Ctx, parcelId: number): ParcelView {
  return toParcelView(ctx, loadVisibleParcel(ctx, parcelId));
}
