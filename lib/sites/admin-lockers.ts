import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { LIVE_STATES_IN, lockers, slots, type ParcelState, type SlotSize } from "@/db/schema";
import { DOOR_HOLDERS_JOIN, doorHeldSql, HELD_STATE_SQL } from "@/db/occupancy";
import { writeTransaction } from "@/db/transaction";
import { idOrNotFound, loadOrganizationLocker, loadOrganizationSite } from "@/lib/auth/organization-scope";
import { isTriggerRefusal, isUniqueViolation } from "@/db/sqlite-errors";
import { recordAudit } from "@/lib/audit/record";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError, field, type FieldWordings } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { doorState, holdsParcels, type DoorFacts } from "@/lib/slots/door-state";
import { insertLocker } from "./layout";
import { REACH_BAND_MM, isWithinReach } from "@/lib/slots/reach";
import { AddLockerInput, LockerRef, SetRowHeightsInput } from "./schemas";
import { reasonWords } from "@/lib/history/describe";
import type { Locale } from "@/lib/i18n/locales";

/*
 * Cabinets of a site, for admins. Removal follows docs/decisions/0004-admin-console.md:
 * a cabinet that holds a live parcel is never removed (the verb refuses, and a trigger
 * refuses too); one that never held anything is deleted; one with history is retired —
 * its doors leave service for good but keep every parcel and door event that names them.
 */

export type LockerDoor = DoorFacts & {
  parcel: { id: number; trackingNumber: string; state: ParcelState } | null;
};

export type SiteLocker = {
  id: number;
  code: string;
  controllerId: string;
  rows: number;
  columns: number;
  retiredAt: number | null;
  /** Each row's height above the ground in mm (its doors' bottom edge), top row first; null = not measured. */
  rowHeightsMm: (number | null)[];
  doors: LockerDoor[];
};

/**
 * The cabinets of one of the admin's sites with every door and what is behind it, as
 * the door grid draws them; a reason the software or a courier's pick wrote in `locale`
 * (English by default, as the tests read it). Admins only; another organization's site
 * is NOT_FOUND.
 */
export function listSiteLockers(ctx: Ctx, siteIdParam: unknown, locale: Locale = "en"): SiteLocker[] {
  const admin = requireAdmin(ctx);
  const site = loadOrganizationSite(ctx, admin, idOrNotFound(siteIdParam, "That site"));
  const cabinets = ctx.db.select().from(lockers).where(eq(lockers.siteId, site.id)).orderBy(asc(lockers.code)).all();
  const heights = new Map(cabinets.map((locker) => [locker.id, currentRowHeights(ctx, locker.id)]));
  const doors = ctx.db.all<{
    id: number;
    lockerId: number;
    label: string;
    row: number;
    column: number;
    size: SlotSize;
    inService: number;
    outOfServiceReason: string | null;
    retiredAt: number | null;
    parcelId: number | null;
    trackingNumber: string | null;
    parcelState: ParcelState | null;
  }>(sql`
    select s.id, s.locker_id as lockerId, s.label, s.row, s.column, s.size, s.in_service as inService,
           s.out_of_service_reason as outOfServiceReason, s.retired_at as retiredAt,
           p.id as parcelId, p.tracking_number as trackingNumber, ${sql.raw(HELD_STATE_SQL)} as parcelState
    from slots s
    ${sql.raw(DOOR_HOLDERS_JOIN)}
    where s.site_id = ${site.id}
    order by s.row, s.column`);
  return cabinets.map((locker) => ({
    id: locker.id,
    code: locker.code,
    controllerId: locker.controllerId,
    rows: locker.rows,
    columns: locker.columns,
    retiredAt: locker.retiredAt,
    rowHeightsMm: Array.from({ length: locker.rows }, (_, r) => heights.get(locker.id)!.get(r + 1) ?? null),
    doors: doors
      .filter((door) => door.lockerId === locker.id)
      .map((door) => ({
        id: door.id,
        label: door.label,
        row: door.row,
        column: door.column,
        size: door.size,
        state: doorState({ inService: door.inService === 1, retiredAt: door.retiredAt, parcelState: door.parcelState }),
        inService: door.inService === 1,
        outOfServiceReason: door.outOfServiceReason === null ? null : reasonWords(locale, door.outOfServiceReason),
        // A door held by a parcel to send names no parcel: the state says it is taken.
        parcel:
          door.parcelId !== null ? { id: door.parcelId, trackingNumber: door.trackingNumber!, state: door.parcelState! } : null,
      })),
  }));
}

export type AddedLocker = { id: number; code: string; siteId: number; rows: number; columns: number; doors: number };

/**
 * Adds a cabinet to one of the admin's sites from its layout (one size per door, row by
 * row from the top). Its doors are in service and free at once. Admins of the site's
 * organization only. Raises INVALID, NOT_FOUND and CONFLICT (the code is taken at this
 * site, also by a retired cabinet — their doors keep their labels in the history).
 */
