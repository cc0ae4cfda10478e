import "server-only";
import crypto from "node:crypto";
import type { PickupCodeKeys } from "@/lib/pickup-codes/code";

/*
 * The link in a consent request's text carries a token the server signed for that one
 * request (the same scheme as the pickup QR, lib/pickup-codes/qr-token.ts):
 *
 *   <request id, base 36>.<expires at, base 36>.<HMAC-SHA256, first 16 bytes, hex>
 *
 * It is derived from the request row, so the outbox renders it at send time and the
 * database holds no working link. Single use comes from the row: an answered request
 * takes no second answer. Keyed with the pickup-code look-up key under its own label.
 */

const LABEL = "consent-answer-v1";

function mac(keys: PickupCodeKeys, requestId: number, expiresAt: number, phone: string): string {
  return crypto
    .createHmac("sha256", keys.hmacKey)
    .update(`${LABEL}\0${requestId}\0${expiresAt}\0${phone}`)
    .digest()
    .subarray(0, 16)
    .toString("hex");
}

export function issueConsentToken(keys: PickupCodeKeys, request: { id: number; expiresAt: number; recipientPhone: string }): string {
  return `${request.id.toString(36)}.${request.expiresAt.toString(36)}.${mac(keys, request.id, request.expiresAt, request.recipientPhone)}`;
}

export type ConsentTokenClaim = { requestId: number; expiresAt: number; mac: string };

/** What a token names, read without trusting it yet; null when it is not shaped like one. */
export function readConsentToken(token: string): ConsentTokenClaim | null {
  const match = /^([0-9a-z]{1,11})\.([0-9a-z]{1,11})\.([0-9a-f]{32})$/.exec(token.trim().toLowerCase());
  if (!match) return null;
  const requestId = parseInt(match[1], 36);
  const expiresAt = parseInt(match[2], 36);
  if (!Number.isSafeInteger(requestId) || requestId <= 0 || !Number.isSafeInteger(expiresAt)) return null;
  return { requestId, expiresAt, mac: match[3] };
}

/** Whether the claim was signed by us for this request (constant time). */
export function isConsentTokenFor(
  keys: PickupCodeKeys,
  claim: ConsentTokenClaim,
  request: { id: number; expiresAt: number; recipientPhone: string },
): boolean {
  if (claim.requestId !== request.id || claim.expiresAt !== request.expiresAt) return false;
  const expected = Buffer.from(mac(keys, request.id, request.expiresAt, request.recipientPhone), "hex");
  const given = Buffer.from(claim.mac, "hex");
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
