import "server-only";
import type { DoorEventKind, DoorOpenPurpose } from "@/db/schema";
import { eq, sql } from "drizzle-orm";
import { LIVE_STATES_IN, slots, type ParcelState } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import type { Locale } from "@/lib/i18n/locales";
import { describeActor, describeDoorEvent, describeParcelEvent, parseDetail } from "@/lib/history/describe";
import { describeAuditAction } from "@/lib/audit/describe";
import type { AuditAction } from "@/lib/audit/record";
import { idOrNotFound, loadOrganizationSlot, type SlotRow } from "@/lib/auth/organization-scope";
import { isTriggerRefusal } from "@/db/sqlite-errors";
import { recordAudit } from "@/lib/audit/record";
import { requireAdmin, type AdminActor } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { loadDoor, recordOpenCommand, sendOpen } from "@/lib/doors/open";
import { DomainError } from "@/lib/errors";
import { doorState, holdsParcels, type DoorFacts } from "./door-state";
import { SlotReasonInput, SlotRef } from "./schemas";
import { parseInput } from "@/lib/validation";

/*
 * An admin's doors: out of service and back, opened remotely, removed for good. Every
 * verb loads the door through the admin's organization (another's is NOT_FOUND) and
 * writes its audit row in the same transaction as the change.
 */

type LiveParcel = { id: number; trackingNumber: string; state: ParcelState };

function liveParcelIn(ctx: Ctx, slotId: number): LiveParcel | undefined {
  return ctx.db.get<LiveParcel>(sql`
    select id, tracking_number as trackingNumber, state from parcels where slot_id = ${slotId} and state in ${LIVE_STATES_IN}`);
}

export type SlotChange = { id: number; siteId: number; label: string; inService: boolean; retired: boolean; holdsParcel: boolean };

function loadChangeable(ctx: Ctx, admin: AdminActor, slotId: number) {
  const found = loadOrganizationSlot(ctx, admin, slotId);
  if (found.slot.retiredAt !== null) throw new DomainError("CONFLICT", "doorRemoved", { params: { door: found.slot.label } });
  return found;
}

function toChange(ctx: Ctx, slot: SlotRow): SlotChange {
  return {
    id: slot.id,
    siteId: slot.siteId,
    label: slot.label,
    inService: slot.inService,
    retired: slot.retiredAt !== null,
    holdsParcel: liveParcelIn(ctx, slot.id) !== undefined,
  };
}

/**
 * Takes a door out of service with a reason: assignment never picks it again until it is
 * back. A parcel already behind it stays collectable. Admins of the door's organization.
 * Raises INVALID, NOT_FOUND and CONFLICT (already out of service, or removed).
 */
export function setSlotOutOfService(ctx: Ctx, raw: unknown): SlotChange {
  const admin = requireAdmin(ctx);
  const input = parseInput(SlotReasonInput, raw);
  return writeTransaction(ctx.db, () => {
    const { slot, locker, site } = loadChangeable(ctx, admin, input.slotId);
    if (!slot.inService) throw new DomainError("CONFLICT", "doorAlreadyOutOfService", { params: { door: slot.label, reason: slot.outOfServiceReason ?? "" } });
    const updated = ctx.db
      .update(slots)
      .set({ inService: false, outOfServiceReason: input.reason })
      .where(eq(slots.id, slot.id))
      .returning()
      .get();
    recordAudit(ctx, admin, {
      action: "slot.out_of_service",
      subject: `slot:${slot.id}`,
      siteId: site.id,
      detail: { site: site.name, locker: locker.code, slot: slot.label, reason: input.reason },
    });
    return toChange(ctx, updated);
  });
}

/**
 * Puts a repaired door back in service. Admins of the door's organization. Raises
 * NOT_FOUND and CONFLICT (already in service, or removed).
 */
