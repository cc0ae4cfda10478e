import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { KioskClock } from "@/components/kiosk/kiosk-clock";
import { KioskScreen } from "@/components/kiosk/kiosk-screen";
import { kioskContext, kioskSiteByCode } from "@/lib/kiosk/context";
import { kioskDeviceToken } from "@/lib/kiosk/device-cookie";
import { siteDoorGrid, type KioskSite } from "@/lib/kiosk/door-grid";
import { collectAtKioskAction } from "./actions";

// The door grid is live: never served from a cache.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ site: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // The title needs only the site; the screen's token is checked once, by the page.
  const site = kioskSiteByCode(decodeURIComponent((await params).site));
  return { title: site ? `${site.name} · Locker` : "Locker" };
}

export default async function KioskPage({ params }: Props) {
  const requested = decodeURIComponent((await params).site);
  const kiosk = kioskContext(requested, await kioskDeviceToken());
  if (!kiosk) notFound();
  if (requested !== kiosk.site.code) redirect(`/kiosk/${encodeURIComponent(kiosk.site.code)}`);
  const { site, ctx } = kiosk;

  return (
    <>
      <header className="flex items-center justify-between gap-4 bg-brand-700 px-4 py-3 text-white sm:px-6">
        <div className="flex items-center gap-3">
          <span aria-hidden className="grid h-10 w-10 place-items-center rounded-lg bg-white text-xl font-bold text-brand-700">
            ▦
          </span>
          <div>
            <h1 className="text-xl font-bold leading-tight sm:text-2xl">{site.name}</h1>
            <p className="text-sm text-brand-50">
              {site.code} · {site.openingHours}
            </p>
          </div>
        </div>
        <KioskClock />
      </header>
      <main className="flex flex-1 flex-col">
        {ctx ? (
          <KioskScreen siteCode={site.code} lockers={siteDoorGrid(ctx, site.id)} collect={collectAtKioskAction.bind(null, site.code)} />
        ) : (
          <NotPaired site={site} />
        )}
      </main>
      <footer className="px-6 pb-4 text-center text-sm text-gray-700">
        Parcel Lockers · Help: ask at the station desk or call the number on the locker
      </footer>
    </>
  );
}

/** A screen nobody paired opens nothing, and says how an admin pairs it. */
function NotPaired({ site }: { site: KioskSite }) {
  return (
    <div className="grid flex-1 place-items-center p-8">
      <div className="flex max-w-xl flex-col gap-4 text-center">
        <h2 className="text-3xl font-bold">This screen is not paired with the locker</h2>
        <p className="text-lg text-gray-800">
          Only the locker&apos;s own screen opens doors. To collect a parcel, use the screen on the locker at {site.name}.
        </p>
        <p className="text-gray-700">
          Setting up this screen? An admin of this site signs in here and chooses <strong>Pair this screen</strong> under{" "}
          <strong>Kiosk screens</strong> on the site&apos;s page.
        </p>
        <p>
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent("/admin/sites")}`} className="text-lg font-semibold text-brand-700 underline">
            Sign in to pair this screen
          </Link>
        </p>
      </div>
    </div>
  );
}