export function addLocker(ctx: Ctx, raw: unknown): AddedLocker {
  const admin = requireAdmin(ctx);
  const input = parseInput(AddLockerInput, raw);
  try {
    return writeTransaction(ctx.db, () => {
      const site = loadOrganizationSite(ctx, admin, input.siteId);
      const locker = insertLocker(ctx.db, { siteId: site.id, code: input.code, controllerId: input.controllerId, layout: input.layout, rowBottomsMm: input.rowHeights }, ctx.now());
      const doors = input.layout.reduce((sum, row) => sum + row.length, 0);
      const sizes: Partial<Record<SlotSize, number>> = {};
      for (const size of input.layout.flat()) sizes[size] = (sizes[size] ?? 0) + 1;
      recordAudit(ctx, admin, {
        action: "locker.added",
        subject: `locker:${locker.id}`,
        siteId: site.id,
        detail: { site: site.name, code: locker.code, rows: locker.rows, columns: locker.columns, doors, sizes, rowHeightsMm: input.rowHeights },
      });
      return { id: locker.id, code: locker.code, siteId: site.id, rows: locker.rows, columns: locker.columns, doors };
    });
  } catch (error) {
    if (isUniqueViolation(error, "lockers.site_id") || isUniqueViolation(error, "slots.site_id")) {
      throw new DomainError("CONFLICT", "lockerCodeTaken", {
        params: { code: input.code },
        fields: { code: [field("lockerCodeTaken", { code: input.code })] },
      });
    }
    throw error;
  }
}

export type SetRowHeightsResult = {
  lockerId: number;
  code: string;
  siteId: number;
  /** The rows whose height changed (1 = top), with the heights before and after; null = not measured. */
  changed: { row: number; fromMm: number | null; toMm: number | null }[];
};

/**
 * Sets the height above the ground of each row of one of the admin's cabinets (its doors'
 * bottom edge, in mm, top row first; null = not measured — such doors are never offered as
 * within reach, lib/slots/reach.ts). A row whose door holds a live parcel promised a door
 * within reach must stay in the reach band until that parcel leaves: the change is refused
 * with a field error on that row (and a trigger, migration 0017, refuses it too). Records the
 * changed rows in the audit trail; a change that changes nothing writes nothing. Admins of the
 * site's organization only. Raises INVALID (a height, or not one per row), NOT_FOUND (another
 * organization's cabinet) and CONFLICT (a retired cabinet, a within-reach parcel's row).
 */
export function setRowHeights(ctx: Ctx, raw: unknown): SetRowHeightsResult {
  const admin = requireAdmin(ctx);
  const input = parseInput(SetRowHeightsInput, raw);
  try {
    return writeTransaction(ctx.db, () => {
      const { locker, site } = loadOrganizationLocker(ctx, admin, input.lockerId);
      if (locker.retiredAt !== null) throw new DomainError("CONFLICT", "lockerAlreadyRetired", { params: { code: locker.code } });
      if (input.rowHeights.length !== locker.rows) {
        const params = { rows: locker.rows, heights: input.rowHeights.length };
        throw new DomainError("INVALID", "fieldsNeedLook", { fields: { rowHeights: [field("oneHeightPerRow", params)] } });
      }

      const keepInBand: FieldWordings = {};
      for (const held of withinReachParcels(ctx, locker.id)) {
        if (isWithinReach(input.rowHeights[held.row - 1])) continue;
        (keepInBand[`rowHeights.${held.row - 1}`] ??= []).push(
          field("rowHeightKeepsReach", { door: held.label, trackingNumber: held.trackingNumber, low: REACH_BAND_MM.low, high: REACH_BAND_MM.high }),
        );
      }
      if (Object.keys(keepInBand).length > 0) throw keepsReachError(locker.code, keepInBand);

      const current = currentRowHeights(ctx, locker.id);
      const changed = input.rowHeights
        .map((toMm, r) => ({ row: r + 1, fromMm: current.get(r + 1) ?? null, toMm }))
        .filter((change) => change.fromMm !== change.toMm);
      for (const change of changed) {
        ctx.db
          .update(slots)
          .set({ bottomMm: change.toMm })
          .where(and(eq(slots.lockerId, locker.id), eq(slots.row, change.row)))
          .run();
      }
      if (changed.length > 0) {
        recordAudit(ctx, admin, {
          action: "locker.row_heights_set",
          subject: `locker:${locker.id}`,
          siteId: site.id,
          detail: { site: site.name, code: locker.code, rows: changed },
        });
      }
      return { lockerId: locker.id, code: locker.code, siteId: site.id, changed };
    });
  } catch (error) {
    // The verb checked first; the trigger is the last word if such a parcel slipped in between.
    if (isTriggerRefusal(error, "needs a door within reach")) {
      throw keepsReachError(null, { rowHeights: [field("rowHeightsKeepReach", { low: REACH_BAND_MM.low, high: REACH_BAND_MM.high })] });
    }
    throw error;
  }
}

