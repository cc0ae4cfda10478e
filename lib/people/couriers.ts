import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { carriers, courierSites, sites, users } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { idOrNotFound, requireOrganizationSites } from "@/lib/auth/organization-scope";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { endUserSessions } from "@/lib/auth/sessions";
import { requireAdmin, type AdminActor } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError, field, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { takenContact } from "./accounts";
import { CourierSitesInput, CreateCourierInput, UserRef } from "./schemas";

/*
 * Couriers as an organization manages them. A courier works for one carrier (global) and
 * belongs to the organization that registered the account (users.organization_id): that
 * organization's admins see them, choose which of its sites they serve and can deactivate
 * them. Another organization's courier is NOT_FOUND, and only the admin's own sites can
 * be given.
 */

export type OrganizationCourier = {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  active: boolean;
  carrier: { id: number; code: string; name: string };
  sites: { id: number; code: string; name: string }[];
  /** Parcels this courier put in a locker in the last 14 days. */
  recentDeposits: number;
};

const RECENT_MS = 14 * 24 * 3_600_000;

function loadOrganizationCourier(ctx: Ctx, admin: AdminActor, userId: number) {
  const courier = ctx.db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.role, "courier"), eq(users.organizationId, admin.organizationId)))
    .get();
  if (!courier) throw notFound("That courier");
  return courier;
}

function describeCouriers(ctx: Ctx, admin: AdminActor, rows: (typeof users.$inferSelect)[]): OrganizationCourier[] {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const carrierRows = ctx.db.select().from(carriers).all();
  const siteRows = ctx.db
    .select({ userId: courierSites.userId, id: sites.id, code: sites.code, name: sites.name })
    .from(courierSites)
    .innerJoin(sites, eq(sites.id, courierSites.siteId))
    .where(and(inArray(courierSites.userId, ids), eq(sites.organizationId, admin.organizationId)))
    .orderBy(asc(sites.name))
    .all();
  const deposits = ctx.db.all<{ userId: number; n: number }>(sql`
    select e.actor_user_id as userId, count(*) as n from parcel_events e
    where e.kind = 'deposited' and e.at >= ${ctx.now() - RECENT_MS}
      and e.actor_user_id in (${sql.join(ids, sql`, `)})
    group by e.actor_user_id`);
  return rows.map((row) => {
    const carrier = carrierRows.find((c) => c.id === row.carrierId)!;
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      phone: row.phone,
      active: row.active,
      carrier: { id: carrier.id, code: carrier.code, name: carrier.name },
      sites: siteRows.filter((s) => s.userId === row.id).map(({ id, code, name }) => ({ id, code, name })),
      recentDeposits: deposits.find((d) => d.userId === row.id)?.n ?? 0,
    };
  });
}

/** The couriers of the admin's organization, active first, by name. Admins only. */
export function listOrganizationCouriers(ctx: Ctx): OrganizationCourier[] {
  const admin = requireAdmin(ctx);
  const rows = ctx.db
    .select()
    .from(users)
    .where(and(eq(users.role, "courier"), eq(users.organizationId, admin.organizationId)))
    .orderBy(sql`${users.active} desc`, asc(users.name))
    .all();
  return describeCouriers(ctx, admin, rows);
}

/** One courier of the admin's organization. Admins only; anyone else is NOT_FOUND. */
export function getOrganizationCourier(ctx: Ctx, userIdParam: unknown): OrganizationCourier {
  const admin = requireAdmin(ctx);
  return describeCouriers(ctx, admin, [loadOrganizationCourier(ctx, admin, idOrNotFound(userIdParam, "That courier"))])[0];
}

function siteNames(ctx: Ctx, ids: number[]): string[] {
  if (ids.length === 0) return [];
  return ctx.db.select({ name: sites.name }).from(sites).where(inArray(sites.id, ids)).orderBy(asc(sites.name)).all().map((s) => s.name);
}

/**
 * Registers a courier of a carrier in the admin's organization, serving the chosen sites
 * of it, with a first password the admin hands over. Admins only. Raises INVALID,
 * NOT_FOUND (an unknown carrier, or a site not of the organization) and CONFLICT (the
 * email or phone has an account).
 */
