import type { Namespace } from "./messages";

/*
 * What each audience's layout hands its client components (app/_i18n/messages-provider.tsx).
 * A nested provider replaces its parent's messages instead of adding to them, so one list per
 * layout names every group any client component below it uses, and no page nests another;
 * client-namespaces.test.ts checks each client component's useTranslations against it.
 */

/** The console (app/(main)/admin/layout.tsx): its forms, nav and route states, not its ~34 KB of page words. */
export const ADMIN_CLIENT_NAMESPACES = [
  // The route states and error boundaries (components/layout), every submit button (components/ui).
  "common",
  "routeState",
  "ui",
  "admin.shell.nav",
  "admin.shell.routeState",
  "admin.apiTokens",
  "admin.carriers",
  "admin.parcels.incident",
  "admin.parcels.incidentForm",
  "admin.people.admins",
  "admin.people.courier",
  "admin.people.newCourier",
  "admin.sites.form",
  "admin.lockers",
  "admin.forecast.calendar.form",
  "admin.screens.byCode",
] as const satisfies readonly Namespace[];
