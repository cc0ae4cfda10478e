import "server-only";
import { isDomainError, wordFields, type DomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { translateKey } from "@/lib/i18n/translate";

/*
 * The edges' one way to put a domain error into words: the form wrapper, the API and the
 * kiosk each call these with their caller's language. The verb only named the words.
 */

export function errorWords(error: DomainError, locale: Locale): string {
  return translateKey(locale, `errors.${error.key}`, error.params);
}

/** Each field's words in `locale`: the error's own wordings, else its details' text as it is. */
export function fieldErrorWords(error: DomainError, locale: Locale): Record<string, string[]> {
  if (error.fields) return wordFields(error.fields, locale);
  const details = (error.details ?? {}) as { fieldErrors?: Record<string, string[]> };
  return details.fieldErrors ?? {};
}

/** The error's details with their field errors in `locale` (the API returns details as they are otherwise). */
export function detailsInWords(error: DomainError, locale: Locale): unknown {
  if (!error.fields || typeof error.details !== "object" || error.details === null) return error.details;
  return { ...error.details, fieldErrors: fieldErrorWords(error, locale) };
}

/** What anything that is not a DomainError reads as: nothing about it, in the caller's language. */
export function unexpectedWords(locale: Locale, kiosk = false): string {
  return translateKey(locale, kiosk ? "errors.unexpectedKiosk" : "errors.unexpected");
}

export { isDomainError };
