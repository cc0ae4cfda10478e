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
  if (actor.kind !== "user") throw new DomainError("UNAUTHENTICATED", "signInFirst");
  if (!roles.includes(actor.role as R)) {
    throw new DomainError("FORBIDDEN", "notAllowed");
  }
  return actor as UserActor & { role: R };
}

export function requireCourier(ctx: Ctx): CourierActor {
  const actor = requireRole(ctx, "courier");
  if (actor.carrierId == null) throw new DomainError("FORBIDDEN", "courierWithoutCarrier");
  return actor as CourierActor;
}

export function requireAdmin(ctx: Ctx): AdminActor {
  const actor = requireRole(ctx, "admin");
  if (actor.organizationId == null) throw new DomainError("FORBIDDEN", "adminWithoutOrganization");
  return actor as AdminActor;
}

export function requireKiosk(ctx: Ctx): KioskActor {
  if (ctx.actor.kind !== "kiosk") throw new DomainError("FORBIDDEN", "kioskOnly");
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

