import "server-only";
import { OUTBOUND_CODE_STATES_SQL } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { encryptPickupCode, generatePickupCode, hashPickupCode, type PickupCodeKeys } from "@/lib/pickup-codes/code";
import { issueSignedToken, isSignedTokenFor, readSignedToken, type TokenClaim } from "@/lib/pickup-codes/signed-token";

/*
 * Drop-off codes are pickup codes (decision 0001) in another table: 6 random digits unique
 * among the site's open drop-off codes, entered with the last 4 digits of the sender's
 * phone, stored as a keyed hash and an encrypted copy, and entered at the same kiosks under
 * the same guessing limits (the attempts share pickup_attempts). A kiosk tests a typed code
 * against one screen's codes — pickup or drop-off — so the guess bound of decision 0001 holds
 * as long as a site has no more open drop-off codes than the figure it was computed for.
 */

/** How long a drop-off code (and its QR) opens a door. */
export const DROP_OFF_CODE_TTL_MS = 24 * 3_600_000;

/** The open drop-off codes a site may have at once: decision 0001's figure was computed for 500 live codes. */
export const MAX_OPEN_DROP_OFF_CODES = 500;

export type IssuedCode = { code: string; hash: string; cipher: string };

/** A fresh drop-off code no open shipment of the site holds; the partial unique index is the last word. */
export function issueDropOffCode(ctx: Ctx, siteId: number): IssuedCode {
  const open = ctx.db.$client
    .prepare(`select count(*) from outbound_parcels where site_id = ? and state in ${OUTBOUND_CODE_STATES_SQL}`)
    .pluck()
    .get(siteId) as number;
  if (open >= MAX_OPEN_DROP_OFF_CODES) {
    throw new DomainError("CONFLICT", "stationTakesNoMoreShipments");
  }
  const taken = ctx.db.$client.prepare(
    `select 1 from outbound_parcels where site_id = ? and drop_off_code_hash = ? and state in ${OUTBOUND_CODE_STATES_SQL}`,
  );
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = generatePickupCode();
    const hash = hashPickupCode(ctx.keys, siteId, code);
    if (!taken.get(siteId, hash)) return { code, hash, cipher: encryptPickupCode(ctx.keys, code) };
  }
  throw new Error(`Could not draw a free drop-off code at site ${siteId}`);
}

/*
 * The QR beside the code: a token signed for one shipment and its current code
 * (lib/pickup-codes/signed-token.ts, purpose "drop-off-qr-v1"), as the pickup QR is. It
 * lives as long as the code.
 */
const PURPOSE = "drop-off-qr-v1";

export function issueDropOffQrToken(keys: PickupCodeKeys, shipment: { id: number; dropOffCodeHash: string; codeExpiresAt: number }): string {
  return issueSignedToken(keys, PURPOSE, { id: shipment.id, expiresAt: shipment.codeExpiresAt, bound: shipment.dropOffCodeHash });
}

export type DropOffQrClaim = TokenClaim;

export const readDropOffQrToken = readSignedToken;

export function isDropOffTokenFor(keys: PickupCodeKeys, claim: DropOffQrClaim, codeHash: string): boolean {
  return isSignedTokenFor(keys, PURPOSE, claim, { id: claim.id, expiresAt: claim.expiresAt, bound: codeHash });
}
