import "server-only";
import { eq, sql } from "drizzle-orm";
import { sites } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { DEFAULT_TIME_ZONE } from "@/lib/time";

/** The time zone a site keeps; DEFAULT_TIME_ZONE for a site that does not exist. */
export function siteTimeZone(ctx: Pick<Ctx, "db">, siteId: number): string {
  return ctx.db.select({ timeZone: sites.timeZone }).from(sites).where(eq(sites.id, siteId)).get()?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** The zones an organization's sites keep, each once (usually one). */
export function organizationTimeZones(ctx: Pick<Ctx, "db">, organizationId: number): string[] {
  return ctx.db
    .selectDistinct({ timeZone: sites.timeZone })
    .from(sites)
    .where(eq(sites.organizationId, organizationId))
    .orderBy(sql`1`)
    .all()
    .map((row) => row.timeZone);
}
