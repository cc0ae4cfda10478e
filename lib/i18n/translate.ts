import { createTranslator } from "use-intl/core";
import type { Locale } from "./locales";
import { MESSAGES } from "./messages";

/*
 * A translator outside React: for the domain's English log text, the API, the message
 * templates and the CSV export — every place that words something for a known language
 * without a request's next-intl context.
 */

export type MessageParams = Record<string, string | number>;

const translators = new Map<Locale, ReturnType<typeof translatorOf>>();

function translatorOf(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}

export function translator(locale: Locale) {
  let t = translators.get(locale);
  if (!t) {
    t = translatorOf(locale);
    translators.set(locale, t);
  }
  return t;
}

/**
 * One message by its full key ("errors.siteFull") for keys chosen at run time (a domain
 * error's), where the typed `t` cannot check them at compile time; messages.test.ts checks
 * that every key the code names exists.
 */
export function translateKey(locale: Locale, key: string, params?: MessageParams): string {
  return (translator(locale) as unknown as (key: string, params?: MessageParams) => string)(key, params);
}