export function returnSlotToService(ctx: Ctx, raw: unknown): SlotChange {
  const admin = requireAdmin(ctx);
  const input = parseInput(SlotRef, raw);
  return writeTransaction(ctx.db, () => {
    const { slot, locker, site } = loadChangeable(ctx, admin, input.slotId);
    if (slot.inService) throw new DomainError("CONFLICT", "doorAlreadyInService", { params: { door: slot.label } });
    const updated = ctx.db
      .update(slots)
      .set({ inService: true, outOfServiceReason: null })
      .where(eq(slots.id, slot.id))
      .returning()
      .get();
    recordAudit(ctx, admin, {
      action: "slot.in_service",
      subject: `slot:${slot.id}`,
      siteId: site.id,
      detail: { site: site.name, locker: locker.code, slot: slot.label, previousReason: slot.outOfServiceReason },
    });
    return toChange(ctx, updated);
  });
}

/**
 * Removes one door for good (welded shut, replaced by a screen). Its history stays, so it
 * is retired rather than deleted: out of service for ever and no longer counted. Refused
 * while it holds a live parcel — by this verb and by a trigger. Admins of the door's
 * organization. Raises INVALID, NOT_FOUND and CONFLICT.
 */
export function retireSlot(ctx: Ctx, raw: unknown): SlotChange {
  const admin = requireAdmin(ctx);
  const input = parseInput(SlotReasonInput, raw);
  try {
    return writeTransaction(ctx.db, () => {
      const { slot, locker, site } = loadChangeable(ctx, admin, input.slotId);
      if (liveParcelIn(ctx, slot.id)) throw holdsParcels("doorHoldsParcel", { door: slot.label });
      const updated = ctx.db
        .update(slots)
        .set({ retiredAt: ctx.now(), inService: false, outOfServiceReason: input.reason })
        .where(eq(slots.id, slot.id))
        .returning()
        .get();
      recordAudit(ctx, admin, {
        action: "slot.retired",
        subject: `slot:${slot.id}`,
        siteId: site.id,
        detail: { site: site.name, locker: locker.code, slot: slot.label, reason: input.reason },
      });
      return toChange(ctx, updated);
    });
  } catch (error) {
    if (isTriggerRefusal(error, "live parcel")) throw holdsParcels("thisDoorHoldsParcel");
    throw error;
  }
}

export type RemoteOpenResult = { slotId: number; label: string; doorOpened: boolean };

/**
 * Opens a door from the console, with a reason: the open command is recorded (door event
 * and audit row) in one commit and sent to the controller after it, through the same
 * door-control module as every other opening. The parcel behind the door, if any, keeps
 * its state. Admins of the door's organization. Raises INVALID, NOT_FOUND and CONFLICT
 * (the door was removed).
 */
export async function openSlotRemotely(ctx: Ctx, raw: unknown): Promise<RemoteOpenResult> {
  const admin = requireAdmin(ctx);
  const input = parseInput(SlotReasonInput, raw);
  const { slot, door } = writeTransaction(ctx.db, () => {
    const { slot, locker, site } = loadChangeable(ctx, admin, input.slotId);
    const parcel = liveParcelIn(ctx, slot.id);
    const door = recordOpenCommand(ctx, loadDoor(ctx, slot.id), parcel?.id ?? null, "remote", input.reason);
    recordAudit(ctx, admin, {
      action: "door.opened_remotely",
      subject: `slot:${slot.id}`,
      siteId: site.id,
      detail: {
        site: site.name,
        locker: locker.code,
        slot: slot.label,
        reason: input.reason,
        parcelId: parcel?.id ?? null,
        trackingNumber: parcel?.trackingNumber ?? null,
      },
    });
    return { slot, door };
  });
  return { slotId: slot.id, label: slot.label, doorOpened: await sendOpen(ctx, door) };
}

export type SlotHistoryEntry = {
  key: string;
  at: number;
  source: "door" | "parcel";
  summary: string;
  actor: string;
  parcel: { id: number; trackingNumber: string } | null;
};

export type SlotDetail = DoorFacts & {
  retiredAt: number | null;
  locker: { id: number; code: string; controllerId: string; retiredAt: number | null };
  site: { id: number; code: string; name: string };
  parcel: (LiveParcel & { carrierName: string; depositedAt: number | null; expiresAt: number | null }) | null;
  history: SlotHistoryEntry[];
};

const HISTORY_LIMIT = 200;
const SLOT_AUDIT_ACTIONS_IN = sql.raw(`('slot.out_of_service', 'slot.in_service', 'slot.retired')`);

