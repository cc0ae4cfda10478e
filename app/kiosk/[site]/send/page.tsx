import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { KioskHeader } from "@/components/kiosk/kiosk-header";
import { SendScreen } from "@/components/kiosk/send/send-screen";
import { kioskContext, kioskSiteByCode } from "@/lib/kiosk/context";
import { requestedSiteCode } from "../site-code";
import { kioskDeviceToken } from "@/lib/kiosk/device-cookie";
import { KIOSK_LOCALE_COOKIE } from "@/lib/kiosk/locale";
import { siteTakesOutbound } from "@/lib/outbound/settings";
import { endKioskLanguageChoiceAction } from "../actions";
import { dropOffProgressAction, sendAtKioskAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ site: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const site = kioskSiteByCode(requestedSiteCode((await params).site));
  const t = await getTranslations("kiosk.send");
  return { title: site ? t("title", { site: site.name }) : t("heading") };
}

/** The kiosk's "Send a parcel" screen; an unpaired screen goes back to the start screen, which shows its pairing code. */
export default async function KioskSendPage({ params }: Props) {
  const requested = requestedSiteCode((await params).site);
  const kiosk = kioskContext(requested, await kioskDeviceToken());
  if (!kiosk) notFound();
  // Where no code could work (no carrier takes outbound parcels here), the start screen, which offers no "Send".
  if (!kiosk.ctx || requested !== kiosk.site.code || !siteTakesOutbound(kiosk.ctx, kiosk.site.id)) redirect(`/kiosk/${encodeURIComponent(kiosk.site.code)}`);
  const { site } = kiosk;
  // A customer chose a language for their visit: the idle reset ends that choice with the visit.
  const languageChosen = (await cookies()).has(KIOSK_LOCALE_COOKIE);
  return (
    <>
      <KioskHeader site={site} />
      <main className="flex flex-1 flex-col">
        <SendScreen
          siteCode={site.code} action={sendAtKioskAction.bind(null, site.code)} progress={dropOffProgressAction.bind(null, site.code)}
          endLanguageChoice={languageChosen ? endKioskLanguageChoiceAction : undefined}
        />
      </main>
    </>
  );
}
