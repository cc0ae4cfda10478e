import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { hashToken } from "@/lib/auth/api-tokens";
import { db as appDb } from "@/lib/db";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";

/*
 * A kiosk speaks its site's language (sites.default_locale, else its organization's), not
 * the language of the browser it runs in: the browser belongs to the wall, not to the
 * customer standing at it. A customer may switch for their own visit; the choice lives in
 * KIOSK_LOCALE_COOKIE, which like the device cookie is sent only to /kiosk pages, and the
 * screen's idle reset (or "Done") deletes it. Decision 0011 says why a cookie.
 */

/** The current customer's language at a kiosk screen; deleted when their visit ends. */
export const KIOSK_LOCALE_COOKIE = "kiosk_locale";

/**
 * Backstop only: the idle reset deletes the cookie, but a screen whose script died would
 * otherwise keep one customer's language for the next.
 */
export const KIOSK_LOCALE_MAX_AGE_SECONDS = 10 * 60;

/** The customer's choice for this visit, else the site's default, else the product's. */
export function kioskLocale(screen: { chosen?: string | null; siteDefault?: string | null }): Locale {
  if (isLocale(screen.chosen)) return screen.chosen;
  if (isLocale(screen.siteDefault)) return screen.siteDefault;
  return DEFAULT_LOCALE;
}

/**
 * The default language of the site whose kiosk holds `deviceToken` (a live kiosk token),
 * or null when the token pairs this browser with no kiosk: then the request is not a
 * kiosk's and is resolved like anyone's. Read-only (the page's own token check records use).
 */
export function kioskSiteLocale(deviceToken: string, db: Db = appDb()): Locale | null {
  const row = db.get<{ locale: string | null }>(sql`
    select coalesce(s.default_locale, o.default_locale) as locale
    from api_tokens t
    join kiosks k on k.id = t.kiosk_id
    join sites s on s.id = k.site_id
    join organizations o on o.id = s.organization_id
    where t.token_hash = ${hashToken(deviceToken)} and t.scope = 'kiosk' and t.revoked_at is null`);
  if (!row) return null;
  return isLocale(row.locale) ? row.locale : DEFAULT_LOCALE;
}

/**
 * The default language of the site a kiosk address names (`/kiosk/[site]`), whatever the
 * screen's pairing: what a screen unpaired since its page loaded still speaks, so its
 * answer comes in the language of the page around it. Null for no such site.
 */
export function kioskSiteCodeLocale(siteCode: string, db: Db = appDb()): Locale | null {
  const row = db.get<{ locale: string | null }>(sql`
    select coalesce(s.default_locale, o.default_locale) as locale
    from sites s
    join organizations o on o.id = s.organization_id
    where s.code = ${siteCode.trim().toUpperCase()}`);
  if (!row) return null;
  return isLocale(row.locale) ? row.locale : DEFAULT_LOCALE;
}
