import "server-only";
import crypto from "node:crypto";
import type { PickupCodeKeys } from "./code";

/*
 * What the customer's pickup QR carries (decision 0001): not the code and phone digits, but
 * a token the server signed for one parcel, good for QR_TOKEN_TTL_MS. It is not a guess —
 * forging one means forging a 128-bit HMAC — so the kiosk never slows it down, and a
 * guesser who slows a kiosk down does not keep the customers with their QR out.
 *
 *   <parcel id, base 36>.<expires at, base 36>.<HMAC-SHA256, first 16 bytes, hex>
 *
 * The HMAC covers the parcel's pickup-code hash too, so a code issued again kills the QRs
 * of the old one. Keyed with the pickup-code look-up key under its own label, so no token
 * is ever a valid code hash or the other way round.
 */

/** How long a QR shown on the customer's phone opens the door; the page shows a fresh one each time it loads. */
export const QR_TOKEN_TTL_MS = 15 * 60_000;

const LABEL = "pickup-qr-v1";

function mac(keys: PickupCodeKeys, parcelId: number, expiresAt: number, pickupCodeHash: string): string {
  return crypto
    .createHmac("sha256", keys.hmacKey)
    .update(`${LABEL}\0${parcelId}\0${expiresAt}\0${pickupCodeHash}`)
    .digest()
    .subarray(0, 16)
    .toString("hex");
}

export function issuePickupQrToken(keys: PickupCodeKeys, parcel: { id: number; pickupCodeHash: string }, now: number): string {
  const expiresAt = now + QR_TOKEN_TTL_MS;
  return `${parcel.id.toString(36)}.${expiresAt.toString(36)}.${mac(keys, parcel.id, expiresAt, parcel.pickupCodeHash)}`;
}

export type QrTokenClaim = { parcelId: number; expiresAt: number; mac: string };

/** The parcel and expiry a token names, read without trusting it yet; null when it is not shaped like one. */
export function readPickupQrToken(token: string): QrTokenClaim | null {
  const match = /^([0-9a-z]{1,11})\.([0-9a-z]{1,11})\.([0-9a-f]{32})$/.exec(token.trim().toLowerCase());
  if (!match) return null;
  const parcelId = parseInt(match[1], 36);
  const expiresAt = parseInt(match[2], 36);
  if (!Number.isSafeInteger(parcelId) || parcelId <= 0 || !Number.isSafeInteger(expiresAt)) return null;
  return { parcelId, expiresAt, mac: match[3] };
}

/** Whether `claim` was signed by us for this parcel's current code (constant time). Expiry is the caller's to check. */
export function isSignedFor(keys: PickupCodeKeys, claim: QrTokenClaim, pickupCodeHash: string): boolean {
  const expected = Buffer.from(mac(keys, claim.parcelId, claim.expiresAt, pickupCodeHash), "hex");
  const given = Buffer.from(claim.mac, "hex");
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
