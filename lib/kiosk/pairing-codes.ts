import "server-only";
import crypto from "node:crypto";
import { and, count, eq, gt, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { apiTokens, kioskPairingRequests } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { loadOrganizationSite } from "@/lib/auth/organization-scope";
import { hashToken, mintToken } from "@/lib/auth/api-tokens";
import { recordAudit } from "@/lib/audit/record";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError, field } from "@/lib/errors";
import type { PickupCodeKeys } from "@/lib/pickup-codes/code";
import { parseInput } from "@/lib/validation";
import { kioskToPair, PairKioskInput } from "./devices";

/*
 * Pairing a screen by the code it shows, so no admin types their password on a public
 * screen. The unpaired screen asks for a code: it gets a kiosk device token in its cookie
 * at once, but the token is not live — only its hash waits here, beside the code. An admin
 * of the site types the code on their own device; that moves the hash into api_tokens as a
 * kiosk token, and the screen's next request finds itself paired.
 */

/** The longest a code shown on a screen may be typed; the screen then offers a new one. */
export const PAIRING_CODE_TTL_MS = 10 * 60_000;
/**
 * A waiting request lapses this long after its screen last asked for its page. The screen
 * showing the code re-reads it every few seconds (components/kiosk/screen-pairing.tsx), so a
 * real one lives its full PAIRING_CODE_TTL_MS; one asked for by a script that then walks
 * away is gone in two minutes instead of holding a place for ten.
 */
export const PAIRING_IDLE_MS = 2 * 60_000;
/** Screens of one site that may wait at once: an unpaired page is public, so its rows are bounded. */
export const PAIRING_REQUESTS_PER_SITE = 20;
/**
 * Requests one address may keep waiting at once, over all sites. Setting up a station takes
 * one or two at a time; filling a site's 20 places now takes seven addresses that keep
 * polling, not one page reloaded twenty times.
 */
export const PAIRING_REQUESTS_PER_ADDRESS = 3;

// No 0/O, 1/I/L: read off a screen across a room and typed by hand.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 8;

function newCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return code;
}

/** "K7MQ4XRT" is shown as "K7MQ-4XRT"; typed any way, with or without the dash. */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export type PendingPairing = { code: string; expiresAt: number };

/**
 * Who asked, as stored: a keyed hash of the client's address (lib/security/client-address.ts),
 * so the table can count requests per address without keeping anybody's address.
 */
export function requesterKey(keys: PickupCodeKeys, address: string): string {
  return crypto.createHmac("sha256", keys.hmacKey).update(`kiosk-pairing-requester\0${address}`).digest("hex").slice(0, 32);
}

/**
 * A code for the screen at `siteId` to show, with the device token its cookie keeps. The
 * token opens nothing until an admin claims the code. CONFLICT when the site already has
 * PAIRING_REQUESTS_PER_SITE screens waiting, or `requestedBy` (requesterKey) has
 * PAIRING_REQUESTS_PER_ADDRESS. Needs no actor: anyone at the screen may ask.
 */
export function startScreenPairing(db: Db, siteId: number, now: number, requestedBy: string): PendingPairing & { token: string } {
  const { token, hash, prefix } = mintToken();
  return writeTransaction(db, () => {
    db.delete(kioskPairingRequests).where(lte(kioskPairingRequests.expiresAt, now)).run();
    const fromHere = db.select({ n: count() }).from(kioskPairingRequests).where(eq(kioskPairingRequests.requestedBy, requestedBy)).get()!.n;
    if (fromHere >= PAIRING_REQUESTS_PER_ADDRESS) {
      throw new DomainError("CONFLICT", "pairingRequestsFromAddress", { params: { count: PAIRING_REQUESTS_PER_ADDRESS } });
    }
    const waiting = db.select({ n: count() }).from(kioskPairingRequests).where(eq(kioskPairingRequests.siteId, siteId)).get()!.n;
    if (waiting >= PAIRING_REQUESTS_PER_SITE) {
      throw new DomainError("CONFLICT", "pairingRequestsTooMany");
    }
    // 31^8 codes: a clash with a live one is vanishingly rare, and the unique index catches it.
    for (;;) {
      const code = newCode();
      const inserted = db
        .insert(kioskPairingRequests)
        .values({ siteId, code, tokenHash: hash, prefix, createdAt: now, expiresAt: now + PAIRING_IDLE_MS, requestedBy })
        .onConflictDoNothing({ target: kioskPairingRequests.code })
        .run();
      if (inserted.changes === 1) return { code, expiresAt: now + PAIRING_CODE_TTL_MS, token };
    }
  });
}

