import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { OutboundState, SlotSize } from "@/db/schema";
import { idOrNotFound } from "@/lib/auth/organization-scope";
import { requireAdmin, type AdminActor } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { notFound } from "@/lib/errors";
import { describeOutboundEvent, historyEntry, parseDetail, type HistoryRow } from "@/lib/history/describe";
import type { Locale } from "@/lib/i18n/locales";
import { maskPhone, normalizePhone } from "@/lib/phone";
import { pageWindow, phoneMatches, SEARCH_PAGE_SIZE } from "@/lib/search";
import { parseInput } from "@/lib/validation";
import { OutboundSearch, type ParsedOutboundSearch } from "./search-schemas";
import { OUTBOUND_VIEW_COLUMNS, OUTBOUND_VIEW_FROM, withLabel, type OutboundView, type ViewRow } from "./view";

/*
 * The admin's view of outbound parcels (decision 0013). Every query's first condition is
 * the admin's organization, so no filter — a site id, a phone, an id in the URL — reaches
 * another organization's shipments. A drop-off code is never read here: the view columns
 * hold none.
 */

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

export type OutboundSearchRow = OutboundView & {
  /** Masked (137****0001): a list is seen over shoulders; the detail shows the number. */
  senderPhone: string;
  /** The site's time zone, in which its times are shown. */
  timeZone: string;
};

export type OutboundSearchResult = {
  filters: ParsedOutboundSearch;
  rows: OutboundSearchRow[];
  total: number;
  page: number;
  pages: number;
};

/** `q` as a sender's phone (whole or last 4 digits), a return's order reference or a waybill number. */
function queryMatches(q: string): SQL {
  const either: SQL[] = [sql`o.order_reference = ${q} collate nocase`, sql`o.waybill_number = ${q.replace(/\s+/g, "").toUpperCase()}`];
  const phone = normalizePhone(q);
  if (/^\d{4}$/.test(phone) || /^\+?\d{7,15}$/.test(phone)) either.unshift(phoneMatches(sql`o.sender_phone`, phone));
  return sql`(${sql.join(either, sql` or `)})`;
}

function conditions(admin: AdminActor, search: ParsedOutboundSearch): SQL {
  const where: SQL[] = [sql`s.organization_id = ${admin.organizationId}`];
  if (search.q) where.push(queryMatches(search.q));
  if (search.state) where.push(sql`o.state = ${search.state}`);
  if (search.site) where.push(sql`o.site_id = ${search.site}`);
  if (search.kind) where.push(sql`o.kind = ${search.kind}`);
  return sql.join(where, sql` and `);
}

/**
 * Sent parcels and returns at the admin's organization's sites matching `raw` (a sender's
 * phone whole or its last 4 digits, an order reference or a waybill number; state; site;
 * send or return), newest first, a page of 50 at a time. Senders' phones are masked.
 * Admins only. Raises INVALID.
 */
export function searchOutbound(ctx: Ctx, raw: unknown): OutboundSearchResult {
  const admin = requireAdmin(ctx);
  const search = parseInput(OutboundSearch, raw);
  const where = conditions(admin, search);
  const total = ctx.db.get<{ n: number }>(sql`select count(*) as n from outbound_parcels o join sites s on s.id = o.site_id where ${where}`)!.n;
  const { page, pages, offset } = pageWindow(total, search.page);
  const rows = ctx.db
    .all<ViewRow & { senderPhone: string; timeZone: string }>(sql`
      select ${OUTBOUND_VIEW_COLUMNS}, o.sender_phone as senderPhone, s.time_zone as timeZone
      from ${OUTBOUND_VIEW_FROM}
      where ${where}
      order by o.created_at desc, o.id desc
      limit ${SEARCH_PAGE_SIZE} offset ${offset}`)
    .map(({ senderPhone, timeZone, ...row }) => ({ ...withLabel(row), senderPhone: maskPhone(senderPhone), timeZone }));
  return { filters: search, rows, total, page, pages };
}

export type OutboundTimelineEntry = {
  key: string;
  at: number;
  source: "parcel" | "door";
  kind: string;
  summary: string;
  actor: string;
  slot: string | null;
  /** For lifecycle steps: the state the shipment moved into. */
  toState: OutboundState | null;
};