function keepsReachError(code: string | null, fields: FieldWordings): DomainError {
  return new DomainError("CONFLICT", "rowHeightsKeepReach", { params: { code: code ?? "" }, fields });
}

/** Each row's height as stored (its doors share it; the lowest stands for a row edited by hand in the database). */
function currentRowHeights(ctx: Ctx, lockerId: number): Map<number, number | null> {
  const rows = ctx.db.all<{ row: number; bottomMm: number | null }>(sql`
    select row, min(bottom_mm) as bottomMm from slots where locker_id = ${lockerId} group by row`);
  return new Map(rows.map((r) => [r.row, r.bottomMm]));
}

/** The live parcels of this cabinet promised a door within reach, with their door's row. */
function withinReachParcels(ctx: Ctx, lockerId: number): { row: number; label: string; trackingNumber: string }[] {
  return ctx.db.all(sql`
    select s.row, s.label, p.tracking_number as trackingNumber
    from parcels p join slots s on s.id = p.slot_id
    where s.locker_id = ${lockerId} and p.within_reach = 1 and p.state in ${LIVE_STATES_IN}
    order by s.row, s.column`);
}

export type RemovedLocker = { outcome: "removed" | "retired"; code: string; siteId: number; doors: number };

/**
 * Takes a cabinet away from its site. Refused while any of its doors holds a live parcel
 * (CONFLICT). A cabinet nothing ever happened in is deleted; one with history is retired.
 * Admins of the site's organization only. Raises NOT_FOUND and CONFLICT.
 */
export function removeLocker(ctx: Ctx, raw: unknown): RemovedLocker {
  const admin = requireAdmin(ctx);
  const input = parseInput(LockerRef, raw);
  try {
    return writeTransaction(ctx.db, () => {
      const { locker, site } = loadOrganizationLocker(ctx, admin, input.lockerId);
      if (locker.retiredAt !== null) throw new DomainError("CONFLICT", "lockerAlreadyRetired", { params: { code: locker.code } });
      // Parcels to send count too: a retired cabinet's doors are never opened again.
      const live = ctx.db.get<{ n: number }>(sql`
        select count(*) as n from slots s where s.locker_id = ${locker.id} and ${sql.raw(doorHeldSql("s.id"))}`)!.n;
      if (live > 0) throw holdsParcels("lockerHoldsParcels", { code: locker.code, count: live });

      const doorIds = ctx.db.select({ id: slots.id }).from(slots).where(eq(slots.lockerId, locker.id)).all().map((s) => s.id);
      const now = ctx.now();
      const base = { code: locker.code, siteId: site.id, doors: doorIds.length };
      if (!hasHistory(ctx, doorIds)) {
        ctx.db.delete(slots).where(eq(slots.lockerId, locker.id)).run();
        ctx.db.delete(lockers).where(eq(lockers.id, locker.id)).run();
        recordAudit(ctx, admin, {
          action: "locker.removed",
          subject: `locker:${locker.id}`,
          siteId: site.id,
          detail: { site: site.name, code: locker.code, doors: doorIds.length },
        });
        return { outcome: "removed", ...base };
      }
      ctx.db
        .update(slots)
        .set({ retiredAt: now, inService: false, outOfServiceReason: "Locker retired" })
        .where(and(eq(slots.lockerId, locker.id), isNull(slots.retiredAt)))
        .run();
      ctx.db.update(lockers).set({ retiredAt: now }).where(eq(lockers.id, locker.id)).run();
      recordAudit(ctx, admin, {
        action: "locker.retired",
        subject: `locker:${locker.id}`,
        siteId: site.id,
        detail: { site: site.name, code: locker.code, doors: doorIds.length },
      });
      return { outcome: "retired", ...base };
    });
  } catch (error) {
    // The verb checked first; the trigger is the last word if a parcel slipped in between.
    if (isTriggerRefusal(error, "live parcel")) throw holdsParcels("thisLockerHoldsParcel");
    throw error;
  }
}

/** Whether any parcel, parcel event or door event names one of these doors. */
function hasHistory(ctx: Ctx, slotIds: number[]): boolean {
  if (slotIds.length === 0) return false;
  const ids = sql.join(slotIds, sql`, `);
  const row = ctx.db.get<{ n: number }>(sql`
    select (select count(*) from parcels where slot_id in (${ids}))
         + (select count(*) from parcel_events where slot_id in (${ids}))
         + (select count(*) from door_events where slot_id in (${ids})) as n`);
  return row!.n > 0;
}