export async function createCourier(ctx: Ctx, raw: unknown): Promise<OrganizationCourier> {
  const admin = requireAdmin(ctx);
  const input = parseInput(CreateCourierInput, raw);
  // Hashing is slow and async; it happens before the transaction, which must not await.
  const passwordHash = await hashPassword(input.password);
  try {
    const courier = writeTransaction(ctx.db, () => {
      const carrier = ctx.db.select().from(carriers).where(eq(carriers.id, input.carrierId)).get();
      if (!carrier) {
        throw new DomainError("NOT_FOUND", "carrierNotFound", { fields: { carrierId: [field("chooseCarrier")] } });
      }
      const siteIds = requireOrganizationSites(ctx, admin, input.siteIds);
      const created = ctx.db
        .insert(users)
        .values({
          name: input.name,
          email: input.email ?? null,
          phone: input.phone,
          // An admin entered it: a staff phone counts as proven, so it stays unique among
          // proven phones (users_verified_phone) and signs in to this account.
          phoneVerifiedAt: ctx.now(),
          passwordHash,
          role: "courier",
          carrierId: carrier.id,
          organizationId: admin.organizationId,
          createdAt: ctx.now(),
        })
        .returning()
        .get();
      for (const siteId of siteIds) ctx.db.insert(courierSites).values({ userId: created.id, siteId }).run();
      recordAudit(ctx, admin, {
        action: "courier.created",
        subject: `user:${created.id}`,
        detail: { name: created.name, carrier: carrier.name, sites: siteNames(ctx, siteIds) },
      });
      return created;
    });
    return describeCouriers(ctx, admin, [courier])[0];
  } catch (error) {
    throw takenContact(error) ?? error;
  }
}

/**
 * Sets which of the organization's sites a courier serves (the whole list; none is
 * allowed). Admins of the courier's organization only. Raises INVALID and NOT_FOUND (the
 * courier, or a site not of the organization).
 */
export function setCourierSites(ctx: Ctx, raw: unknown): OrganizationCourier {
  const admin = requireAdmin(ctx);
  const input = parseInput(CourierSitesInput, raw);
  const courier = writeTransaction(ctx.db, () => {
    const courier = loadOrganizationCourier(ctx, admin, input.userId);
    const wanted = requireOrganizationSites(ctx, admin, input.siteIds);
    const current = ctx.db
      .select({ siteId: courierSites.siteId })
      .from(courierSites)
      .innerJoin(sites, eq(sites.id, courierSites.siteId))
      .where(and(eq(courierSites.userId, courier.id), eq(sites.organizationId, admin.organizationId)))
      .all()
      .map((row) => row.siteId);
    const added = wanted.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !wanted.includes(id));
    if (removed.length > 0) {
      ctx.db
        .delete(courierSites)
        .where(and(eq(courierSites.userId, courier.id), inArray(courierSites.siteId, removed)))
        .run();
    }
    for (const siteId of added) ctx.db.insert(courierSites).values({ userId: courier.id, siteId }).run();
    if (added.length > 0 || removed.length > 0) {
      recordAudit(ctx, admin, {
        action: "courier.sites_changed",
        subject: `user:${courier.id}`,
        detail: { name: courier.name, added: siteNames(ctx, added), removed: siteNames(ctx, removed) },
      });
    }
    return courier;
  });
  return describeCouriers(ctx, admin, [courier])[0];
}

function setActive(ctx: Ctx, raw: unknown, active: boolean): OrganizationCourier {
  const admin = requireAdmin(ctx);
  const input = parseInput(UserRef, raw);
  const courier = writeTransaction(ctx.db, () => {
    const courier = loadOrganizationCourier(ctx, admin, input.userId);
    if (courier.active === active) {
      throw new DomainError("CONFLICT", active ? "courierAlreadyActive" : "courierAlreadyDeactivated", { params: { name: courier.name } });
    }
    const updated = ctx.db.update(users).set({ active }).where(eq(users.id, courier.id)).returning().get();
    // Ended, not only refused while inactive: a reactivation must not bring old cookies back.
    if (!active) endUserSessions(ctx.db, courier.id, ctx.now());
    recordAudit(ctx, admin, {
      action: active ? "courier.reactivated" : "courier.deactivated",
      subject: `user:${courier.id}`,
      detail: { name: courier.name },
    });
    return updated;
  });
  return describeCouriers(ctx, admin, [courier])[0];
}

/**
 * Deactivates a courier: they cannot sign in, and every session of theirs ends at once
 * (user_sessions), so even a reactivation does not revive a copied cookie. Their site list is kept for a
 * reactivation. Admins of the courier's organization only. Raises NOT_FOUND and CONFLICT.
 */
export function deactivateCourier(ctx: Ctx, raw: unknown): OrganizationCourier {
  return setActive(ctx, raw, false);
}

/** Lets a deactivated courier sign in again. Same rules as deactivateCourier. */
export function reactivateCourier(ctx: Ctx, raw: unknown): OrganizationCourier {
  return setActive(ctx, raw, true);
}
