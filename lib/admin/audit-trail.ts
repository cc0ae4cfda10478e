import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { DOOR_EVENT_KINDS, DOOR_OPEN_PURPOSES, users, type DoorEventKind, type DoorOpenPurpose } from "@/db/schema";
import { describeActor, describeDoorEvent, parseDetail } from "@/lib/history/describe";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { CABINET_ALARMS_SQL } from "@/lib/doors/alarms";
import { DomainError, field } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { organizationTimeZones } from "@/lib/sites/time-zone";
import { DEFAULT_TIME_ZONE, nextDayStart, parseDayKey, prevailingTimeZone } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import type { AuditAction } from "@/lib/audit/record";
import { describeAuditAction } from "@/lib/audit/describe";
import { AuditFilter, type AuditCategory } from "@/lib/audit/schemas";

/*
 * The organization's audit trail: every admin action (audit_log) and every door opening
 * at its sites (door_events), in one list, newest first. A remote opening by an admin is
 * in both tables — the door event for the door's history, the audit row for the trail —
 * so the trail takes admins' door events from audit_log only, and each opening appears
 * once.
 */

const TRAIL_PAGE_SIZE = 50;

export type AuditTrailEntry = {
  key: string;
  at: number;
  /** An audit action name ("site.closed"), or "door.opened" / "door.forced_open" … for a door event. */
  action: string;
  category: AuditCategory;
  summary: string;
  actor: string;
  /** `timeZone` is the site's, in which the entry's time is shown. */
  site: { id: number; name: string; timeZone: string } | null;
  /** What the entry is about, for a link: a site, a door, a parcel, a person, a carrier. */
  subject: { kind: "site" | "locker" | "slot" | "parcel" | "user" | "carrier"; id: number } | null;
};

export type AuditTrailPage = {
  entries: AuditTrailEntry[];
  page: number;
  hasMore: boolean;
  filters: ReturnType<typeof parseFilter>;
  /** The organization's prevailing zone: the filter's days, and the time of an entry that names no site. */
  timeZone: string;
};

type Row = {
  source: "audit" | "door";
  id: number;
  at: number;
  action: string;
  subject: string | null;
  detail: string | null;
  actorKind: string;
  actorId: number | null;
  actorName: string | null;
  siteId: number | null;
  siteName: string | null;
  siteTimeZone: string | null;
  category: AuditCategory;
};

const CATEGORY_OF_ACTION = sql`case
  when a.action like 'site.%' then 'site'
  when a.action like 'locker.%' then 'locker'
  when a.action like 'slot.%' or a.action like 'door.%' then 'door'
  when a.action like 'parcel.%' then 'parcel'
  when a.action like 'carrier.%' then 'carrier'
  else 'people' end`;

function parseFilter(raw: unknown) {
  const filter = parseInput(AuditFilter, raw);
  for (const key of ["from", "to"] as const) {
    const value = filter[key];
    if (value && parseDayKey(DEFAULT_TIME_ZONE, value) === null) {
      throw new DomainError("INVALID", "fieldsNeedLook", { fields: { [key]: [field("notADate")] } });
    }
  }
  return filter;
}

/**
 * One page of the trail, filtered by kind of entry, site, person and days, its summaries in
 * `locale` (English by default, as the tests read them). Admins only; only their
 * organization's entries and doors.
 */
