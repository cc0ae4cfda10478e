import "server-only";
import { cookies } from "next/headers";
import { translateKey } from "@/lib/i18n/translate";
import { KIOSK_LOCALE_COOKIE, kioskLocale, kioskSiteCodeLocale } from "@/lib/kiosk/locale";

/**
 * What a kiosk screen says when it acts but is no longer paired (an admin unpaired it since
 * its page loaded): in the language of the page around it — the customer's choice, else the
 * address's site's — not in the browser's, which is all the request's language falls back to
 * once the screen's token is revoked (app/_i18n/request.ts).
 */
export async function notPairedMessage(siteCode: string): Promise<string> {
  const chosen = (await cookies()).get(KIOSK_LOCALE_COOKIE)?.value;
  return translateKey(kioskLocale({ chosen, siteDefault: kioskSiteCodeLocale(siteCode) }), "kiosk.notPaired");
}
