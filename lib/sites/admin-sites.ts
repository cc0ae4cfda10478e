import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { sites } from "@/db/schema";
import { DOOR_HOLDERS_JOIN } from "@/db/occupancy";
import { writeTransaction } from "@/db/transaction";
import { idOrNotFound, loadOrganizationSite, type SiteRow } from "@/lib/auth/organization-scope";
import { isUniqueViolation } from "@/db/sqlite-errors";
import { recordAudit } from "@/lib/audit/record";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError, field } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { insertSite } from "./layout";
import type { SiteFacts } from "./site-facts";
import { CloseSiteInput, CreateSiteInput, SiteRef, UpdateSiteInput } from "./schemas";

/** A site as the admin console shows and edits it. */
export type AdminSite = SiteFacts & { holdPeriodHours: number; timeZone: string; createdAt: number };

function toAdminSite(site: SiteRow): AdminSite {
  return {
    id: site.id,
    code: site.code,
    name: site.name,
    address: site.address,
    latitude: site.latitude,
    longitude: site.longitude,
    openingHours: site.openingHours,
    holdPeriodHours: site.holdPeriodHours,
    status: site.status,
    timeZone: site.timeZone,
    createdAt: site.createdAt,
  };
}

function codeTaken(code: string): DomainError {
  return new DomainError("CONFLICT", "siteCodeTaken", { params: { code }, fields: { code: [field("siteCodeTaken", { code })] } });
}

/**
 * Creates an open site in the admin's organization. Admins only. Raises INVALID and
 * CONFLICT (the short code is taken — codes are unique across the network, they name a
 * kiosk).
 */
export function createSite(ctx: Ctx, raw: unknown): AdminSite {
  const admin = requireAdmin(ctx);
  const input = parseInput(CreateSiteInput, raw);
  try {
    return writeTransaction(ctx.db, () => {
      const site = insertSite(ctx.db, { ...input, organizationId: admin.organizationId, status: "open" }, ctx.now());
      recordAudit(ctx, admin, {
        action: "site.created",
        subject: `site:${site.id}`,
        siteId: site.id,
        detail: { name: site.name, code: site.code },
      });
      return toAdminSite(site);
    });
  } catch (error) {
    if (isUniqueViolation(error, "sites.code")) throw codeTaken(input.code);
    throw error;
  }
}

const EDITABLE = ["name", "code", "address", "latitude", "longitude", "openingHours", "holdPeriodHours", "timeZone"] as const;

/**
 * Changes a site's details. A new hold period applies to parcels deposited from now on;
 * parcels already waiting keep their deadline. Admins of the site's organization only.
 * Raises INVALID, NOT_FOUND and CONFLICT (short code taken).
 */
export function updateSite(ctx: Ctx, raw: unknown): { site: AdminSite; changed: string[] } {
  const admin = requireAdmin(ctx);
  const { siteId, ...given } = parseInput(UpdateSiteInput, raw);
  try {
    return writeTransaction(ctx.db, () => {
      const before = loadOrganizationSite(ctx, admin, siteId);
      const fields = { ...given, timeZone: given.timeZone ?? before.timeZone };
      const changed = EDITABLE.filter((field) => before[field] !== fields[field]);
      if (changed.length === 0) return { site: toAdminSite(before), changed };
      const after = ctx.db.update(sites).set(fields).where(eq(sites.id, before.id)).returning().get();
      recordAudit(ctx, admin, {
        action: "site.updated",
        subject: `site:${before.id}`,
        siteId: before.id,
        detail: { name: after.name, changes: Object.fromEntries(changed.map((field) => [field, [before[field], after[field]]])) },
      });
      return { site: toAdminSite(after), changed: [...changed] };
    });
  } catch (error) {
    if (isUniqueViolation(error, "sites.code")) throw codeTaken(given.code);
    throw error;
  }
}

/**
 * Closes a site for now: it takes no deposits (reserveParcel answers SITE_CLOSED), while
 * parcels already inside can still be collected and taken back. Admins of the site's
 * organization only. Raises INVALID, NOT_FOUND and CONFLICT (already closed).
 */