export function listAuditTrail(ctx: Ctx, raw: unknown, locale: Locale = "en"): AuditTrailPage {
  const admin = requireAdmin(ctx);
  const filter = parseFilter(raw);
  const org = admin.organizationId;
  const where: SQL[] = [sql`1 = 1`];
  if (filter.category) where.push(sql`category = ${filter.category}`);
  if (filter.site) where.push(sql`siteId = ${filter.site}`);
  if (filter.actor) where.push(sql`actorId = ${filter.actor}`);
  // Entries need not name a site, so the trail's days are the organization's.
  const zone = prevailingTimeZone(organizationTimeZones(ctx, org));
  if (filter.from) where.push(sql`at >= ${parseDayKey(zone, filter.from)!}`);
  if (filter.to) where.push(sql`at < ${nextDayStart(zone, parseDayKey(zone, filter.to)!)}`);
  const page = filter.page ?? 1;
  const rows = ctx.db.all<Row>(sql`
    select * from (
      select 'audit' as source, a.id, a.at, a.action, a.subject, a.detail, 'user' as actorKind,
             a.actor_user_id as actorId, u.name as actorName,
             st.id as siteId, st.name as siteName, st.time_zone as siteTimeZone, ${CATEGORY_OF_ACTION} as category
      from audit_log a
      left join users u on u.id = a.actor_user_id
      left join sites st on st.id = json_extract(a.detail, '$.siteId') and st.organization_id = ${org}
      where a.organization_id = ${org}
      union all
      select 'door', d.id, d.at, d.kind, 'slot:' || d.slot_id, json_object('slot', s.label, 'reason', d.reason, 'purpose', d.purpose),
             d.actor_kind, d.actor_user_id, u.name, st.id, st.name, st.time_zone, 'door'
      from door_events d
      join sites st on st.id = d.site_id and st.organization_id = ${org}
      join slots s on s.id = d.slot_id
      left join users u on u.id = d.actor_user_id
      -- Opens (an admin's remote open is in audit_log already) and what a cabinet raised an alarm for.
      where (d.kind = 'open_command' and (u.id is null or u.role <> 'admin')) or d.kind in ${sql.raw(CABINET_ALARMS_SQL)}
    )
    where ${sql.join(where, sql` and `)}
    order by at desc, source, id desc
    limit ${TRAIL_PAGE_SIZE + 1} offset ${(page - 1) * TRAIL_PAGE_SIZE}`);
  return {
    entries: rows.slice(0, TRAIL_PAGE_SIZE).map((row) => toEntry(row, locale, zone)),
    page,
    hasMore: rows.length > TRAIL_PAGE_SIZE,
    filters: filter,
    timeZone: zone,
  };
}

function toEntry(row: Row, locale: Locale, zone: string): AuditTrailEntry {
  const detail = parseDetail(row.detail);
  const site =
    row.siteId !== null && row.siteName !== null && row.siteTimeZone !== null ? { id: row.siteId, name: row.siteName, timeZone: row.siteTimeZone } : null;
  const [kind, id] = (row.subject ?? "").split(":");
  const subject =
    ["site", "locker", "slot", "parcel", "user", "carrier"].includes(kind) && Number(id) > 0
      ? { kind: kind as NonNullable<AuditTrailEntry["subject"]>["kind"], id: Number(id) }
      : null;
  if (row.source === "door") {
    const kind = (DOOR_EVENT_KINDS as readonly string[]).includes(row.action) ? (row.action as DoorEventKind) : "open_command";
    const purpose = (DOOR_OPEN_PURPOSES as readonly unknown[]).includes(detail.purpose) ? (detail.purpose as DoorOpenPurpose) : null;
    const event = describeDoorEvent(locale, kind, purpose, typeof detail.reason === "string" ? detail.reason : null);
    const summary = translator(locale)("history.audit.doorEvent", { event, door: String(detail.slot) });
    const action = kind === "open_command" ? "door.opened" : `door.${kind}`;
    return { key: `door-${row.id}`, at: row.at, action, category: "door", summary, actor: describeActor(locale, row.actorKind, row.actorName), site, subject };
  }
  return {
    key: `audit-${row.id}`,
    at: row.at,
    action: row.action,
    category: row.category,
    summary: describeAuditAction(locale, zone, row.action as AuditAction, detail),
    actor: row.actorName ?? translator(locale)("history.actor.unknown"),
    site,
    subject,
  };
}

/** The people an admin can filter the trail by: their organization's admins and couriers. */
export function listAuditActors(ctx: Ctx): { id: number; name: string; role: "admin" | "courier" }[] {
  const admin = requireAdmin(ctx);
  return ctx.db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.organizationId, admin.organizationId), inArray(users.role, ["admin", "courier"])))
    .orderBy(asc(users.role), asc(users.name))
    .all() as { id: number; name: string; role: "admin" | "courier" }[];
}
