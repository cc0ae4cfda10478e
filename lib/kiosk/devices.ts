import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { apiTokens, kiosks } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { loadOrganizationSite } from "@/lib/auth/organization-scope";
import { authenticateToken, createApiToken } from "@/lib/auth/api-tokens";
import { recordAudit } from "@/lib/audit/record";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx, KioskActor } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { GUESS_LIMITS } from "@/lib/pickup-codes/limits";
import { Id, parseInput } from "@/lib/validation";
import { findKioskSite, type KioskSite } from "./door-grid";

/*
 * A kiosk screen opens doors for whoever types a right code, so only a screen an admin
 * paired may act as one: otherwise anyone could open /kiosk/<site> at home, type their code
 * and open a door across campus with nobody there. Pairing stores a kiosk device token (the
 * same kind the device API uses: hashed, revocable on Admin → API tokens) in an httpOnly
 * cookie of that browser. Each kiosk row keeps its own wrong-code counters.
 */

/** The cookie holding a paired screen's device token. */
export const KIOSK_DEVICE_COOKIE = "kiosk_device";
/** Browsers cap cookie lifetimes at 400 days; an admin re-pairs a screen after that. */
export const KIOSK_DEVICE_MAX_AGE_SECONDS = 400 * 24 * 3600;

export type SiteKiosk = { id: number; name: string; pairedScreens: number; lastUsedAt: number | null };

/** The site's kiosks in the order they were added, with how many paired screens each has. Admins of the site's organization. */
export function listSiteKiosks(ctx: Ctx, siteId: number): SiteKiosk[] {
  const admin = requireAdmin(ctx);
  const site = loadOrganizationSite(ctx, admin, siteId);
  return ctx.db
    .select({
      id: kiosks.id,
      name: kiosks.name,
      pairedScreens: sql<number>`count(${apiTokens.id})`,
      lastUsedAt: sql<number | null>`max(${apiTokens.lastUsedAt})`,
    })
    .from(kiosks)
    .leftJoin(apiTokens, and(eq(apiTokens.kioskId, kiosks.id), isNull(apiTokens.revokedAt)))
    .where(eq(kiosks.siteId, site.id))
    .groupBy(kiosks.id)
    .orderBy(kiosks.id)
    .all();
}

export const PairKioskInput = z.object({
  siteId: Id,
  /** Absent: the screen becomes a new kiosk of the site. */
  kioskId: z.preprocess((value) => (value === "" ? undefined : value), Id.optional()),
});
export type PairKioskInput = z.input<typeof PairKioskInput>;

/**
 * Pairs the calling browser as a kiosk screen of one of the admin's sites: an existing
 * kiosk, or a new one named "Kiosk N". Returns the device token for the screen's cookie
 * (shown nowhere else) and the site's code for its address. Admins only; another
 * organization's site or kiosk is NOT_FOUND.
 */
export function pairKioskScreen(ctx: Ctx, raw: unknown): { token: string; siteCode: string; kioskName: string } {
  const admin = requireAdmin(ctx);
  const input = parseInput(PairKioskInput, raw);
  return writeTransaction(ctx.db, () => {
    const site = loadOrganizationSite(ctx, admin, input.siteId);
    const kiosk = kioskToPair(ctx, site.id, input.kioskId);
    const { token } = createApiToken(ctx, { scope: "kiosk", name: `${kiosk.name} screen`, kioskId: kiosk.id });
    recordAudit(ctx, admin, { action: "site.kiosk_paired", subject: `site:${site.id}`, siteId: site.id, detail: { name: site.name, kiosk: kiosk.name } });
    return { token, siteCode: site.code, kioskName: kiosk.name };
  });
}

/** The site's kiosk a screen is paired as: `kioskId`, or a new "Kiosk N" when absent. Inside the caller's transaction. */
export function kioskToPair(ctx: Ctx, siteId: number, kioskId: number | undefined) {
  const kiosk =
    kioskId === undefined
      ? newKiosk(ctx.db, siteId, ctx.now())
      : ctx.db.select().from(kiosks).where(and(eq(kiosks.id, kioskId), eq(kiosks.siteId, siteId))).get();
  if (!kiosk) throw new DomainError("NOT_FOUND", "kioskNotFoundAtSite");
  return kiosk;
}

/**
 * A new "Kiosk N" of the site. Refused (CONFLICT) past GUESS_LIMITS.maxKiosksPerSite: each
 * kiosk adds its own allowance of wrong codes, and the guessing bound of decision 0001 is
 * that allowance times this number. Inside the caller's write transaction, so two admins
 * adding the last kiosk at once cannot both succeed.
 */
function newKiosk(db: Db, siteId: number, now: number) {
  const taken = new Set(db.select({ name: kiosks.name }).from(kiosks).where(eq(kiosks.siteId, siteId)).all().map((k) => k.name));
  if (taken.size >= GUESS_LIMITS.maxKiosksPerSite) {
    throw new DomainError("CONFLICT", "tooManyKiosks", { params: { max: GUESS_LIMITS.maxKiosksPerSite } });
  }
  let n = taken.size + 1;
  while (taken.has(`Kiosk ${n}`)) n++;
  return db.insert(kiosks).values({ siteId, name: `Kiosk ${n}`, createdAt: now }).returning().get();
}

/**
 * Unpairs every screen of a kiosk: their device tokens are revoked, so each shows "not
 * paired" on its next request. Admins of the kiosk's organization; repeating is harmless.
 */
export function unpairKiosk(ctx: Ctx, raw: unknown): { siteId: number; revoked: number } {
  const admin = requireAdmin(ctx);
  const input = parseInput(z.object({ siteId: Id, kioskId: Id }), raw);
  return writeTransaction(ctx.db, () => {
    const site = loadOrganizationSite(ctx, admin, input.siteId);
    const kiosk = ctx.db.select().from(kiosks).where(and(eq(kiosks.id, input.kioskId), eq(kiosks.siteId, site.id))).get();
    if (!kiosk) throw new DomainError("NOT_FOUND", "kioskNotFoundAtSite");
    const revoked = ctx.db
      .update(apiTokens)
      .set({ revokedAt: ctx.now() })
      .where(and(eq(apiTokens.kioskId, kiosk.id), isNull(apiTokens.revokedAt)))
      .run().changes;
    if (revoked > 0) {
      recordAudit(ctx, admin, { action: "site.kiosk_unpaired", subject: `site:${site.id}`, siteId: site.id, detail: { name: site.name, kiosk: kiosk.name, screens: revoked } });
    }
    return { siteId: site.id, revoked };
  });
}

export type KioskScreen = { site: KioskSite; kiosk: KioskActor | null };

/**
 * What the screen at /kiosk/<siteCode> is: the site, and the kiosk it acts as when its
 * device token is live and belongs to a kiosk of this very site (null: not paired). Null
 * for an unknown site code. Needs no actor: the token is the screen's credential.
 */
export function kioskScreen(db: Db, siteCode: string, deviceToken: string | undefined, now: number): KioskScreen | null {
  const site = findKioskSite(db, siteCode);
  if (!site) return null;
  const actor = deviceToken ? authenticateToken(db, deviceToken, now) : null;
  const kiosk = actor?.kind === "kiosk" && actor.siteId === site.id ? { kind: "kiosk" as const, kioskId: actor.kioskId, siteId: actor.siteId } : null;
  return { site, kiosk };
}
