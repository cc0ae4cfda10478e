import "server-only";
import type { DepositState, SiteFullNotice } from "@/components/courier/deposit-state";
import { isDomainError } from "@/lib/errors";
import { errorState } from "@/lib/forms/errors";
import type { ConsentRequiredDetails } from "@/lib/consent/required";
import type { Locale } from "@/lib/i18n/locales";
import { errorWords } from "@/lib/error-words";
import { translateKey } from "@/lib/i18n/translate";

/**
 * errorState, plus what the courier's forms show beside it: a tracking number that is taken
 * (CONFLICT) next to the tracking field, and a full site's nearest alternatives (or, for a
 * recipient who needs a door within reach, the nearest sites with one free).
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
  if (error.code === "SITE_FULL" || error.code === "NO_DOOR_WITHIN_REACH") return { ...state, siteFull: error.details as SiteFullNotice };
  if (error.code === "CONSENT_REQUIRED") return { ...state, consent: error.details as ConsentRequiredDetails };
  return state;
}
