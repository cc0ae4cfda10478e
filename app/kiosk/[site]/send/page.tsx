import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { KioskClock } from "@/components/kiosk/kiosk-clock";
import { SendScreen } from "@/components/kiosk/send/send-screen";
import { kioskContext, kioskSiteByCode } from "@/lib/kiosk/context";
import { kioskDeviceToken } from "@/lib/kiosk/device-cookie";
import { sendAtKioskAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ site: string }> };

function requestedSiteCode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const site = kioskSiteByCode(requestedSiteCode((await params).site));
  return { title: site ? `Send a parcel · ${site.name}` : "Send a parcel" };
}

/** The kiosk's "Send a parcel" screen; an unpaired screen goes back to the start screen, which shows its pairing code. */
export default async function KioskSendPage({ params }: Props) {
  const requested = requestedSiteCode((await params).site);
  const kiosk = kioskContext(requested, await kioskDeviceToken());
  if (!kiosk) notFound();
  if (!kiosk.ctx || requested !== kiosk.site.code) redirect(`/kiosk/${encodeURIComponent(kiosk.site.code)}`);
  const { site } = kiosk;
  return (
    <>
      <header className="flex items-center justify-between gap-4 bg-brand-700 px-4 py-3 text-white sm:px-6">
        <div>
          <h1 className="text-xl font-bold leading-tight sm:text-2xl">{site.name}</h1>
          <p className="text-sm text-brand-50">{site.code}</p>
        </div>
        <KioskClock timeZone={site.timeZone} />
      </header>
      <main className="flex flex-1 flex-col">
        <SendScreen siteCode={site.code} action={sendAtKioskAction.bind(null, site.code)} />
      </main>
    </>
  );
}