/**
 * One door with what is behind it and its history — every door event and parcel event
 * that names it, newest first, in `locale` (English by default, as the tests read it).
 * Admins of its organization; another's is NOT_FOUND.
 */
export function getSlotDetail(ctx: Ctx, slotIdParam: unknown, locale: Locale = "en"): SlotDetail {
  const admin = requireAdmin(ctx);
  const { slot, locker, site } = loadOrganizationSlot(ctx, admin, idOrNotFound(slotIdParam, "That door"));
  const parcel = ctx.db.get<LiveParcel & { carrierName: string; depositedAt: number | null; expiresAt: number | null }>(sql`
    select p.id, p.tracking_number as trackingNumber, p.state, c.name as carrierName,
           p.deposited_at as depositedAt, p.expires_at as expiresAt
    from parcels p join carriers c on c.id = p.carrier_id
    where p.slot_id = ${slot.id} and p.state in ${LIVE_STATES_IN}`);
  const rows = ctx.db.all<{
    source: "door" | "parcel" | "audit";
    id: number;
    at: number;
    kind: string;
    actorKind: string;
    actorName: string | null;
    parcelId: number | null;
    trackingNumber: string | null;
    detail: string | null;
    purpose: DoorOpenPurpose | null;
  }>(sql`
    select * from (
      select 'door' as source, d.id, d.at, d.kind, d.actor_kind as actorKind, u.name as actorName,
             d.parcel_id as parcelId, p.tracking_number as trackingNumber, d.reason as detail, d.purpose
      from door_events d left join users u on u.id = d.actor_user_id left join parcels p on p.id = d.parcel_id
      where d.slot_id = ${slot.id}
      union all
      select 'parcel', e.id, e.at, e.kind, e.actor_kind, u.name, e.parcel_id, p.tracking_number, e.detail, null
      from parcel_events e left join users u on u.id = e.actor_user_id join parcels p on p.id = e.parcel_id
      where e.slot_id = ${slot.id}
      union all
      -- Taking the door out of service, back in, and removing it (alone or with its locker) are
      -- changes of the door itself, not door or parcel events: the audit log is their record.
      select 'audit', a.id, a.at, a.action, 'user', u.name, null, null, a.detail, null
      from audit_log a left join users u on u.id = a.actor_user_id
      where a.organization_id = ${admin.organizationId}
        and ((a.subject = ${`slot:${slot.id}`} and a.action in ${SLOT_AUDIT_ACTIONS_IN})
          or (a.subject = ${`locker:${locker.id}`} and a.action = 'locker.retired'))
    )
    -- Steps written in one commit share a millisecond; newest first means last step first.
    order by at desc, case kind when 'announced' then 0 when 'reserved' then 1 when 'reassigned' then 1
                                when 'open_command' then 2 when 'open_failed' then 2 when 'closed' then 3 else 4 end desc, id desc
    limit ${HISTORY_LIMIT}`);
  return {
    id: slot.id,
    label: slot.label,
    row: slot.row,
    column: slot.column,
    size: slot.size,
    state: doorState({ inService: slot.inService, retiredAt: slot.retiredAt, parcelState: parcel?.state ?? null }),
    inService: slot.inService,
    outOfServiceReason: slot.outOfServiceReason,
    retiredAt: slot.retiredAt,
    locker: { id: locker.id, code: locker.code, controllerId: locker.controllerId, retiredAt: locker.retiredAt },
    site: { id: site.id, code: site.code, name: site.name },
    parcel: parcel ?? null,
    history: rows.map((row) => ({
      key: `${row.source}-${row.id}`,
      at: row.at,
      source: row.source === "parcel" ? "parcel" : "door",
      summary:
        row.source === "door"
          ? describeDoorEvent(locale, row.kind as DoorEventKind, row.purpose, row.detail)
          : row.source === "audit"
            ? describeAuditAction(locale, site.timeZone, row.kind as AuditAction, parseDetail(row.detail))
            : describeParcelEvent(locale, row.kind, parseDetail(row.detail)),
      actor: describeActor(locale, row.actorKind, row.actorName),
      parcel: row.parcelId !== null && row.trackingNumber !== null ? { id: row.parcelId, trackingNumber: row.trackingNumber } : null,
    })),
  };
}
