import "server-only";
import crypto from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { preparedQuery } from "@/db/prepared";
import { apiTokens, carriers, courierSites, kiosks, sites, users } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx, KioskActor, UserActor } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

const TOKEN_PREFIX = "plk_";

export const CreateTokenInput = z.discriminatedUnion("scope", [
  z.object({
    scope: z.literal("carrier"),
    name: z.string().trim().min(3, "nameToken").max(80, "tooLong"),
    courierId: z.coerce
      .number<unknown>({ error: "chooseTokenCourier" })
      .int()
      .positive("chooseTokenCourier"),
  }),
  z.object({
    scope: z.literal("kiosk"),
    name: z.string().trim().min(3, "nameToken").max(80, "tooLong"),
    kioskId: z.coerce
      .number<unknown>({ error: "chooseTokenKiosk" })
      .int()
      .positive("chooseTokenKiosk"),
  }),
]);
export type CreateTokenInput = z.input<typeof CreateTokenInput>;

export type ApiTokenView = {
  id: number;
  name: string;
  scope: "carrier" | "kiosk";
  prefix: string;
  /** Whom the token acts as: a courier account, or a kiosk at its site. */
  subject: { kind: "courier"; name: string } | { kind: "kiosk"; name: string; site: string };
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
};

export function hashToken(token: string): string {
  // One-shot: no Hash object per API request (10.8 against 3.1 us in bench/inprocess).
  return crypto.hash("sha256", token, "hex");
}

/** A new bearer token, returned once; only its hash and first characters are stored. */
export function mintToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

/**
 * Issues a token for a courier account serving one of the admin's sites, or for a kiosk
 * at one of them. The token is returned once and only its hash is kept. Admins only;
 * another organization's courier or kiosk is NOT_FOUND.
 */
export function createApiToken(ctx: Ctx, raw: unknown): { token: string; view: ApiTokenView } {
  const admin = requireAdmin(ctx);
  const input = parseInput(CreateTokenInput, raw);
  const { token, hash, prefix } = mintToken();
  const id = writeTransaction(ctx.db, () => {
    if (input.scope === "carrier") {
      const serves = ctx.db
        .select({ id: users.id })
        .from(users)
        .innerJoin(courierSites, eq(courierSites.userId, users.id))
        .innerJoin(sites, eq(sites.id, courierSites.siteId))
        .where(and(eq(users.id, input.courierId), eq(users.role, "courier"), eq(sites.organizationId, admin.organizationId)))
        .get();
      if (!serves) throw new DomainError("NOT_FOUND", "courierNotAtYourSites");
    } else {
      const kiosk = ctx.db
        .select({ id: kiosks.id })
        .from(kiosks)
        .innerJoin(sites, eq(sites.id, kiosks.siteId))
        .where(and(eq(kiosks.id, input.kioskId), eq(sites.organizationId, admin.organizationId)))
        .get();
      if (!kiosk) throw new DomainError("NOT_FOUND", "kioskNotAtYourSites");
    }
    return ctx.db
      .insert(apiTokens)
      .values({
        organizationId: admin.organizationId,
        name: input.name,
        scope: input.scope,
        courierId: input.scope === "carrier" ? input.courierId : null,
        kioskId: input.scope === "kiosk" ? input.kioskId : null,
        tokenHash: hash,
        prefix,
        createdBy: admin.userId,
        createdAt: ctx.now(),
      })
      .returning({ id: apiTokens.id })
      .get().id;
  });
  return { token, view: listApiTokens(ctx).find((t) => t.id === id)! };
}

