import type { Namespace } from "./messages";

/*
 * What each audience's layout hands its client components (app/_i18n/messages-provider.tsx).
 * A nested provider replaces its parent's messages instead of adding to them, so one list per
 * layout names every group any client component below it uses, and no page nests another;
 * client-namespaces.test.ts checks each client component's useTranslations against it, and
 * that no page below these layouts nests a provider of its own.
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
  "admin.consent.default",
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

/**
 * The customer's sections (app/(main)/(customer)/layout.tsx): nav, countdown and forms, the
 * trusted person's and the within-reach forms, not the ~12 KB of `customer` their pages word on
 * the server. `account`, `trusted` and `reach` are flat groups their forms use most of.
 */
export const CUSTOMER_CLIENT_NAMESPACES = [
  "common",
  "routeState",
  "ui",
  "sizes",
  "account",
  "trusted",
  "reach",
  "customer.nav",
  "customer.routeState",
  "customer.countdown",
  "customer.extend",
  "customer.phone",
  "customer.preferences",
  "customer.consent.answers",
  "customer.send.form",
  "customer.send.cancel",
] as const satisfies readonly Namespace[];

/** The pages behind a consent request's link, without an account (app/(main)/consent/layout.tsx): the answers and the preferences' forms. */
export const CONSENT_CLIENT_NAMESPACES = ["ui", "reach", "customer.preferences", "customer.consent.answers"] as const satisfies readonly Namespace[];

/** The trusted person's page behind their text's link (app/(main)/trusted/layout.tsx). */
export const TRUSTED_LINK_CLIENT_NAMESPACES = ["ui", "trustedLink"] as const satisfies readonly Namespace[];

/**
 * A locker's screen (app/kiosk/[site]/layout.tsx): the collect, send and pairing screens, their
 * keypad, scanner and doors, and the error screen; not the words only its server pages use.
 */
export const KIOSK_CLIENT_NAMESPACES = [
  "common",
  "routeState",
  "sizes",
  "kiosk.collect",
  "kiosk.doors",
  "kiosk.keypad",
  "kiosk.scanner",
  "kiosk.pairing",
  "kiosk.send",
  "kiosk.error",
] as const satisfies readonly Namespace[];