export type AdminOutboundDetail = OutboundView & {
  /** Whole: the detail is opened for one customer at a time (the list masks it). */
  senderPhone: string;
  recipientPhone: string | null;
  timeZone: string;
  lockerCode: string | null;
  /** The door's size, when a bigger door than the parcel's was used. */
  upsizedTo: SlotSize | null;
  declaredAt: number | null;
  /** Who set up a return: the carrier's courier or system account. */
  createdBy: string | null;
  takenBy: string | null;
  overdueAlertedAt: number | null;
  closedAt: number | null;
  /** Oldest first: the shipment's steps and its doors' events. */
  timeline: OutboundTimelineEntry[];
};

/**
 * One sent parcel or return of the admin's organization with its whole story — every
 * outbound event and door event, oldest first, in `locale` (English by default, as the
 * tests read it). Admins only; another organization's shipment is NOT_FOUND, as is a
 * missing one. Never returns its drop-off code.
 */
export function getOutboundDetail(ctx: Ctx, idParam: unknown, locale: Locale = "en"): AdminOutboundDetail {
  const admin = requireAdmin(ctx);
  const id = idOrNotFound(idParam, "shipment");
  const found = ctx.db.get<
    ViewRow & {
      senderPhone: string;
      recipientPhone: string | null;
      timeZone: string;
      lockerCode: string | null;
      upsized: number;
      slotSize: SlotSize | null;
      declaredAt: number | null;
      createdBy: string | null;
      takenBy: string | null;
      overdueAlertedAt: number | null;
      closedAt: number | null;
    }
  >(sql`
    select ${OUTBOUND_VIEW_COLUMNS}, o.sender_phone as senderPhone, o.recipient_phone as recipientPhone, s.time_zone as timeZone,
           l.code as lockerCode, o.upsized, sl.size as slotSize, o.declared_at as declaredAt, cu.name as createdBy, tu.name as takenBy,
           o.overdue_alerted_at as overdueAlertedAt, o.closed_at as closedAt
    from ${OUTBOUND_VIEW_FROM}
    left join lockers l on l.id = sl.locker_id
    left join users cu on cu.id = o.created_by_user_id
    left join users tu on tu.id = o.taken_by_user_id
    where o.id = ${id} and s.organization_id = ${admin.organizationId}`);
  if (!found) throw notFound("shipment");
  const { senderPhone, recipientPhone, timeZone, lockerCode, upsized, slotSize, declaredAt, createdBy, takenBy, overdueAlertedAt, closedAt, ...row } = found;
  const events = ctx.db.all<HistoryRow & { fromState: OutboundState | null; toState: OutboundState | null }>(sql`
    select * from (
      select 'parcel' as source, e.id, e.at, e.kind, e.actor_kind as actorKind, u.name as actorName,
             s.label as slot, e.detail, e.from_state as fromState, e.to_state as toState, null as purpose
      from outbound_events e left join users u on u.id = e.actor_user_id left join slots s on s.id = e.slot_id
      where e.outbound_parcel_id = ${id}
      union all
      select 'door', d.id, d.at, d.kind, d.actor_kind, u.name, s.label, d.reason, null, null, d.purpose
      from door_events d left join users u on u.id = d.actor_user_id join slots s on s.id = d.slot_id
      where d.outbound_parcel_id = ${id}
    )
    -- Steps written in one commit share a millisecond; put them in the order they happen.
    order by at, case when kind = 'created' and fromState is null then 0 when kind in ('dropping_off', 'reassigned') then 1
                      when kind in ('open_command', 'open_failed') then 2 when kind = 'closed' then 3 else 4 end, id`);
  return {
    ...withLabel(row),
    senderPhone,
    recipientPhone,
    timeZone,
    lockerCode,
    upsizedTo: upsized === 1 ? slotSize : null,
    declaredAt,
    createdBy,
    takenBy,
    overdueAlertedAt,
    closedAt,
    timeline: events.map((event) => historyEntry(locale, event, () => describeOutboundEvent(locale, event.kind, event.fromState, parseDetail(event.detail)))),
  };
}
