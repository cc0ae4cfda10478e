import type { Namespace } from "./messages";

/*
 * What each audience's layout hands its client components (app/_i18n/messages-provider.tsx).
 * A nested provider replaces its parent's messages instead of adding to them, so one list per
 * layout names every group any client component below it uses, and no page nests another;
 * client-namespaces.test.ts checks each client component's useTranslations against it.
 * (The customer's and consent pages still nest a provider for `reach` and `trusted`.)
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
  "admin.sites.rowHeights",
  "admin.lockers",
  "admin.forecast.calendar.form",
  "admin.screens.byCode",
] as const satisfies readonly Namespace[];

/** The courier's screens (app/(main)/courier/layout.tsx): their forms, door panel, nav and route states; the door watch words itself from `doors`. */
export const COURIER_CLIENT_NAMESPACES = [
  "common",
  "routeState",
  "ui",
  "doors",
  "courier.nav",
  "courier.routeState",
  "courier.sites",
  "courier.tracking",
  "courier.form",
  "courier.sizePicker",
  "courier.announced",
  "courier.siteFull",
  "courier.door",
  "courier.takeBack",
  "courier.consent",
  "courier.inPerson",
  "courier.outbound",
] as const satisfies readonly Namespace[];

/** Sign-in and sign-up (app/(main)/(auth)/layout.tsx): their forms and the error boundary. */
export const AUTH_CLIENT_NAMESPACES = ["common", "routeState", "ui", "auth"] as const satisfies readonly Namespace[];
