import "server-only";
import type { Ctx } from "@/lib/context";
import { siteTimeZone } from "@/lib/courier/sites";

/** The time zone of each of these sites, for lists whose rows belong to several (Today, outbound pickups). */
export function siteTimeZones(ctx: Ctx, siteIds: readonly number[]): ReadonlyMap<number, string> {
  return new Map([...new Set(siteIds)].map((siteId) => [siteId, siteTimeZone(ctx, siteId)]));
}
