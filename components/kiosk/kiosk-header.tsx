import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { KioskClock } from "@/components/kiosk/kiosk-clock";

/**
 * The kiosk's top bar on every screen: whose locker this is, its hours and the local time,
 * and the screen's one way elsewhere (`action`), kept up here so the screen below is all
 * the customer's.
 */
export function KioskHeader({ site, action }: { site: { name: string; code: string; openingHours: string; timeZone: string }; action?: ReactNode }) {
  return (
    <header className="flex items-center justify-between gap-4 bg-brand-700 px-4 py-3 text-white sm:px-6">
      <div className="flex items-center gap-3">
        <Logo size={44} className="rounded-xl ring-2 ring-white" />
        <div>
          <h1 className="text-xl font-bold leading-tight sm:text-2xl">{site.name}</h1>
          <p className="text-sm text-brand-50">
            {site.code} · {site.openingHours}
          </p>
        </div>
      </div>
      <div className="flex items-center gap-4">
        {action}
        <KioskClock timeZone={site.timeZone} />
      </div>
    </header>
  );
}
