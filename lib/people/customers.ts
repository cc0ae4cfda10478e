import "server-only";
import { sql } from "drizzle-orm";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { maskPhone } from "@/lib/phone";

/*
 * Customers, read-only, as an organization knows them: the recipients of parcels at its
 * sites. A customer is a phone number here, shown masked; an admin who needs the number
 * for one parcel finds it on that parcel's page, where the need is plain.
 */

export type OrganizationCustomer = {
  /** Stable within this list; not the phone, which never leaves lib/ in full here. */
  key: string;
  phone: string;
  hasAccount: boolean;
  parcels: number;
  waiting: number;
  expired: number;
  lastArrivalAt: number;
  /** The time zone of the site of that latest parcel, in which it is shown. */
  timeZone: string;
};

export const CUSTOMER_LIST_LIMIT = 200;

/** Recipients of the organization's parcels, most recent first (up to 200). Admins only. */
export function listOrganizationCustomers(ctx: Ctx): { customers: OrganizationCustomer[]; total: number } {
  const admin = requireAdmin(ctx);
  const rows = ctx.db.all<{ phone: string; parcels: number; waiting: number; expired: number; lastArrivalAt: number; timeZone: string; hasAccount: number }>(sql`
    select p.recipient_phone as phone, count(*) as parcels,
           sum(p.state = 'deposited') as waiting, sum(p.state = 'expired') as expired,
           max(coalesce(p.deposited_at, p.created_at)) as lastArrivalAt,
           -- A bare column beside max(): SQLite takes it from the row that holds the maximum.
           st.time_zone as timeZone,
           exists (select 1 from users u where u.phone = p.recipient_phone and u.role = 'customer') as hasAccount
    from parcels p join sites st on st.id = p.site_id
    where st.organization_id = ${admin.organizationId} and p.state <> 'announced'
    group by p.recipient_phone
    order by lastArrivalAt desc`);
  return {
    total: rows.length,
    customers: rows.slice(0, CUSTOMER_LIST_LIMIT).map((row, index) => ({
      key: `customer-${index}`,
      phone: maskPhone(row.phone),
      hasAccount: row.hasAccount === 1,
      parcels: row.parcels,
      waiting: row.waiting,
      expired: row.expired,
      lastArrivalAt: row.lastArrivalAt,
      timeZone: row.timeZone,
    })),
  };
}
