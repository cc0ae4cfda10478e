import "server-only";
import { serviceContext } from "@/lib/auth/current";
import type { Ctx, KioskActor } from "@/lib/context";
import { findKioskSite, type KioskSite } from "./door-grid";
import { kioskScreen } from "./pairing";

/**
 * The context a kiosk screen acts in, from the site code in its address and the device
 * token in its cookie. Null for an unknown site; `ctx` is null on a screen nobody paired
 * with a kiosk of this site (lib/kiosk/pairing.ts).
 */
export function kioskContext(siteCode: string, deviceToken: string | undefined): { site: KioskSite; ctx: Ctx<KioskActor> | null } | null {
  const base = serviceContext({ kind: "anonymous" });
  const screen = kioskScreen(base.db, siteCode, deviceToken, base.now());
  if (!screen) return null;
  return { site: screen.site, ctx: screen.kiosk ? serviceContext(screen.kiosk) : null };
}

/** The site a kiosk address names, without looking at the screen's pairing (page titles). */
export function kioskSiteByCode(siteCode: string): KioskSite | null {
  return findKioskSite(serviceContext({ kind: "anonymous" }).db, siteCode);
}
