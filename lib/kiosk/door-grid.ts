import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sites, type SlotSize } from "@/db/schema";
import { doorHeldSql } from "@/db/occupancy";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";

/*
 * What the locker's own screen shows before anyone has entered a code: the site, and its
 * doors as they stand on the cabinets — in service or out of service. The kiosk is a
 * public screen: nothing here says which doors hold a parcel (a passer-by would learn
 * which doors are worth forcing), whose parcel is where, or which carrier brought it.
 */

export type KioskSite = {
  id: number;
  code: string;
  name: string;
  address: string;
  openingHours: string;
  status: "open" | "closed";
  timeZone: string;
};

export type DoorState = "in_service" | "out_of_service";
export type KioskDoor = { label: string; row: number; column: number; size: SlotSize; state: DoorState };
export type KioskLocker = { code: string; rows: number; columns: number; doors: KioskDoor[] };

/** The site a kiosk screen serves, by its code (any case); null for an unknown code. */
export function findKioskSite(db: Db, siteCode: string): KioskSite | null {
  return (
    db
      .select({
        id: sites.id,
        code: sites.code,
        name: sites.name,
        address: sites.address,
        openingHours: sites.openingHours,
        status: sites.status,
        timeZone: sites.timeZone,
      })
      .from(sites)
      .where(eq(sites.code, siteCode.trim().toUpperCase()))
      .get() ?? null
  );
}

/**
 * The site's cabinets and the state of each door, cabinet by cabinet, row by row. Only the
 * site's own paired kiosk may read it (the screen's page is a convenience, not the guard);
 * anyone else — another site's kiosk, a person, nobody — gets NOT_FOUND.
 */
export function siteDoorGrid(ctx: Ctx, siteId: number): KioskLocker[] {
  if (ctx.actor.kind !== "kiosk" || ctx.actor.siteId !== siteId) throw notFound("That site");
  const rows = ctx.db.all<{
    lockerCode: string;
    rows: number;
    columns: number;
    label: string | null;
    row: number | null;
    column: number | null;
    size: SlotSize | null;
    inService: number | null;
  }>(sql`
    select l.code as lockerCode, l.rows, l.columns, s.label, s.row, s.column, s.size, s.in_service as inService,
           ${sql.raw(doorHeldSql("s.id"))} as occupied
    from lockers l
    left join slots s on s.locker_id = l.id and s.retired_at is null
    where l.site_id = ${siteId} and l.retired_at is null
    order by l.code, s.row, s.column`);
  const lockers = new Map<string, KioskLocker>();
  for (const row of rows) {
    let locker = lockers.get(row.lockerCode);
    if (!locker) {
      locker = { code: row.lockerCode, rows: row.rows, columns: row.columns, doors: [] };
      lockers.set(row.lockerCode, locker);
    }
    if (row.label === null) continue;
    locker.doors.push({
      label: row.label,
      row: row.row!,
      column: row.column!,
      size: row.size!,
      state: row.inService ? "in_service" : "out_of_service",
    });
  }
  return [...lockers.values()];
}
