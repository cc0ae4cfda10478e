import type { Metadata } from "next";
import Link from "next/link";
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
import { collectAtKioskAction, startScreenPairingAction } from "./actions";

// The door grid is live: never served from a cache.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ site: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // The title needs only the site; the screen's token is checked once, by the page.
  const site = kioskSiteByCode(requestedSiteCode((await params).site));
  return { title: site ? `${site.name} · Locker` : "Locker" };
}

export default async function KioskPage({ params }: Props) {
  const requested = requestedSiteCode((await params).site);
  const kiosk = kioskContext(requested, await kioskDeviceToken());
  if (!kiosk) notFound();
  if (requested !== kiosk.site.code) redirect(`/kiosk/${encodeURIComponent(kiosk.site.code)}`);
  const { site, ctx, pairing } = kiosk;

  return (
    <>
      <KioskHeader
        site={site}
        action={
          ctx ? (
            // The outbound direction (decision 0013) lives on its own screen: components/kiosk/send.
            <Link href={`/kiosk/${encodeURIComponent(site.code)}/send`} className={buttonClass("secondary", "min-h-14 text-lg")}>
              Send a parcel
            </Link>
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
        Parcel Lockers · Help: ask at the station desk or call the number on the locker
      </footer>
    </>
  );
}
