import { fieldErrorWords } from "@/lib/error-words";
import { isDomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A search page's filters as its URL carries them: each named one given and not blank
 * (trimmed), as a query string to keep in links (pagination, export), and the page asked for.
 */
export function searchFilters(params: SearchParams, names: readonly string[]) {
  const query = new URLSearchParams();
  for (const name of names) {
    const value = params[name];
    if (typeof value === "string" && value.trim() !== "") query.set(name, value.trim());
  }
  const page = typeof params.page === "string" ? params.page : undefined;
  return { query, filters: Object.fromEntries(query), page };
}

/** The search's result, or the words of the filters it refused (INVALID) beside their fields. */
export function searchOrFieldErrors<R>(search: () => R, locale: Locale): { result: R | null; fieldErrors: Record<string, string[]> } {
  try {
    return { result: search(), fieldErrors: {} };
  } catch (error) {
    if (!isDomainError(error) || error.code !== "INVALID") throw error;
    return { result: null, fieldErrors: fieldErrorWords(error, locale) };
  }
}
