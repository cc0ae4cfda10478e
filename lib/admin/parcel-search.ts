import "server-only";
import { consentRecordOf } from "@/lib/consent/record";
import { sql, type SQL } from "drizzle-orm";
import type { ParcelState, SlotSize } from "@/db/schema";
import { toCsv } from "@/lib/admin/csv";
import { requireAdmin, type AdminActor } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError, field } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { maskPhone } from "@/lib/phone";
import { organizationTimeZones } from "@/lib/sites/time-zone";
import { DEFAULT_TIME_ZONE, localTimestamp, nextDayStart, parseDayKey, prevailingTimeZone, startOfDay } from "@/lib/time";
import { parseInput } from "@/lib/validation";
import { pageWindow, phoneMatches, SEARCH_PAGE_SIZE } from "@/lib/search";
import type { IncidentKind } from "@/lib/parcels/schemas";
import { ParcelSearch, type ParsedParcelSearch } from "./parcel-search-schemas";

/*
 * The admin's parcel search and its CSV export. Both run one query whose first condition
 * is the admin's organization, so no filter — a site id, a carrier, a phone — can reach
 * another organization's parcels.
 */

/** An export is a working list, not a backup; beyond this the admin narrows the search. */
const EXPORT_LIMIT = 10_000;

export type ParcelSearchRow = {
  id: number;
  trackingNumber: string;
  state: ParcelState;
  size: SlotSize;
  carrier: string;
  site: string;
  siteId: number;
  /** The site's time zone, in which its times are shown. */
  timeZone: string;
  slot: string | null;
  /** Masked (138****0001): a list is seen over shoulders; the detail shows the number. */
  recipientPhone: string;
  /** When the parcel arrived: deposited, or announced / reserved if not yet deposited. */
  arrivedAt: number;
  depositedAt: number | null;
  expiresAt: number | null;
  closedAt: number | null;
  holdExtended: boolean;
  incidents: IncidentKind[];
};

export type ParcelSearchResult = {
  filters: ParsedParcelSearch;
  rows: ParcelSearchRow[];
  total: number;
  page: number;
  pages: number;
};

type RawRow = Omit<ParcelSearchRow, "holdExtended" | "incidents" | "recipientPhone"> & {
  recipientPhone: string;
  recipientName: string | null;
  holdExtended: number;
  lost: number;
  damaged: number;
  timeZone: string;
};

const ARRIVED = sql`coalesce(p.deposited_at, p.created_at)`;

function conditions(ctx: Ctx, admin: AdminActor, search: ParsedParcelSearch): SQL {
  const where: SQL[] = [sql`st.organization_id = ${admin.organizationId}`];
  if (search.tracking) {
    // A prefix, as a range on the tracking-number index (stored upper-case).
    where.push(sql`p.tracking_number >= ${search.tracking} and p.tracking_number < ${search.tracking + "\u{10FFFF}"}`);
  }
  if (search.phone) {
    where.push(phoneMatches(sql`p.recipient_phone`, search.phone));
  }
  if (search.state) where.push(sql`p.state = ${search.state}`);
  if (search.site) where.push(sql`p.site_id = ${search.site}`);
  if (search.carrier) where.push(sql`p.carrier_id = ${search.carrier}`);
  // Days are each site's own: a parcel counts on the date its site's calendar showed.
  const zones = organizationTimeZones(ctx, admin.organizationId);
  const inEachZone = (condition: (zone: string) => SQL) =>
    zones.length === 0 ? sql`0` : sql`(${sql.join(zones.map((zone) => sql`(st.time_zone = ${zone} and ${condition(zone)})`), sql` or `)})`;
  const { from, to } = search;
  if (from) where.push(inEachZone((zone) => sql`${ARRIVED} >= ${parseDayKey(zone, from)!}`));
  if (to) where.push(inEachZone((zone) => sql`${ARRIVED} < ${nextDayStart(zone, parseDayKey(zone, to)!)}`));
  if (search.expiring === "today") {
    const now = ctx.now();
    where.push(
      sql`p.state = 'deposited' and ${inEachZone((zone) => sql`p.expires_at < ${nextDayStart(zone, startOfDay(zone, now))}`)}`,
    );
  }
  if (search.incident) {
    const kinds = search.incident === "any" ? sql`('incident_lost', 'incident_damaged')` : sql`(${`incident_${search.incident}`})`;
    where.push(sql`exists (select 1 from parcel_events e where e.parcel_id = p.id and e.kind in ${kinds})`);
  }
  return sql.join(where, sql` and `);
}

function parseSearch(raw: unknown): ParsedParcelSearch {
  const search = parseInput(ParcelSearch, raw);
  for (const key of ["from", "to"] as const) {
    const value = search[key];
    if (value && parseDayKey(DEFAULT_TIME_ZONE, value) === null) {
      throw new DomainError("INVALID", "fieldsNeedLook", { fields: { [key]: [field("notADate")] } });
    }
  }
  return search;
}

