// Client-safe: browser code imports this (CLIENT_SAFE_MODULES, eslint.config.mjs); it imports only client-safe modules.
import { DEFAULT_LOCALE, LOCALES } from "@/db/enums";

/*
 * The languages the product speaks. Chinese first: the network serves Chinese campuses,
 * and a campus that has set nothing gets Chinese (DEFAULT_LOCALE). The list lives in
 * db/enums.ts because the schema's columns are checked against it.
 */

export { DEFAULT_LOCALE, LOCALES };
export type Locale = (typeof LOCALES)[number];

/** The cookie that remembers a person's choice before (and beside) their account. */
export const LOCALE_COOKIE = "locale";

/** Each language named in itself, so a person who cannot read the other one finds theirs. */
export const LOCALE_NAMES: Record<Locale, string> = { "zh-CN": "中文", en: "English" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
