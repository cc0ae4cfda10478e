import "server-only";
import { CONSENT_SOURCES, type ConsentSource } from "@/db/schema";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";

/*
 * The compliance view (issue 16): for each site and carrier of the admin's organization,
 * how the recipients' consent to every deposit was given, the questions still open or
 * answered "no locker", and the deposits without a consent record — which the deposit
 * trigger makes impossible, so the column is the proof, and must read zero.
 */

export type ComplianceRow = {
  siteId: number;
  siteName: string;
  carrierName: string;
  deposits: number;
  bySource: Record<ConsentSource, number>;
  requestsPending: number;
  /** The recipient said "bring it to me" or "call me". */
  requestsDeclined: number;
  withoutConsent: number;
};

type Raw = { siteId: number; siteName: string; carrierName: string; source: ConsentSource | null; n: number };
type RequestRaw = { siteId: number; carrierName: string; pending: number; declined: number };

/** Admins only: their organization's sites. */
export function consentCompliance(ctx: Ctx): ComplianceRow[] {
  const admin = requireAdmin(ctx);
  const deposits = ctx.db.$client
    .prepare(
      `select st.id as siteId, st.name as siteName, c.name as carrierName, pc.source as source, count(*) as n
       from parcels p
       join sites st on st.id = p.site_id
       join carriers c on c.id = p.carrier_id
       left join parcel_consents pc on pc.parcel_id = p.id
       where st.organization_id = ? and p.deposited_at is not null
       group by st.id, c.id, pc.source`,
    )
    .all(admin.organizationId) as Raw[];
  const requests = ctx.db.$client
    .prepare(
      `select st.id as siteId, c.name as carrierName,
              sum(r.status = 'pending' and r.expires_at > ?) as pending,
              sum(r.status in ('in_person', 'call_me')) as declined
       from consent_requests r
       join parcels p on p.id = r.parcel_id
       join sites st on st.id = p.site_id
       join carriers c on c.id = p.carrier_id
       where st.organization_id = ?
       group by st.id, c.id`,
    )
    .all(ctx.now(), admin.organizationId) as RequestRaw[];

  const rows = new Map<string, ComplianceRow>();
  const rowFor = (siteId: number, siteName: string, carrierName: string) => {
    const key = `${siteId}\0${carrierName}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        siteId,
        siteName,
        carrierName,
        deposits: 0,
        bySource: Object.fromEntries(CONSENT_SOURCES.map((source) => [source, 0])) as Record<ConsentSource, number>,
        requestsPending: 0,
        requestsDeclined: 0,
        withoutConsent: 0,
      };
      rows.set(key, row);
    }
    return row;
  };
  for (const raw of deposits) {
    const row = rowFor(raw.siteId, raw.siteName, raw.carrierName);
    row.deposits += raw.n;
    if (raw.source) row.bySource[raw.source] += raw.n;
    else row.withoutConsent += raw.n;
  }
  const siteNames = new Map(deposits.map((raw) => [raw.siteId, raw.siteName]));
  for (const raw of requests) {
    const name =
      siteNames.get(raw.siteId) ??
      (ctx.db.$client.prepare("select name from sites where id = ?").get(raw.siteId) as { name: string }).name;
    const row = rowFor(raw.siteId, name, raw.carrierName);
    row.requestsPending += raw.pending ?? 0;
    row.requestsDeclined += raw.declined ?? 0;
  }
  return [...rows.values()].sort((a, b) => a.siteName.localeCompare(b.siteName) || a.carrierName.localeCompare(b.carrierName));
}