/**
 * The code this screen shows while it waits, and the latest it may be typed; null when it
 * asked for none or it lapsed. Asking is what keeps it alive: each call pushes its lapse
 * PAIRING_IDLE_MS on, never past PAIRING_CODE_TTL_MS from when it was shown.
 */
export function pendingScreenPairing(db: Db, siteId: number, deviceToken: string | undefined, now: number): PendingPairing | null {
  if (!deviceToken) return null;
  const row = db
    .update(kioskPairingRequests)
    .set({ expiresAt: sql`min(${kioskPairingRequests.createdAt} + ${PAIRING_CODE_TTL_MS}, ${now + PAIRING_IDLE_MS})` })
    .where(
      and(
        eq(kioskPairingRequests.tokenHash, hashToken(deviceToken)),
        eq(kioskPairingRequests.siteId, siteId),
        gt(kioskPairingRequests.expiresAt, now),
      ),
    )
    .returning({ code: kioskPairingRequests.code, createdAt: kioskPairingRequests.createdAt })
    .get();
  return row ? { code: row.code, expiresAt: row.createdAt + PAIRING_CODE_TTL_MS } : null;
}

export const ClaimPairingCodeInput = PairKioskInput.extend({
  pairingCode: z
    .string()
    .transform((value) => value.toUpperCase().replace(/[^0-9A-Z]/g, ""))
    .pipe(z.string().refine((code) => code.length === CODE_LENGTH, { message: "pairingCodeLength", params: { length: CODE_LENGTH } })),
});
export type ClaimPairingCodeInput = z.input<typeof ClaimPairingCodeInput>;

/**
 * Pairs the screen showing `pairingCode` at one of the admin's sites as an existing kiosk or a new
 * one. A code that no screen of this site shows (mistyped, expired, another site's) is
 * INVALID on the code field; another organization's site or kiosk is NOT_FOUND.
 */
export function claimPairingCode(ctx: Ctx, raw: unknown): { siteId: number; kioskName: string } {
  const admin = requireAdmin(ctx);
  const input = parseInput(ClaimPairingCodeInput, raw);
  const now = ctx.now();
  return writeTransaction(ctx.db, () => {
    const site = loadOrganizationSite(ctx, admin, input.siteId);
    const request = ctx.db
      .delete(kioskPairingRequests)
      .where(
        and(
          eq(kioskPairingRequests.code, input.pairingCode),
          eq(kioskPairingRequests.siteId, site.id),
          gt(kioskPairingRequests.expiresAt, now),
        ),
      )
      .returning()
      .get();
    if (!request) {
      throw new DomainError("INVALID", "fieldsNeedLook", { fields: { pairingCode: [field("pairingCodeUnknown", { site: site.name })] } });
    }
    const kiosk = kioskToPair(ctx, site.id, input.kioskId);
    ctx.db
      .insert(apiTokens)
      .values({
        organizationId: admin.organizationId,
        name: `${kiosk.name} screen`,
        scope: "kiosk",
        kioskId: kiosk.id,
        tokenHash: request.tokenHash,
        prefix: request.prefix,
        createdBy: admin.userId,
        createdAt: now,
      })
      .run();
    recordAudit(ctx, admin, {
      action: "site.kiosk_paired",
      subject: `site:${site.id}`,
      siteId: site.id,
      detail: { name: site.name, kiosk: kiosk.name, code: formatPairingCode(request.code) },
    });
    return { siteId: site.id, kioskName: kiosk.name };
  });
}

/** Drops codes nobody typed in time (the background round). */
export function pruneExpiredPairings(db: Db, now: number): number {
  return db.delete(kioskPairingRequests).where(lte(kioskPairingRequests.expiresAt, now)).run().changes;
}
