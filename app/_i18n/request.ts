import "server-only";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentUser, requestContext } from "@/lib/auth/current";
import type { Ctx } from "@/lib/context";
import { KIOSK_DEVICE_COOKIE } from "@/lib/kiosk/devices";
import { KIOSK_LOCALE_COOKIE, kioskLocale, kioskSiteLocale } from "@/lib/kiosk/locale";
import { DEFAULT_TIME_ZONE } from "@/lib/time";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { PERSON_LINK_HEADER, readPersonLink, type PersonLinkKind } from "@/lib/i18n/person-link";
import { localeFacts, type LinkLocaleFacts } from "@/lib/i18n/preferences";
import { resolveLocale } from "@/lib/i18n/resolve";
import { consentLinkLocale } from "@/lib/parcels/consent-requests";
import { trustedLinkLocale } from "@/lib/trusted/decline-link";

/*
 * next-intl's request configuration (next.config.js points its plugin here). The language
 * is not in the URL: it is resolved per request from the account, the cookie, the
 * browser and the organization (lib/i18n/resolve.ts says in which order). A paired kiosk
 * screen is the exception: its device cookie is sent only to /kiosk pages, and there the
 * site's language rules, or the current customer's choice (lib/kiosk/locale.ts). A page
 * reached from a text's link (proxy.ts names it in PERSON_LINK_HEADER) also knows the language
 * of the person the text went to, and of the parcel's site (lib/i18n/person-link.ts).
 */

/** Each link's own module checks its token and names its person. */
const LINK_LOCALES: Record<PersonLinkKind, (ctx: Ctx, token: string) => LinkLocaleFacts | null> = {
  consent: consentLinkLocale,
  trusted: trustedLinkLocale,
};

export default getRequestConfig(async () => {
  const [user, cookieStore, headerList] = await Promise.all([currentUser(), cookies(), headers()]);
  const deviceToken = cookieStore.get(KIOSK_DEVICE_COOKIE)?.value;
  const siteDefault = deviceToken ? kioskSiteLocale(deviceToken) : null;
  if (siteDefault) {
    const locale = kioskLocale({ chosen: cookieStore.get(KIOSK_LOCALE_COOKIE)?.value, siteDefault });
    return { locale, messages: MESSAGES[locale], timeZone: DEFAULT_TIME_ZONE };
  }
  const facts = localeFacts(user?.userId ?? null);
  const link = readPersonLink(headerList.get(PERSON_LINK_HEADER));
  const linked = link ? LINK_LOCALES[link.kind](await requestContext(), link.token) : null;
  const locale = resolveLocale({
    account: facts.account,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    person: linked?.person,
    acceptLanguage: headerList.get("accept-language"),
    fallback: linked?.site ?? facts.organization,
  });
  // Our own formatters take each site's zone explicitly (lib/format.ts); this is only
  // next-intl's default, set so server and browser never disagree.
  return { locale, messages: MESSAGES[locale], timeZone: DEFAULT_TIME_ZONE };
});
