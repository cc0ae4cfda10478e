import "server-only";
import { asc, eq } from "drizzle-orm";
import { courierSites, sites } from "@/db/schema";
import { requireCourier } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import type { SiteFacts } from "@/lib/sites/site-facts";
import { freeSlotsBySite, type FreeCounts } from "@/lib/slots/assignment";
import { DEFAULT_TIME_ZONE } from "@/lib/time";

/** A site as a courier picks it: its facts and its free doors per size. */
export type SiteSummary = SiteFacts & { free: FreeCounts };

function summaries(ctx: Ctx, rows: (typeof sites.$inferSelect)[]): SiteSummary[] {
  const free = freeSlotsBySite(ctx, rows.map((s) => s.id));
  return rows.map((s) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    address: s.address,
    latitude: s.latitude,
    longitude: s.longitude,
    openingHours: s.openingHours,
    status: s.status,
    free: free.get(s.id)!,
  }));
}

/** The sites a courier serves, with free doors per size now. Couriers only. */
export function listCourierSites(ctx: Ctx): SiteSummary[] {
  const courier = requireCourier(ctx);
  const rows = ctx.db
    .select({ site: sites })
    .from(sites)
    .innerJoin(courierSites, eq(courierSites.siteId, sites.id))
    .where(eq(courierSites.userId, courier.userId))
    .orderBy(asc(sites.name))
    .all()
    .map((r) => r.site);
  return summaries(ctx, rows);
}

/** The zone a site's times are shown in (issue 15): the site's own, not the courier's phone's. */
export function siteTimeZone(ctx: Ctx, siteId: number): string {
  const row = ctx.db.select({ timeZone: sites.timeZone }).from(sites).where(eq(sites.id, siteId)).get();
  return row?.timeZone ?? DEFAULT_TIME_ZONE;
}
