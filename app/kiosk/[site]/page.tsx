import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import Link from "next/link";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { notFound, redirect } from "next/navigation";
import { buttonClass } from "@/components/ui/button";
import { KioskHeader } from "@/components/kiosk/kiosk-header";
import { KioskScreen } from "@/components/kiosk/kiosk-screen";
import { kioskContext, kioskSiteByCode } from "@/lib/kiosk/context";
import { requestedSiteCode } from "./site-code";
import { kioskDeviceToken } from "@/lib/kiosk/device-cookie";
import { requestLocale } from "@/lib/i18n/request-locale";
import { kioskStartState } from "@/lib/kiosk/errors";
import { ScreenPairing } from "@/components/kiosk/screen-pairing";
import { siteDoorGrid } from "@/lib/kiosk/door-grid";
import { KIOSK_LOCALE_COOKIE } from "@/lib/kiosk/locale";
import { siteTakesOutbound } from "@/lib/outbound/settings";
import { chooseKioskLocaleAction, collectAtKioskAction, endKioskLanguageChoiceAction, startScreenPairingAction } from "./actions";

// The door grid is live: never served from a cache.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ site: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // The title needs only the site; the screen's token is checked once, by the page.
  const site = kioskSiteByCode(requestedSiteCode((await params).site));
  const t = await getTranslations("kiosk");
  return { title: site ? t("titleAt", { site: site.name }) : t("title") };
}

export default async function KioskPage({ params }: Props) {
  const requested = requestedSiteCode((await params).site);
  const kiosk = kioskContext(requested, await kioskDeviceToken());
  if (!kiosk) notFound();
  if (requested !== kiosk.site.code) redirect(`/kiosk/${encodeURIComponent(kiosk.site.code)}`);
  const { site, ctx, pairing } = kiosk;
  const [t, brand, cookieStore] = await Promise.all([getTranslations("kiosk"), getTranslations("common"), cookies()]);
  // A customer chose a language for their visit: the screen ends that choice when the visit ends.
  const languageChosen = cookieStore.has(KIOSK_LOCALE_COOKIE);

  return (
    <>
      <KioskHeader
        site={site}
        action={
          ctx ? (
            <>
              {/* One touch for the other language, named in that language (decision 0011). */}
              <LanguageSwitch
                action={chooseKioskLocaleAction}
                className="min-h-14 whitespace-nowrap rounded-2xl border-2 border-white px-4 text-lg font-semibold text-white hover:bg-brand-800 focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-white"
              />
              {/* The outbound direction (decision 0013) lives on its own screen: components/kiosk/send; offered only where it can work. */}
              {siteTakesOutbound(ctx, site.id) ? (
                <Link href={`/kiosk/${encodeURIComponent(site.code)}/send`} className={buttonClass("secondary", "min-h-14 text-lg")}>
                  {t("sendParcel")}
                </Link>
              ) : null}
            </>
          ) : null
        }
      />
      <main className="flex flex-1 flex-col">
        {ctx ? (
          <KioskScreen
            siteCode={site.code}
            lockers={siteDoorGrid(ctx, site.id)}
            collect={collectAtKioskAction.bind(null, site.code)}
            initial={kioskStartState(ctx, await requestLocale())}
            endLanguageChoice={languageChosen ? endKioskLanguageChoiceAction : undefined}
          />
        ) : (
          <ScreenPairing
            siteName={site.name}
            pairing={pairing}
            start={startScreenPairingAction.bind(null, site.code)}
          />
        )}
      </main>
      <footer className="px-6 pb-4 text-center text-sm text-gray-700">
        {brand("brand")} · {t("help")}
      </footer>
    </>
  );
}
