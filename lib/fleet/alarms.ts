import "server-only";
import { sql } from "drizzle-orm";
import type { DoorEventKind } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { CABINET_ALARMS_SQL } from "@/lib/doors/alarms";

/** A door a cabinet raised an alarm about: forced open, left open, tamper. */
export type CabinetAlarm = {
  id: number;
  siteId: number;
  siteName: string;
  slotId: number;
  label: string;
  kind: DoorEventKind;
  at: number;
};

/** How far back the dashboard looks for cabinet alarms. */
export const ALARM_WINDOW_MS = 24 * 3_600_000;

/**
 * The cabinet alarms of an organization's sites in the last ALARM_WINDOW_MS, newest first.
 * No authorization: the caller passes its admin's own organization.
 */
export function recentCabinetAlarms(ctx: Ctx, organizationId: number, limit = 20): CabinetAlarm[] {
  return ctx.db.all<CabinetAlarm>(sql`
    select d.id, d.site_id as siteId, st.name as siteName, d.slot_id as slotId, s.label, d.kind, d.at
    from door_events d
    join sites st on st.id = d.site_id and st.organization_id = ${organizationId}
    join slots s on s.id = d.slot_id
    where d.kind in ${sql.raw(CABINET_ALARMS_SQL)} and d.at >= ${ctx.now() - ALARM_WINDOW_MS}
    order by d.at desc, d.id desc
    limit ${limit}`);
}
