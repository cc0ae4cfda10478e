import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { courierSites, sites, type SlotSize } from "@/db/schema";
import { requireAdmin, requireCourier } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { freeSlotsBySite, type FreeCounts } from "@/lib/slots/assignment";

export type SiteSummary = {
  id: number;
  code: string;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  openingHours: string;
  status: "open" | "closed";
  free: FreeCounts;
};

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

export type SizeOccupancy = { free: number; reserved: number; occupied: number; outOfService: number };
export type SiteOccupancy = SiteSummary & {
  bySize: Record<SlotSize, SizeOccupancy>;
  waiting: number;
  expired: number;
};

/** Every site of the admin's organization with its doors by size and state. Admins only. */
export function listOrganizationSites(ctx: Ctx): SiteOccupancy[] {
  const admin = requireAdmin(ctx);
  const rows = ctx.db.select().from(sites).where(eq(sites.organizationId, admin.organizationId)).orderBy(asc(sites.name)).all();
  const counts = ctx.db.all<{ siteId: number; size: SlotSize; inService: number; state: string | null; n: number }>(sql`
    select s.site_id as siteId, s.size, s.in_service as inService, p.state, count(*) as n
    from slots s
    join sites st on st.id = s.site_id and st.organization_id = ${admin.organizationId}
    left join parcels p on p.slot_id = s.id and p.state in ('reserved', 'deposited', 'expired')
    group by s.site_id, s.size, s.in_service, p.state`);
  const blank = (): Record<SlotSize, SizeOccupancy> => ({
    S: { free: 0, reserved: 0, occupied: 0, outOfService: 0 },
    M: { free: 0, reserved: 0, occupied: 0, outOfService: 0 },
    L: { free: 0, reserved: 0, occupied: 0, outOfService: 0 },
    XL: { free: 0, reserved: 0, occupied: 0, outOfService: 0 },
  });
  const bySite = new Map<number, { bySize: Record<SlotSize, SizeOccupancy>; waiting: number; expired: number }>(
    rows.map((s) => [s.id, { bySize: blank(), waiting: 0, expired: 0 }]),
  );
  for (const c of counts) {
    const entry = bySite.get(c.siteId)!;
    const cell = entry.bySize[c.size];
    if (c.state === "reserved") cell.reserved += c.n;
    else if (c.state === "deposited" || c.state === "expired") {
      cell.occupied += c.n;
      if (c.state === "deposited") entry.waiting += c.n;
      else entry.expired += c.n;
    } else if (!c.inService) cell.outOfService += c.n;
    else cell.free += c.n;
  }
  return summaries(ctx, rows).map((s) => ({ ...s, ...bySite.get(s.id)! }));
}

