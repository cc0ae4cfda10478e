import "server-only";
import { appContext } from "@/lib/app-context";
import type { Ctx, KioskActor } from "@/lib/context";
import { findKioskSite, type KioskSite } from "./door-grid";
import { kioskScreen } from "./devices";
import { formatPairingCode, pendingScreenPairing, requesterKey, startScreenPairing } from "./pairing-codes";

/**
 * The context a kiosk screen acts in, from the site code in its address and the device
 * token in its cookie. Null for an unknown site; `ctx` is null on a screen nobody paired
 * with a kiosk of this site (lib/kiosk/devices.ts), which may be showing a pairing code
 * (its code as shown, and the milliseconds it has left).
 */
export function kioskContext(
  siteCode: string,
  deviceToken: string | undefined,
): { site: KioskSite; ctx: Ctx<KioskActor> | null; pairing: { code: string; msLeft: number } | null } | null {
  const base = appContext({ kind: "anonymous" });
  const screen = kioskScreen(base.db, siteCode, deviceToken, base.now());
  if (!screen) return null;
  if (screen.kiosk) return { site: screen.site, ctx: appContext(screen.kiosk), pairing: null };
  const now = base.now();
  const pending = pendingScreenPairing(base.db, screen.site.id, deviceToken, now);
  return { site: screen.site, ctx: null, pairing: pending && { code: formatPairingCode(pending.code), msLeft: pending.expiresAt - now } };
}

/**
 * A pairing code for an unpaired screen of the site, and the device token its cookie keeps;
 * `address` is the client's (lib/security/client-address.ts), counted but not stored.
 */
export function startKioskScreenPairing(siteId: number, address: string) {
  const base = appContext({ kind: "anonymous" });
  return startScreenPairing(base.db, siteId, base.now(), requesterKey(base.keys, address));
}

/** The site a kiosk address names, without looking at the screen's pairing (page titles). */
export function kioskSiteByCode(siteCode: string): KioskSite | null {
  return findKioskSite(appContext({ kind: "anonymous" }).db, siteCode);
}
