import "server-only";
import { serviceContext } from "@/lib/auth/current";
import type { Ctx, KioskActor } from "@/lib/context";
import { findKiosk, type KioskSite } from "./door-grid";

/**
 * The context a kiosk screen acts in, from the site code in its address. Null for an
 * unknown site. The screen needs no sign-in; a device token will pair it with its kiosk
 * row once devices authenticate (the device API) — until then the site's first kiosk.
 */
export function kioskContext(siteCode: string): { site: KioskSite; ctx: Ctx<KioskActor> } | null {
  const found = findKiosk(serviceContext({ kind: "anonymous" }), siteCode);
  return found ? { site: found.site, ctx: serviceContext(found.actor) } : null;
}
