import "server-only";
import type { PickupCodeKeys } from "./code";
import { issueSignedToken, isSignedTokenFor, readSignedToken } from "./signed-token";

/*
 * What the customer's pickup QR carries (decision 0001): not the code and phone digits, but
 * a token the server signed for one parcel, good for QR_TOKEN_TTL_MS. It is not a guess —
 * forging one means forging a 128-bit HMAC — so the kiosk never slows it down, and a
 * guesser who slows a kiosk down does not keep the customers with their QR out.
 *
 * The token (lib/pickup-codes/signed-token.ts, purpose "pickup-qr-v1") is bound to the
 * parcel's pickup-code hash, so a code issued again kills the QRs of the old one.
 */

/** How long a QR shown on the customer's phone opens the door; the page shows a fresh one each time it loads. */
export const QR_TOKEN_TTL_MS = 15 * 60_000;

const PURPOSE = "pickup-qr-v1";

export function issuePickupQrToken(keys: PickupCodeKeys, parcel: { id: number; pickupCodeHash: string }, now: number): string {
  return issueSignedToken(keys, PURPOSE, { id: parcel.id, expiresAt: now + QR_TOKEN_TTL_MS, bound: parcel.pickupCodeHash });
}

export type QrTokenClaim = { parcelId: number; expiresAt: number; mac: string };

/** The parcel and expiry a token names, read without trusting it yet; null when it is not shaped like one. */
export function readPickupQrToken(token: string): QrTokenClaim | null {
  const claim = readSignedToken(token);
  return claim ? { parcelId: claim.id, expiresAt: claim.expiresAt, mac: claim.mac } : null;
}

/** Whether `claim` was signed by us for this parcel's current code (constant time). Expiry is the caller's to check. */
export function isSignedFor(keys: PickupCodeKeys, claim: QrTokenClaim, pickupCodeHash: string): boolean {
  return isSignedTokenFor(keys, PURPOSE, { id: claim.parcelId, expiresAt: claim.expiresAt, mac: claim.mac }, {
    id: claim.parcelId,
    expiresAt: claim.expiresAt,
    bound: pickupCodeHash,
  });
}
