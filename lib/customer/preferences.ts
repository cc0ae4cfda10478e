import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { sites, users } from "@/db/schema";
import { requireRole } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

/*
 * The customer's preferred site: the station they would like couriers to use for them
 * when there is a choice. It is a wish, not a rule — a courier may still deliver to
 * another site, and the parcel still shows up in My parcels.
 */

export type PickupSite = { id: number; code: string; name: string; address: string; openingHours: string };

/** The open sites a customer may pick from, by name. Customers only. */
export function listPickupSites(ctx: Ctx): PickupSite[] {
  requireRole(ctx, "customer");
  return ctx.db
    .select({ id: sites.id, code: sites.code, name: sites.name, address: sites.address, openingHours: sites.openingHours })
    .from(sites)
    .where(eq(sites.status, "open"))
    .orderBy(asc(sites.name))
    .all();
}

/** The signed-in customer's preferred site, if they chose one. Customers only. */
export function myPreferredSite(ctx: Ctx): PickupSite | null {
  const customer = requireRole(ctx, "customer");
  const row = ctx.db
    .select({ id: sites.id, code: sites.code, name: sites.name, address: sites.address, openingHours: sites.openingHours })
    .from(users)
    .innerJoin(sites, eq(sites.id, users.preferredSiteId))
    .where(eq(users.id, customer.userId))
    .get();
  return row ?? null;
}

export const PreferredSiteInput = z.object({
  // An empty choice clears the preference.
  siteId: z.union([z.literal("").transform(() => null), z.coerce.number<unknown>().int().positive("chooseSite")]),
});
export type PreferredSiteInput = z.input<typeof PreferredSiteInput>;

/**
 * Sets (or, with an empty choice, clears) the signed-in customer's preferred site.
 * Customers only. Raises INVALID, and NOT_FOUND for a site that does not exist or is closed.
 */
export function setPreferredSite(ctx: Ctx, raw: unknown): PickupSite | null {
  const customer = requireRole(ctx, "customer");
  const { siteId } = parseInput(PreferredSiteInput, raw);
  let site: PickupSite | null = null;
  if (siteId !== null) {
    const row = ctx.db.select().from(sites).where(eq(sites.id, siteId)).get();
    if (!row || row.status !== "open") throw notFound("That site");
    site = { id: row.id, code: row.code, name: row.name, address: row.address, openingHours: row.openingHours };
  }
  const updated = ctx.db.update(users).set({ preferredSiteId: siteId }).where(eq(users.id, customer.userId)).run();
  if (updated.changes !== 1) throw new DomainError("UNAUTHENTICATED", "signInAgain");
  return site;
}
