import "server-only";
import { sql } from "drizzle-orm";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { OUTBOUND_VIEW_COLUMNS, OUTBOUND_VIEW_FROM, withLabel, type OutboundView, type ViewRow } from "./view";

/**
 * Outbound parcels the background round flagged: in a door longer than the carrier is given
 * (lib/outbound/sweep.ts), still not taken, at the admin's organization's sites, longest
 * waiting first. What the dashboard alerts with. Admins only.
 */
export function overdueOutbound(ctx: Ctx, siteId?: number): OutboundView[] {
  const admin = requireAdmin(ctx);
  return ctx.db
    .all<ViewRow>(sql`
      select ${OUTBOUND_VIEW_COLUMNS} from ${OUTBOUND_VIEW_FROM}
      where s.organization_id = ${admin.organizationId} and o.state = 'dropped_off' and o.overdue_alerted_at is not null
        ${siteId === undefined ? sql`` : sql`and o.site_id = ${siteId}`}
      order by o.dropped_off_at, o.id
      limit 200`)
    .map(withLabel);
}
