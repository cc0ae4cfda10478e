import "server-only";
import { isDomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { errorWords, fieldErrorWords, unexpectedWords } from "@/lib/error-words";
import type { FormState } from "./state";

/**
 * Turns anything a verb threw into form state in the person's language: a DomainError's
 * own words, or — for anything unexpected — a generic message, with the error logged and
 * never shown.
 */
export function errorState(error: unknown, values: Record<string, string>, locale: Locale): FormState {
  if (isDomainError(error)) {
    return { status: "error", message: errorWords(error, locale), fieldErrors: fieldErrorWords(error, locale), values };
  }
  console.error("Unexpected error in a form action:", error);
  return { status: "error", message: unexpectedWords(locale), fieldErrors: {}, values };
}
