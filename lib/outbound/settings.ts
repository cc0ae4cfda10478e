import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { carriers, OUTBOUND_CODE_STATES_SQL, outboundCarrierSites, sites } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { recordAudit } from "@/lib/audit/record";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { CarrierOutboundSetting } from "./schemas";

/*
 * Which carriers take outbound parcels at which site: the admin's per-carrier, per-site
 * setting (a row is "accepts"). A carrier serves a site when one of its couriers works
 * there; only a carrier that serves a site can be set to take its outbound parcels, since
 * nobody else would ever come for them.
 */

export type SiteCarrierOutbound = { carrierId: number; carrierName: string; accepts: boolean };

/** The carriers serving a site, each with whether it takes outbound parcels there. Admins of the site's organization. */
export function siteOutboundCarriers(ctx: Ctx, siteId: number): SiteCarrierOutbound[] {
  const admin = requireAdmin(ctx);
  const site = ctx.db.select({ id: sites.id }).from(sites).where(and(eq(sites.id, siteId), eq(sites.organizationId, admin.organizationId))).get();
  if (!site) throw notFound("That site");
  return ctx.db.all<{ carrierId: number; carrierName: string; accepts: number }>(sql`
    select c.id as carrierId, c.name as carrierName,
           exists (select 1 from outbound_carrier_sites o where o.site_id = ${siteId} and o.carrier_id = c.id) as accepts
    from carriers c
    where exists (select 1 from courier_sites cs join users u on u.id = cs.user_id
                  where cs.site_id = ${siteId} and u.carrier_id = c.id and u.active = 1)
       or exists (select 1 from outbound_carrier_sites o where o.site_id = ${siteId} and o.carrier_id = c.id)
    order by c.name`).map((row) => ({ ...row, accepts: Boolean(row.accepts) }));
}

/**
 * Sets whether a carrier takes outbound parcels at a site. Admins of the site's
 * organization; raises NOT_FOUND (another organization's site, an unknown carrier) and
 * INVALID (turning it on for a carrier with no courier at the site). Audited when it changes. Turning it off leaves
 * shipments already started as they are: their codes still work and the carrier still
 * comes for them. Setting what is already set changes nothing.
 */
export function setCarrierOutbound(ctx: Ctx, raw: unknown): { accepts: boolean } {
  const admin = requireAdmin(ctx);
  const input = parseInput(CarrierOutboundSetting, raw);
  return writeTransaction(ctx.db, () => {
    const site = ctx.db
      .select({ id: sites.id, name: sites.name })
      .from(sites)
      .where(and(eq(sites.id, input.siteId), eq(sites.organizationId, admin.organizationId)))
      .get();
    if (!site) throw notFound("That site");
    const carrier = ctx.db.select({ id: carriers.id, name: carriers.name }).from(carriers).where(eq(carriers.id, input.carrierId)).get();
    if (!carrier) throw new DomainError("NOT_FOUND", "carrierNotFound");
    const audit = () =>
      recordAudit(ctx, admin, {
        action: "site.outbound_carrier_set",
        subject: `site:${site.id}`,
        siteId: site.id,
        detail: { name: site.name, carrier: carrier.name, accepts: input.accepts },
      });
    if (!input.accepts) {
      const removed = ctx.db
        .delete(outboundCarrierSites)
        .where(and(eq(outboundCarrierSites.siteId, site.id), eq(outboundCarrierSites.carrierId, carrier.id)))
        .run();
      if (removed.changes > 0) audit();
      return { accepts: false };
    }
    const serves = ctx.db.get(sql`select 1 from courier_sites cs join users u on u.id = cs.user_id
      where cs.site_id = ${site.id} and u.carrier_id = ${carrier.id} and u.active = 1`);
    if (!serves) throw new DomainError("INVALID", "carrierHasNoCourierHere");
    const added = ctx.db
      .insert(outboundCarrierSites)
      .values({ siteId: site.id, carrierId: carrier.id, enabledBy: admin.userId, enabledAt: ctx.now() })
      .onConflictDoNothing()
      .run();
    if (added.changes > 0) audit();
    return { accepts: true };
  });
}

/** Whether `carrierId` takes outbound parcels at `siteId`. */
export function acceptsOutbound(ctx: Ctx, siteId: number, carrierId: number): boolean {
  return (
    ctx.db.$client.prepare("select 1 from outbound_carrier_sites where site_id = ? and carrier_id = ?").get(siteId, carrierId) !==
    undefined
  );
}

export type OutboundSite = { siteId: number; siteName: string; siteAddress: string; carriers: { carrierId: number; carrierName: string }[] };

/** The open sites where at least one carrier takes outbound parcels, with those carriers: what a customer may choose from. */
export function outboundChoices(ctx: Ctx): OutboundSite[] {
  const rows = ctx.db.all<{ siteId: number; siteName: string; siteAddress: string; carrierId: number; carrierName: string }>(sql`
    select s.id as siteId, s.name as siteName, s.address as siteAddress, c.id as carrierId, c.name as carrierName
    from outbound_carrier_sites o
    join sites s on s.id = o.site_id and s.status = 'open'
    join carriers c on c.id = o.carrier_id
    order by s.name, c.name`);
  const bySite = new Map<number, OutboundSite>();
  for (const row of rows) {
    const site = bySite.get(row.siteId) ?? { siteId: row.siteId, siteName: row.siteName, siteAddress: row.siteAddress, carriers: [] };
    site.carriers.push({ carrierId: row.carrierId, carrierName: row.carrierName });
    bySite.set(row.siteId, site);
  }
  return [...bySite.values()];
}

/**
 * Whether a site's kiosk offers "Send a parcel": a carrier takes outbound parcels there, or a
 * drop-off code issued for it still works (turning a carrier off leaves started shipments and
 * returns droppable). Otherwise the button would lead to a screen where no code can work.
 */
export function siteTakesOutbound(ctx: Ctx, siteId: number): boolean {
  return (
    ctx.db.get(sql`select 1 where exists (select 1 from outbound_carrier_sites where site_id = ${siteId})
      or exists (select 1 from outbound_parcels where site_id = ${siteId} and state in ${sql.raw(OUTBOUND_CODE_STATES_SQL)}
                 and code_expires_at > ${ctx.now()})`) !== undefined
  );
}
