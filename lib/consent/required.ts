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

const WHY: Record<ConsentDecision["because"], string> = {
  standing: "The recipient asked to be asked before a locker is used.",
  exception: "The recipient's preferences ask for this carrier or time to be checked first.",
  away: "The recipient is away and asked couriers to hold their parcels.",
  no_preference: "This network asks every recipient before a locker is used.",
};

export function consentRequiredError(required: ConsentRequired): DomainError<ConsentRequiredDetails> {
  const { request, decision } = required;
  const outcome = decision.outcome === "refuse" ? "refuse" : "ask";
  const lead =
    request.status === "in_person"
      ? "The recipient asked for this parcel to be brought to them."
      : request.status === "call_me"
        ? "The recipient asked you to call them about this parcel."
        : outcome === "refuse"
          ? `No locker for this recipient without their consent. ${WHY[decision.because]}`
          : `The recipient has not agreed to a locker yet. ${WHY[decision.because]}`;
  return new DomainError("CONSENT_REQUIRED", lead, {
    requestId: request.id,
    parcelId: required.parcelId,
    status: request.status,
    outcome,
    because: decision.because,
    sent: request.sentAt !== null,
    expiresAt: request.expiresAt,
  });
}
