// Client-safe: browser code imports this (CLIENT_SAFE_MODULES, eslint.config.mjs); it imports only client-safe modules.
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "@/lib/i18n/locales";

/*
 * Which language a request is answered in, in the order issue 15 sets: the person's own
 * choice (kept on their account, or in a cookie before they sign in), else what their
 * browser asks for, else the organization's (or a kiosk's site's) default, else Chinese.
 * A page reached from a text's link without signing in is for the person the text was sent
 * to (lib/i18n/person-link.ts): their account's choice comes after the reader's own (account,
 * or the cookie the page's switch sets) and before the browser's.
 */

export type LocaleSources = {
  /** users.locale of the signed-in person. */
  account?: string | null;
  /** The LOCALE_COOKIE value. */
  cookie?: string | null;
  /** users.locale of the person a link page is for (the account whose confirmed phone the text went to). */
  person?: string | null;
  /** The raw Accept-Language header. */
  acceptLanguage?: string | null;
  /** organizations.default_locale (or the site's, for a kiosk or a link page about a parcel). */
  fallback?: string | null;
};

export function resolveLocale(sources: LocaleSources): Locale {
  if (isLocale(sources.account)) return sources.account;
  if (isLocale(sources.cookie)) return sources.cookie;
  if (isLocale(sources.person)) return sources.person;
  const asked = matchAcceptLanguage(sources.acceptLanguage);
  if (asked) return asked;
  if (isLocale(sources.fallback)) return sources.fallback;
  return DEFAULT_LOCALE;
}

/**
 * The best of our languages for an Accept-Language header, or null when it names none of
 * them. Any Chinese written in simplified script (zh, zh-CN, zh-SG, zh-Hans-*) reads
 * zh-CN; traditional script (zh-TW, zh-HK, zh-Hant) is not ours, so it falls through.
 */
export function matchAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag, ...parameters] = part.trim().split(";");
      const q = parameters.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.tag !== "" && range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    const locale = localeForTag(tag);
    if (locale) return locale;
  }
  return null;
}

function localeForTag(tag: string): Locale | null {
  const [language, ...rest] = tag.split("-");
  if (language === "en") return "en";
  if (language === "zh") {
    if (rest.length === 0) return "zh-CN";
    if (rest.includes("hant") || rest.includes("tw") || rest.includes("hk") || rest.includes("mo")) return null;
    return "zh-CN";
  }
  return LOCALES.find((locale) => locale.toLowerCase() === tag) ?? null;
}
