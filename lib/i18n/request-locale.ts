import "server-only";
import { getLocale } from "next-intl/server";
import { isLocale, DEFAULT_LOCALE, type Locale } from "./locales";

/** This request's language, as app/_i18n/request.ts resolved it (pages, actions, route handlers). */
export async function requestLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}
