import "server-only";
import crypto from "node:crypto";
import type { PickupCodeKeys } from "./code";

/*
 * One scheme for every token the server signs for one row and one purpose: the pickup QR
 * (decision 0001), the drop-off QR, and the links in text messages (consent answers, a
 * trusted person's "I can't collect it").
 *
 *   <row id, base 36>.<expires at, base 36>.<HMAC-SHA256, first 16 bytes, hex>
 *
 * A token is derived from its row, so nothing working is stored, and forging one means
 * forging a 128-bit HMAC (so a kiosk never counts a QR as a guess). The purpose is part of
 * what is signed: no pickup token is a drop-off token, no consent link opens a trusted
 * person's page. `bound` is what else the token dies with: the current code's hash (a code
 * issued again kills the QRs of the old one) or the phone the text went to. Keyed with the
 * pickup-code look-up key, under the purpose's label, so no token is ever a code hash.
 */

export type TokenPurpose = "pickup-qr-v1" | "drop-off-qr-v1" | "consent-answer-v1" | "trusted-decline-v1";

/** What a token is signed for: the row, until when, and what else it is bound to. */
export type TokenSubject = { id: number; expiresAt: number; bound: string };

function mac(keys: PickupCodeKeys, purpose: TokenPurpose, subject: TokenSubject): string {
  return crypto
    .createHmac("sha256", keys.hmacKey)
    .update(`${purpose}\0${subject.id}\0${subject.expiresAt}\0${subject.bound}`)
    .digest()
    .subarray(0, 16)
    .toString("hex");
}

export function issueSignedToken(keys: PickupCodeKeys, purpose: TokenPurpose, subject: TokenSubject): string {
  return `${subject.id.toString(36)}.${subject.expiresAt.toString(36)}.${mac(keys, purpose, subject)}`;
}

export type TokenClaim = { id: number; expiresAt: number; mac: string };

/** What a token names, read without trusting it yet; null when it is not shaped like one. */
export function readSignedToken(token: string): TokenClaim | null {
  const match = /^([0-9a-z]{1,11})\.([0-9a-z]{1,11})\.([0-9a-f]{32})$/.exec(token.trim().toLowerCase());
  if (!match) return null;
  const id = parseInt(match[1], 36);
  const expiresAt = parseInt(match[2], 36);
  if (!Number.isSafeInteger(id) || id <= 0 || !Number.isSafeInteger(expiresAt)) return null;
  return { id, expiresAt, mac: match[3] };
}

/** Whether the claim was signed by us for this purpose and subject (constant time). Expiry is the caller's to check. */
export function isSignedTokenFor(keys: PickupCodeKeys, purpose: TokenPurpose, claim: TokenClaim, subject: TokenSubject): boolean {
  if (claim.id !== subject.id || claim.expiresAt !== subject.expiresAt) return false;
  const expected = Buffer.from(mac(keys, purpose, subject), "hex");
  const given = Buffer.from(claim.mac, "hex");
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
