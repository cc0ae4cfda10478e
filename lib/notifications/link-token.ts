import "server-only";
import crypto from "node:crypto";
import type { PickupCodeKeys } from "@/lib/pickup-codes/code";

/*
 * A link in a text message carries a token the server signed for one row and one purpose
 * (the same scheme as the pickup QR, lib/pickup-codes/qr-token.ts):
 *
 *   <row id, base 36>.<expires at, base 36>.<HMAC-SHA256, first 16 bytes, hex>
 *
 * It is derived from the row, so the outbox renders it at send time and the database holds
 * no working link. The purpose is part of what is signed: a consent link's token opens no
 * trusted person's page, and the reverse. Keyed with the pickup-code look-up key.
 */

export type LinkPurpose = "consent-answer-v1" | "trusted-decline-v1";

/** What a token is signed for: the row, until when, and the phone the text went to. */
export type LinkSubject = { id: number; expiresAt: number; phone: string };

function mac(keys: PickupCodeKeys, purpose: LinkPurpose, subject: LinkSubject): string {
  return crypto
    .createHmac("sha256", keys.hmacKey)
    .update(`${purpose}\0${subject.id}\0${subject.expiresAt}\0${subject.phone}`)
    .digest()
    .subarray(0, 16)
    .toString("hex");
}

export function issueLinkToken(keys: PickupCodeKeys, purpose: LinkPurpose, subject: LinkSubject): string {
  return `${subject.id.toString(36)}.${subject.expiresAt.toString(36)}.${mac(keys, purpose, subject)}`;
}

export type LinkTokenClaim = { id: number; expiresAt: number; mac: string };

/** What a token names, read without trusting it yet; null when it is not shaped like one. */
export function readLinkToken(token: string): LinkTokenClaim | null {
  const match = /^([0-9a-z]{1,11})\.([0-9a-z]{1,11})\.([0-9a-f]{32})$/.exec(token.trim().toLowerCase());
  if (!match) return null;
  const id = parseInt(match[1], 36);
  const expiresAt = parseInt(match[2], 36);
  if (!Number.isSafeInteger(id) || id <= 0 || !Number.isSafeInteger(expiresAt)) return null;
  return { id, expiresAt, mac: match[3] };
}

/** Whether the claim was signed by us for this purpose and subject (constant time). */
export function isLinkTokenFor(keys: PickupCodeKeys, purpose: LinkPurpose, claim: LinkTokenClaim, subject: LinkSubject): boolean {
  if (claim.id !== subject.id || claim.expiresAt !== subject.expiresAt) return false;
  const expected = Buffer.from(mac(keys, purpose, subject), "hex");
  const given = Buffer.from(claim.mac, "hex");
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
