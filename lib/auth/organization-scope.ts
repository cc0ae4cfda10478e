import "server-only";
import { and, eq } from "drizzle-orm";
import { lockers, sites, slots } from "@/db/schema";
import type { AdminActor } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";

/*
 * Loading what an admin may touch. Each look-up is filtered by the admin's organization in
 * the query itself, so another organization's id reads exactly like an id that does not
 * exist: NOT_FOUND (STYLE.md: refused access looks like absence).
 */

/**
 * An id from a URL or a form, or NOT_FOUND: a malformed id names nothing, just like an
 * id that does not exist.
 */
export function idOrNotFound(value: unknown, what: Parameters<typeof notFound>[0]): number {
  const id = typeof value === "number" ? value : typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound(what);
  return id;
}

export type SiteRow = typeof sites.$inferSelect;
export type LockerRow = typeof lockers.$inferSelect;
export type SlotRow = typeof slots.$inferSelect;

export function loadOrganizationSite(ctx: Ctx, admin: AdminActor, siteId: number): SiteRow {
  const site = ctx.db
    .select()
    .from(sites)
    .where(and(eq(sites.id, siteId), eq(sites.organizationId, admin.organizationId)))
    .get();
  if (!site) throw notFound("That site");
  return site;
}

export function loadOrganizationLocker(ctx: Ctx, admin: AdminActor, lockerId: number): { locker: LockerRow; site: SiteRow } {
  const row = ctx.db
    .select({ locker: lockers, site: sites })
    .from(lockers)
    .innerJoin(sites, eq(sites.id, lockers.siteId))
    .where(and(eq(lockers.id, lockerId), eq(sites.organizationId, admin.organizationId)))
    .get();
  if (!row) throw notFound("That locker");
  return row;
}

export function loadOrganizationSlot(
  ctx: Ctx,
  admin: AdminActor,
  slotId: number,
): { slot: SlotRow; locker: LockerRow; site: SiteRow } {
  const row = ctx.db
    .select({ slot: slots, locker: lockers, site: sites })
    .from(slots)
    .innerJoin(lockers, eq(lockers.id, slots.lockerId))
    .innerJoin(sites, eq(sites.id, slots.siteId))
    .where(and(eq(slots.id, slotId), eq(sites.organizationId, admin.organizationId)))
    .get();
  if (!row) throw notFound("That door");
  return row;
}

/** The organization's site ids among `siteIds`; NOT_FOUND if any is not one of them. */
export function requireOrganizationSites(ctx: Ctx, admin: AdminActor, siteIds: number[]): number[] {
  const unique = [...new Set(siteIds)];
  if (unique.length === 0) return [];
  const own = new Set(
    ctx.db
      .select({ id: sites.id })
      .from(sites)
      .where(eq(sites.organizationId, admin.organizationId))
      .all()
      .map((s) => s.id),
  );
  for (const id of unique) if (!own.has(id)) throw notFound("That site");
  return unique;
}
