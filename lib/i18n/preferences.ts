import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { db as appDb } from "@/lib/db";
import { isLocale, type Locale } from "./locales";

/*
 * Where the languages are kept: a person's choice on their account (users.locale), an
 * organization's default (organizations.default_locale), a site's (sites.default_locale,
 * for its kiosk and for recipients who have no account). Set by chooseLocale
 * (lib/people/locale-choice.ts); read by the request config
 * (app/_i18n/request.ts) and the message templates.
 */

export type LocaleFacts = { account: Locale | null; organization: Locale | null };

/**
 * A request's stored preferences: the person's own choice, and the default of their
 * organization — for customers (who belong to none) and visitors, the default of the
 * organization that runs this installation (its first).
 */
export function localeFacts(userId: number | null, db: Db = appDb()): LocaleFacts {
  const row = db.get<{ account: string | null; organization: string | null }>(sql`
    select u.locale as account,
           coalesce(
             (select o.default_locale from organizations o where o.id = u.organization_id),
             (select o.default_locale from sites s join organizations o on o.id = s.organization_id where s.id = u.preferred_site_id),
             (select default_locale from organizations order by id limit 1)
           ) as organization
    from (select 1) left join users u on u.id = ${userId ?? -1}`);
  return {
    account: isLocale(row?.account) ? row.account : null,
    organization: isLocale(row?.organization) ? row.organization : null,
  };
}

const RECIPIENT_LOCALE = `
    select coalesce(
      (select locale from users where id = ?),
      (select locale from users where phone = ? and phone_verified_at is not null and locale is not null),
      (select coalesce(s.default_locale, o.default_locale) from sites s join organizations o on o.id = s.organization_id where s.id = ?),
      (select default_locale from organizations order by id limit 1)
    ) as locale`;

/**
 * The language of a message to a recipient: their account's choice (the account named, or
 * the one whose confirmed phone the parcel is addressed to), else the default of the site
 * the message is about (its own, else its organization's), else the installation's.
 */
export function recipientLocale(db: Db, recipient: { userId: number | null; phone?: string | null; siteId: number | null }): Locale {
  // Plain SQL text, compiled once per connection (db/client.ts): every message runs it.
  const row = db.$client.prepare(RECIPIENT_LOCALE).get(recipient.userId ?? -1, recipient.phone ?? "", recipient.siteId ?? -1) as { locale: string | null } | undefined;
  return isLocale(row?.locale) ? row.locale : "zh-CN";
}

/** The stored languages behind a text's link: its person's own choice, and the default of the site the text was about. */
export type LinkLocaleFacts = { person: Locale | null; site: Locale | null };

/**
 * What a page reached from a text's link knows of its reader: the language of the account
 * whose confirmed phone the text went to (as recipientLocale finds it for the text itself),
 * and the default of the parcel's site (its own, else its organization's).
 */
export function linkLocaleFacts(db: Db, link: { phone: string; siteId: number }): LinkLocaleFacts {
  const row = db.get<{ person: string | null; site: string | null }>(sql`
    select
      (select locale from users where phone = ${link.phone} and phone_verified_at is not null and locale is not null) as person,
      (select coalesce(s.default_locale, o.default_locale) from sites s join organizations o on o.id = s.organization_id where s.id = ${link.siteId}) as site`);
  return {
    person: isLocale(row?.person) ? row.person : null,
    site: isLocale(row?.site) ? row.site : null,
  };
}
