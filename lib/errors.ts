export const ERROR_CODES = [
  "INVALID",
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "CONFLICT",
  "INVALID_TRANSITION",
  "SITE_FULL",
  "SITE_CLOSED",
  "LOCKED_OUT",
  "WRONG_CODE",
  "PARCEL_EXPIRED",
  // The recipient has not agreed to a locker for this parcel (lib/consent): ask, attest, or deliver in person.
  "CONSENT_REQUIRED",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The one error family of the domain. `message` is written for the person who caused it;
 * `details` carries what an edge may render (field errors, alternative sites, a wait).
 */
export class DomainError<D = unknown> extends Error {
  readonly code: ErrorCode;
  readonly details: D | undefined;

  constructor(code: ErrorCode, message: string, details?: D) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** Refused access looks like absence (STYLE.md). */
export function notFound(what = "That parcel"): DomainError {
  return new DomainError("NOT_FOUND", `${what} was not found.`);
}