export function closeSite(ctx: Ctx, raw: unknown): AdminSite {
  const admin = requireAdmin(ctx);
  const input = parseInput(CloseSiteInput, raw);
  return writeTransaction(ctx.db, () => {
    const site = loadOrganizationSite(ctx, admin, input.siteId);
    if (site.status === "closed") throw new DomainError("CONFLICT", "siteAlreadyClosed", { params: { site: site.name } });
    const closed = setStatus(ctx, site, "closed");
    recordAudit(ctx, admin, {
      action: "site.closed",
      subject: `site:${site.id}`,
      siteId: site.id,
      detail: { name: site.name, reason: input.reason },
    });
    return toAdminSite(closed);
  });
}

/** Opens a closed site again. Admins of its organization. Raises NOT_FOUND and CONFLICT (already open). */
export function reopenSite(ctx: Ctx, raw: unknown): AdminSite {
  const admin = requireAdmin(ctx);
  const input = parseInput(SiteRef, raw);
  return writeTransaction(ctx.db, () => {
    const site = loadOrganizationSite(ctx, admin, input.siteId);
    if (site.status === "open") throw new DomainError("CONFLICT", "siteAlreadyOpen", { params: { site: site.name } });
    const opened = setStatus(ctx, site, "open");
    recordAudit(ctx, admin, { action: "site.reopened", subject: `site:${site.id}`, siteId: site.id, detail: { name: site.name } });
    return toAdminSite(opened);
  });
}

function setStatus(ctx: Ctx, site: SiteRow, status: "open" | "closed"): SiteRow {
  const updated = ctx.db
    .update(sites)
    .set({ status })
    .where(and(eq(sites.id, site.id), eq(sites.status, site.status)))
    .returning()
    .get();
  if (!updated) throw new DomainError("CONFLICT", "siteChangedMeanwhile");
  return updated;
}

/** One site of the admin's organization. Admins only; another organization's is NOT_FOUND. */
export function getOrganizationSite(ctx: Ctx, siteIdParam: unknown): AdminSite {
  const admin = requireAdmin(ctx);
  return toAdminSite(loadOrganizationSite(ctx, admin, idOrNotFound(siteIdParam, "That site")));
}

export type SiteListEntry = AdminSite & { lockers: number; doors: number; free: number; outOfService: number; live: number };

/** The admin's sites with their cabinets and doors counted, by name. Admins only. */
export function listSitesForAdmin(ctx: Ctx): SiteListEntry[] {
  const admin = requireAdmin(ctx);
  const rows = ctx.db.select().from(sites).where(eq(sites.organizationId, admin.organizationId)).orderBy(asc(sites.name)).all();
  const counts = ctx.db.all<{ siteId: number; lockers: number; doors: number; free: number; outOfService: number; live: number }>(sql`
    select st.id as siteId,
           (select count(*) from lockers l where l.site_id = st.id and l.retired_at is null) as lockers,
           count(s.id) as doors,
           coalesce(sum(s.in_service = 1 and p.id is null and o.id is null), 0) as free,
           coalesce(sum(s.in_service = 0 and p.id is null and o.id is null), 0) as outOfService,
           count(p.id) + count(o.id) as live
    from sites st
    left join slots s on s.site_id = st.id and s.retired_at is null
    ${sql.raw(DOOR_HOLDERS_JOIN)}
    where st.organization_id = ${admin.organizationId}
    group by st.id`);
  return rows.map((site) => {
    const count = counts.find((c) => c.siteId === site.id);
    return {
      ...toAdminSite(site),
      lockers: count?.lockers ?? 0,
      doors: count?.doors ?? 0,
      free: count?.free ?? 0,
      outOfService: count?.outOfService ?? 0,
      live: count?.live ?? 0,
    };
  });
}

/** The admin's sites as choices for a filter or a checkbox list. Admins only. */
export function listSiteChoices(ctx: Ctx): { id: number; code: string; name: string; status: "open" | "closed" }[] {
  const admin = requireAdmin(ctx);
  return ctx.db
    .select({ id: sites.id, code: sites.code, name: sites.name, status: sites.status })
    .from(sites)
    .where(eq(sites.organizationId, admin.organizationId))
    .orderBy(asc(sites.name))
    .all();
}
