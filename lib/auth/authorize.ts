import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { preparedQuery } from "@/db/prepared";
import { courierSites, type Role } from "@/db/schema";
import type { Ctx, KioskActor, UserActor } from "@/lib/context";
import { DomainError } from "@/lib/errors";

export type CourierActor = UserActor & { role: "courier"; carrierId: number };
export type AdminActor = UserActor & { role: "admin"; organizationId: number };

/** The signed-in user, if their role is one of `roles`; otherwise FORBIDDEN. */
export function requireRole<R extends Role>(ctx: Ctx, ...roles: R[]): UserActor & { role: R } {
  const actor = ctx.actor;
  if (actor.kind !== "user") throw new DomainError("UNAUTHENTICATED", "Please sign in first.");
  if (!roles.includes(actor.role as R)) {
    throw new DomainError("FORBIDDEN", "Your account is not allowed to do this.");
  }
  return actor as UserActor & { role: R };
}

export function requireCourier(ctx: Ctx): CourierActor {
  const actor = requireRole(ctx, "courier");
  if (actor.carrierId == null) throw new DomainError("FORBIDDEN", "Your courier account has no carrier.");
  return actor as CourierActor;
}

export function requireAdmin(ctx: Ctx): AdminActor {
  const actor = requireRole(ctx, "admin");
  if (actor.organizationId == null) throw new DomainError("FORBIDDEN", "Your admin account has no organization.");
  return actor as AdminActor;
}

export function requireKiosk(ctx: Ctx): KioskActor {
  if (ctx.actor.kind !== "kiosk") throw new DomainError("FORBIDDEN", "Only a locker's kiosk can do this.");
  return ctx.actor;
}

export function courierServesSite(ctx: Ctx, courierId: number, siteId: number): boolean {
  return courierSiteRow(ctx.db).get({ courierId, siteId }) !== undefined;
}

const courierSiteRow = preparedQuery((db) =>
  db
    .select({ siteId: courierSites.siteId })
    .from(courierSites)
    .where(and(eq(courierSites.userId, sql.placeholder("courierId")), eq(courierSites.siteId, sql.placeholder("siteId"))))
    .prepare(),
);