/** Revokes a token of the admin's organization; repeating it is harmless. */
export function revokeApiToken(ctx: Ctx, tokenId: number): void {
  const admin = requireAdmin(ctx);
  const changed = ctx.db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, ${ctx.now()})` })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.organizationId, admin.organizationId)))
    .run();
  if (changed.changes === 0) throw new DomainError("NOT_FOUND", "tokenNotFound");
}

export function listApiTokens(ctx: Ctx): ApiTokenView[] {
  const admin = requireAdmin(ctx);
  return ctx.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      prefix: apiTokens.prefix,
      courierName: users.name,
      kioskName: kiosks.name,
      siteName: sites.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.courierId))
    .leftJoin(kiosks, eq(kiosks.id, apiTokens.kioskId))
    .leftJoin(sites, eq(sites.id, kiosks.siteId))
    .where(eq(apiTokens.organizationId, admin.organizationId))
    .orderBy(desc(apiTokens.createdAt))
    .all()
    .map((t) => ({
      id: t.id,
      name: t.name,
      scope: t.scope,
      prefix: t.prefix,
      subject:
        t.scope === "carrier"
          ? { kind: "courier" as const, name: t.courierName ?? "" }
          : { kind: "kiosk" as const, name: t.kioskName ?? "", site: t.siteName ?? "" },
      createdAt: t.createdAt,
      lastUsedAt: t.lastUsedAt,
      revokedAt: t.revokedAt,
    }));
}

export type TokenActor = (UserActor & { viaTokenId: number }) | (KioskActor & { viaTokenId: number });

/**
 * The actor a bearer token stands for, or null for an unknown, revoked or malformed token
 * or a deactivated courier. Records when the token was last used, at most once a minute.
 */
export function authenticateToken(db: Db, bearer: string, now: number): TokenActor | null {
  if (!bearer.startsWith(TOKEN_PREFIX) || bearer.length > 200) return null;
  // One read per request, always from the database: a revoked token or a deactivated
  // courier is refused from the next request on.
  const row = liveTokenByHash(db).get({ hash: hashToken(bearer) });
  if (!row) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt > 60_000) {
    // A transaction of its own, so an API request's touch joins the turn's commit
    // (decision 0017) rather than paying an fsync alone.
    writeTransaction(db, () => touchToken(db).run({ id: row.id, now }));
  }
  if (row.scope === "kiosk") {
    return row.kioskId !== null && row.kioskSiteId !== null
      ? { kind: "kiosk", kioskId: row.kioskId, siteId: row.kioskSiteId, viaTokenId: row.id }
      : null;
  }
  if (row.courierId === null || !row.courierActive || row.courierRole !== "courier") return null;
  return {
    kind: "user",
    userId: row.courierId,
    role: "courier",
    organizationId: row.courierOrganizationId,
    carrierId: row.courierCarrierId,
    verifiedPhone: null,
    viaTokenId: row.id,
  };
}

// Every API request runs these; they are built once per connection. The token, and the
// kiosk or courier it stands for, in one read of the columns used.
const liveTokenByHash = preparedQuery((db) =>
  db
    .select({
      id: apiTokens.id,
      scope: apiTokens.scope,
      lastUsedAt: apiTokens.lastUsedAt,
      kioskId: kiosks.id,
      kioskSiteId: kiosks.siteId,
      courierId: users.id,
      courierActive: users.active,
      courierRole: users.role,
      courierOrganizationId: users.organizationId,
      courierCarrierId: users.carrierId,
    })
    .from(apiTokens)
    .leftJoin(kiosks, eq(kiosks.id, apiTokens.kioskId))
    .leftJoin(users, eq(users.id, apiTokens.courierId))
    .where(and(eq(apiTokens.tokenHash, sql.placeholder("hash")), isNull(apiTokens.revokedAt)))
    .prepare(),
);
const touchToken = preparedQuery((db) =>
  db
    .update(apiTokens)
    .set({ lastUsedAt: sql`${sql.placeholder("now")}` })
    .where(eq(apiTokens.id, sql.placeholder("id")))
    .prepare(),
);

export type TokenSubjects = {
  couriers: { id: number; name: string; carrierName: string }[];
  kiosks: { id: number; name: string; siteName: string }[];
};

/** Who a new token may act as: active couriers serving the admin's sites, and their kiosks. */
export function tokenSubjects(ctx: Ctx): TokenSubjects {
  const admin = requireAdmin(ctx);
  const couriers = ctx.db
    .selectDistinct({ id: users.id, name: users.name, carrierName: carriers.name })
    .from(users)
    .innerJoin(carriers, eq(carriers.id, users.carrierId))
    .innerJoin(courierSites, eq(courierSites.userId, users.id))
    .innerJoin(sites, eq(sites.id, courierSites.siteId))
    .where(and(eq(users.role, "courier"), eq(users.active, true), eq(sites.organizationId, admin.organizationId)))
    .orderBy(carriers.name, users.name)
    .all();
  const kioskRows = ctx.db
    .select({ id: kiosks.id, name: kiosks.name, siteName: sites.name })
    .from(kiosks)
    .innerJoin(sites, eq(sites.id, kiosks.siteId))
    .where(eq(sites.organizationId, admin.organizationId))
    .orderBy(sites.name, kiosks.name)
    .all();
  return { couriers, kiosks: kioskRows };
}