function select(ctx: Ctx, admin: AdminActor, search: ParsedParcelSearch, limit: number, offset: number): RawRow[] {
  return ctx.db.all<RawRow>(sql`
    select p.id, p.tracking_number as trackingNumber, p.state, p.size, c.name as carrier, st.name as site, st.id as siteId, st.time_zone as timeZone,
           sl.label as slot, p.recipient_phone as recipientPhone, p.recipient_name as recipientName,
           ${ARRIVED} as arrivedAt, p.deposited_at as depositedAt, p.expires_at as expiresAt, p.closed_at as closedAt,
           p.hold_extended as holdExtended,
           exists (select 1 from parcel_events e where e.parcel_id = p.id and e.kind = 'incident_lost') as lost,
           exists (select 1 from parcel_events e where e.parcel_id = p.id and e.kind = 'incident_damaged') as damaged
    from parcels p
    join sites st on st.id = p.site_id
    join carriers c on c.id = p.carrier_id
    left join slots sl on sl.id = p.slot_id
    where ${conditions(ctx, admin, search)}
    order by ${ARRIVED} desc, p.id desc
    limit ${limit} offset ${offset}`);
}

function toRow(raw: RawRow): ParcelSearchRow {
  const incidents: IncidentKind[] = [];
  if (raw.lost) incidents.push("lost");
  if (raw.damaged) incidents.push("damaged");
  return {
    id: raw.id,
    trackingNumber: raw.trackingNumber,
    state: raw.state,
    size: raw.size,
    timeZone: raw.timeZone,
    carrier: raw.carrier,
    site: raw.site,
    siteId: raw.siteId,
    slot: raw.slot,
    recipientPhone: maskPhone(raw.recipientPhone),
    arrivedAt: raw.arrivedAt,
    depositedAt: raw.depositedAt,
    expiresAt: raw.expiresAt,
    closedAt: raw.closedAt,
    holdExtended: raw.holdExtended === 1,
    incidents,
  };
}

/**
 * Parcels of the admin's organization matching `raw` (tracking-number prefix, whole phone
 * or its last 4 digits, state, site, carrier, arrival days, expiring today, incidents),
 * newest first, a page of 50 at a time. Admins only. Raises INVALID.
 */
export function searchParcels(ctx: Ctx, raw: unknown): ParcelSearchResult {
  const admin = requireAdmin(ctx);
  const search = parseSearch(raw);
  const total = ctx.db.get<{ n: number }>(sql`
    select count(*) as n from parcels p join sites st on st.id = p.site_id
    where ${conditions(ctx, admin, search)}`)!.n;
  const { page, pages, offset } = pageWindow(total, search.page);
  const rows = select(ctx, admin, search, SEARCH_PAGE_SIZE, offset).map(toRow);
  return { filters: search, rows, total, page, pages };
}

export type ParcelExport = { filename: string; csv: string; rows: number; truncated: boolean };

/**
 * The same search as a CSV file: every matching parcel (up to EXPORT_LIMIT), phones
 * masked as on screen, the header and the words of its cells in `locale`. Admins only.
 * Raises INVALID.
 */
export function exportParcelsCsv(ctx: Ctx, raw: unknown, locale: Locale = "en"): ParcelExport {
  const admin = requireAdmin(ctx);
  const search = parseSearch(raw);
  const found = select(ctx, admin, search, EXPORT_LIMIT + 1, 0);
  const truncated = found.length > EXPORT_LIMIT;
  const rows = found.slice(0, EXPORT_LIMIT);
  const time = (timeZone: string, ms: number | null) => (ms === null ? null : localTimestamp(timeZone, ms));
  const t = translator(locale);
  const csv = toCsv(
    [
      t("csv.trackingNumber"),
      t("csv.carrier"),
      t("csv.site"),
      t("csv.door"),
      t("csv.state"),
      t("csv.size"),
      t("csv.recipientPhone"),
      t("csv.recipientName"),
      t("csv.arrived"),
      t("csv.deposited"),
      t("csv.pickupDeadline"),
      t("csv.closed"),
      t("csv.holdExtended"),
      t("csv.incidents"),
      t("csv.consent"),
    ],
    rows.map((raw) => {
      const row = toRow(raw);
      return [
        row.trackingNumber,
        row.carrier,
        row.site,
        row.slot,
        t(`parcelStates.${row.state}`),
        t(`sizes.${row.size}`),
        row.recipientPhone,
        raw.recipientName,
        time(raw.timeZone, row.arrivedAt),
        time(raw.timeZone, row.depositedAt),
        time(raw.timeZone, row.expiresAt),
        time(raw.timeZone, row.closedAt),
        row.holdExtended ? t("csv.yes") : t("csv.no"),
        row.incidents.map((kind) => t(`admin.parcels.incident.${kind}`)).join(" "),
        consentRecordOf(ctx, raw.id, locale)?.description ?? "",
      ];
    }),
  );
  const zone = prevailingTimeZone(organizationTimeZones(ctx, admin.organizationId));
  return { filename: `parcels-${localTimestamp(zone, ctx.now()).slice(0, 10)}.csv`, csv, rows: rows.length, truncated };
}
