import "server-only";
import type { PickupCodeKeys } from "@/lib/pickup-codes/code";
import { issueSignedToken, isSignedTokenFor, readSignedToken } from "@/lib/pickup-codes/signed-token";

/*
 * The link in a consent request's text (lib/pickup-codes/signed-token.ts, purpose
 * "consent-answer-v1"). Single use comes from the request row: an answered request takes
 * no second answer.
 */

const PURPOSE = "consent-answer-v1";

type ConsentRequestSubject = { id: number; expiresAt: number; recipientPhone: string };

export function issueConsentToken(keys: PickupCodeKeys, request: ConsentRequestSubject): string {
  return issueSignedToken(keys, PURPOSE, { id: request.id, expiresAt: request.expiresAt, bound: request.recipientPhone });
}

export type ConsentTokenClaim = { requestId: number; expiresAt: number; mac: string };

/** What a token names, read without trusting it yet; null when it is not shaped like one. */
export function readConsentToken(token: string): ConsentTokenClaim | null {
  const claim = readSignedToken(token);
  return claim ? { requestId: claim.id, expiresAt: claim.expiresAt, mac: claim.mac } : null;
}

/** Whether the claim was signed by us for this request (constant time). */
export function isConsentTokenFor(keys: PickupCodeKeys, claim: ConsentTokenClaim, request: ConsentRequestSubject): boolean {
  return isSignedTokenFor(keys, PURPOSE, { id: claim.requestId, expiresAt: claim.expiresAt, mac: claim.mac }, {
    id: request.id,
    expiresAt: request.expiresAt,
    bound: request.recipientPhone,
  });
}
