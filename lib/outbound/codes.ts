import "server-only";
import crypto from "node:crypto";
import { OUTBOUND_CODE_STATES_SQL } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { encryptPickupCode, generatePickupCode, hashPickupCode, type PickupCodeKeys } from "@/lib/pickup-codes/code";

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
 * The QR beside the code: a token signed for one shipment and its current code, as the
 * pickup QR is (lib/pickup-codes/qr-token.ts), under its own label so no pickup token is
 * ever a drop-off token. It lives as long as the code.
 *
 *   <shipment id, base 36>.<expires at, base 36>.<HMAC-SHA256, first 16 bytes, hex>
 */
const LABEL = "drop-off-qr-v1";

function mac(keys: PickupCodeKeys, id: number, expiresAt: number, codeHash: string): string {
  return crypto.createHmac("sha256", keys.hmacKey).update(`${LABEL}\0${id}\0${expiresAt}\0${codeHash}`).digest().subarray(0, 16).toString("hex");
}

export function issueDropOffQrToken(keys: PickupCodeKeys, shipment: { id: number; dropOffCodeHash: string; codeExpiresAt: number }): string {
  const { id, codeExpiresAt, dropOffCodeHash } = shipment;
  return `${id.toString(36)}.${codeExpiresAt.toString(36)}.${mac(keys, id, codeExpiresAt, dropOffCodeHash)}`;
}

export type DropOffQrClaim = { id: number; expiresAt: number; mac: string };

export function readDropOffQrToken(token: string): DropOffQrClaim | null {
  const match = /^([0-9a-z]{1,11})\.([0-9a-z]{1,11})\.([0-9a-f]{32})$/.exec(token.trim().toLowerCase());
  if (!match) return null;
  const id = parseInt(match[1], 36);
  const expiresAt = parseInt(match[2], 36);
  if (!Number.isSafeInteger(id) || id <= 0 || !Number.isSafeInteger(expiresAt)) return null;
  return { id, expiresAt, mac: match[3] };
}

export function isDropOffTokenFor(keys: PickupCodeKeys, claim: DropOffQrClaim, codeHash: string): boolean {
  const expected = Buffer.from(mac(keys, claim.id, claim.expiresAt, codeHash), "hex");
  const given = Buffer.from(claim.mac, "hex");
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
