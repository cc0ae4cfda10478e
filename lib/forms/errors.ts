import "server-only";
import { isDomainError } from "@/lib/errors";
import type { FieldErrors, FormState } from "./state";

/**
 * Turns anything a verb threw into form state: a DomainError's own words, or — for
 * anything unexpected — a generic message, with the error logged and never shown.
 */
export function errorState(error: unknown, values: Record<string, string>): FormState {
  if (isDomainError(error)) {
    const details = (error.details ?? {}) as { fieldErrors?: FieldErrors };
    return { status: "error", message: error.message, fieldErrors: details.fieldErrors ?? {}, values };
  }
  console.error("Unexpected error in a form action:", error);
  return {
    status: "error",
    message: "Something went wrong on our side. Nothing was changed; please try again.",
    fieldErrors: {},
    values,
  };
}
