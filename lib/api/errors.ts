import type { ErrorCode } from "@/lib/errors";

/** How each domain error reads over HTTP. Stable: clients branch on `error.code`. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID: 422,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  SITE_FULL: 409,
  NO_DOOR_WITHIN_REACH: 409,
  CONSENT_REQUIRED: 409,
  SITE_CLOSED: 409,
  LOCKED_OUT: 429,
  WRONG_CODE: 422,
  PARCEL_EXPIRED: 410,
};

/** Codes only the HTTP layer raises, beside the domain's (the OpenAPI document lists both). */
export const API_ONLY_CODES = [
  "BAD_REQUEST",
  "NO_ROUTE",
  "METHOD_NOT_ALLOWED",
  "RATE_LIMITED",
  "IDEMPOTENCY_KEY_REQUIRED",
  "IDEMPOTENCY_KEY_REUSED",
  "IDEMPOTENCY_IN_PROGRESS",
  "PAYLOAD_TOO_LARGE",
  "INTERNAL",
] as const;
export type ApiOnlyCode = (typeof API_ONLY_CODES)[number];

export type ApiErrorBody = { error: { code: ErrorCode | ApiOnlyCode; message: string; details?: unknown } };

export function errorBody(code: ErrorCode | ApiOnlyCode, message: string, details?: unknown): ApiErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
