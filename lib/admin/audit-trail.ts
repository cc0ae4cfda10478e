import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { DOOR_EVENT_KINDS, DOOR_OPEN_PURPOSES, users, type DoorEventKind, type DoorOpenPurpose } from "@/db/schema";
import { describeActor, describeDoorEvent, parseDetail } from "@/lib/history/describe";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { CABINET_ALARMS_SQL } from "@/lib/doors/alarms";
import { DomainError, field } from "@/lib/errors";
import { formatAt } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { translateKey, translator } from "@/lib/i18n/translate";
import { organizationTimeZones } from "@/lib/sites/time-zone";
import { DEFAULT_TIME_ZONE, nextDayStart, parseDayKey, prevailingTimeZone } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import type { AuditAction } from "@/lib/audit/record";
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

const SITE_FIELDS = ["name", "code", "address", "latitude", "longitude", "openingHours", "holdPeriodHours"] as const;
const CONSENT_DEFAULTS = ["allow", "ask", "refuse"] as const;

const s = (value: unknown) => (value == null ? "" : String(value));

/** An audit row as a sentence in `locale` (messages `history.audit`); people's and places' names as written. */
export function describeAuditAction(locale: Locale, zone: string, action: AuditAction, d: Record<string, unknown>): string {
  const t = translator(locale);
  const list = (value: unknown) => (Array.isArray(value) && value.length > 0 ? value.map(String).join(t("history.audit.listSeparator")) : t("history.audit.none"));
  const consentDefault = (value: unknown) =>
    (CONSENT_DEFAULTS as readonly unknown[]).includes(value) ? t(`admin.consent.default.${value as (typeof CONSENT_DEFAULTS)[number]}.name`) : s(value);
  switch (action) {
    case "site.created":
      return t("history.audit.site.created", { name: s(d.name), code: s(d.code) });
    case "site.updated": {
      const changes = d.changes && typeof d.changes === "object" ? Object.keys(d.changes) : [];
      const fields = changes.map((field) => ((SITE_FIELDS as readonly string[]).includes(field) ? t(`history.audit.fields.${field as (typeof SITE_FIELDS)[number]}`) : field));
      return t("history.audit.site.updated", { name: s(d.name), fields: fields.join(t("history.audit.listSeparator")) });
    }
    case "site.closed":
      return t("history.audit.site.closed", { name: s(d.name), reason: s(d.reason) });
    case "site.reopened":
      return t("history.audit.site.reopened", { name: s(d.name) });
    case "site.kiosk_paired":
      return d.code
        ? t("history.audit.site.kiosk_pairedByCode", { kiosk: s(d.kiosk), name: s(d.name), code: s(d.code) })
        : t("history.audit.site.kiosk_paired", { kiosk: s(d.kiosk), name: s(d.name) });
    case "site.kiosk_unpaired":
      return t("history.audit.site.kiosk_unpaired", { kiosk: s(d.kiosk), name: s(d.name), screens: Number(d.screens) || 0 });
    case "site.kiosk_slowdown_lifted":
      return d.secondsLeft
        ? t("history.audit.site.kiosk_slowdown_liftedLeft", { kiosk: s(d.kiosk), name: s(d.name), seconds: s(d.secondsLeft) })
        : t("history.audit.site.kiosk_slowdown_lifted", { kiosk: s(d.kiosk), name: s(d.name) });
    case "site.outbound_carrier_set":
      return t(d.accepts ? "history.audit.site.outbound_carrier_allowed" : "history.audit.site.outbound_carrier_stopped", { carrier: s(d.carrier), name: s(d.name) });
    case "organization.consent_default_set":
      return t("history.audit.organization.consent_default_set", { from: consentDefault(d.from), to: consentDefault(d.to) });
    case "locker.added":
      return t("history.audit.locker.added", { code: s(d.code), rows: s(d.rows), columns: s(d.columns), doors: s(d.doors) });
    case "locker.removed":
      return t("history.audit.locker.removed", { code: s(d.code) });
    case "locker.retired":
      return t("history.audit.locker.retired", { code: s(d.code), doors: s(d.doors) });
    case "locker.row_heights_set": {
      const height = (mm: unknown) => (typeof mm === "number" ? t("history.audit.locker.heightMm", { mm }) : t("history.audit.locker.notMeasured"));
      const rows = Array.isArray(d.rows) ? (d.rows as { row?: unknown; fromMm?: unknown; toMm?: unknown }[]) : [];
      const changes = rows.map((change) => t("history.audit.locker.rowHeightChange", { row: s(change.row), from: height(change.fromMm), to: height(change.toMm) }));
      return t("history.audit.locker.row_heights_set", { code: s(d.code), changes: changes.join(t("history.audit.listSeparator")) });
    }
    case "slot.out_of_service":
      return t("history.audit.slot.out_of_service", { slot: s(d.slot), reason: s(d.reason) });
    case "slot.in_service":
      return t("history.audit.slot.in_service", { slot: s(d.slot) });
    case "slot.retired":
      return t("history.audit.slot.retired", { slot: s(d.slot), reason: s(d.reason) });
    case "door.opened_remotely":
      return d.trackingNumber
        ? t("history.audit.door.opened_remotelyWithParcel", { slot: s(d.slot), reason: s(d.reason), trackingNumber: s(d.trackingNumber) })
        : t("history.audit.door.opened_remotely", { slot: s(d.slot), reason: s(d.reason) });
    case "parcel.hold_extended":
      return typeof d.expiresAt === "number"
        ? t("history.audit.parcel.hold_extendedTo", { trackingNumber: s(d.trackingNumber), to: formatAt(d.expiresAt, { locale, timeZone: zone }) })
        : t("history.audit.parcel.hold_extended", { trackingNumber: s(d.trackingNumber) });
    case "parcel.cancelled":
      return t("history.audit.parcel.cancelled", { trackingNumber: s(d.trackingNumber), reason: s(d.reason) });
    case "parcel.code_resent":
      return t("history.audit.parcel.code_resent", { trackingNumber: s(d.trackingNumber), to: s(d.to) });
    case "parcel.marked_lost":
      return t("history.audit.parcel.marked_lost", { trackingNumber: s(d.trackingNumber), note: s(d.note) });
    case "parcel.marked_damaged":
      return t("history.audit.parcel.marked_damaged", { trackingNumber: s(d.trackingNumber), note: s(d.note) });
    case "courier.created":
      return t("history.audit.courier.created", { name: s(d.name), carrier: s(d.carrier), sites: list(d.sites) });
    case "courier.sites_changed":
      return t("history.audit.courier.sites_changed", { name: s(d.name), added: list(d.added), removed: list(d.removed) });
    case "courier.deactivated":
      return t("history.audit.courier.deactivated", { name: s(d.name) });
    case "courier.reactivated":
      return t("history.audit.courier.reactivated", { name: s(d.name) });
    case "admin.created":
      return t("history.audit.admin.created", { name: s(d.name), email: s(d.email) });
    case "carrier.created":
      return t("history.audit.carrier.created", { name: s(d.name), code: s(d.code) });
    default:
      return translateKey(locale, "history.audit.other", { action: String(action).replaceAll(/[._]/g, " ") });
  }
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
