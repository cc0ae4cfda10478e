import "server-only";
import { DomainError } from "@/lib/errors";
import type { ConsentDecision } from "./rule";
import type { ConsentRequestRow } from "./settle";

/** What a CONSENT_REQUIRED answer carries: the request to poll and why it was needed. */
export type ConsentRequiredDetails = {
  requestId: number;
  parcelId: number;
  /** pending, or the recipient's answer so far (in_person, call_me). */
  status: ConsentRequestRow["status"];
  /** "ask": the recipient wants to be asked; "refuse": they said no locker (or are away). */
  outcome: Exclude<ConsentDecision["outcome"], "allowed">;
  because: ConsentDecision["because"];
  /** Whether the text with the answer link has been queued. */
  sent: boolean;
  expiresAt: number;
};

export type ConsentRequired = { request: ConsentRequestRow; parcelId: number; decision: ConsentDecision };

export function consentRequiredError(required: ConsentRequired): DomainError<ConsentRequiredDetails> {
  const { request, decision } = required;
  const outcome = decision.outcome === "refuse" ? "refuse" : "ask";
  const key =
    request.status === "in_person"
      ? "consentInPerson"
      : request.status === "call_me"
        ? "consentCallMe"
        : outcome === "refuse"
          ? "consentRefused"
          : "consentNotYet";
  return new DomainError("CONSENT_REQUIRED", key, {
    params: { because: decision.because },
    details: {
      requestId: request.id,
      parcelId: required.parcelId,
      status: request.status,
      outcome,
      because: decision.because,
      sent: request.sentAt !== null,
      expiresAt: request.expiresAt,
    },
  });
}
