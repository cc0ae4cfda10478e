import "server-only";
import type { DepositState } from "@/components/courier/deposit-state";
import { isDomainError } from "@/lib/errors";
import { errorState } from "@/lib/forms/errors";
import type { ConsentRequiredDetails } from "@/lib/consent/required";
import type { Locale } from "@/lib/i18n/locales";
import { errorWords } from "@/lib/error-words";
import { translateKey } from "@/lib/i18n/translate";
import type { SiteFullDetails } from "@/lib/parcels/reserve";

/**
 * errorState, plus what the courier's forms show beside it: a tracking number that is taken
 * (CONFLICT) next to the tracking field, and a full site's nearest alternatives.
 */
export function depositErrorState(error: unknown, values: Record<string, string>, locale: Locale): DepositState {
  const state = errorState(error, values, locale);
  if (state.status !== "error" || !isDomainError(error)) return state;
  if (error.code === "CONFLICT") {
    return {
      ...state,
      message: translateKey(locale, "courier.form.checkTracking"),
      fieldErrors: { ...state.fieldErrors, trackingNumber: [errorWords(error, locale)] },
    };
  }
  if (error.code === "SITE_FULL") return { ...state, siteFull: error.details as SiteFullDetails };
  if (error.code === "CONSENT_REQUIRED") return { ...state, consent: error.details as ConsentRequiredDetails };
  return state;
}
