import { expect, test, type Page } from "@playwright/test";
import { createElement, type ComponentProps, type ComponentType } from "react";
import { renderToStaticMarkup as renderBare } from "react-dom/server";
import { IntlProvider } from "use-intl";
import en from "../messages/en.json";
import CustomerError from "../app/(main)/(customer)/error";
import AuthError from "../app/(main)/(auth)/error";
import AdminError from "../app/(main)/admin/error";
import CourierError from "../app/(main)/courier/error";
import MainError from "../app/(main)/error";
import RootError from "../app/error";
import GlobalError from "../app/global-error";
import KioskError from "../app/kiosk/[site]/error";
import { IDLE_MS } from "../components/kiosk/idle";
import { DEMO, signIn } from "./support/accounts";
import { expectAccessible } from "./support/axe";

/*
 * The boundaries word their screens through next-intl: rendered here as the root layout
 * would, with the English messages (these journeys speak English). The root layout's own
 * failure (global-error) has no layout to ask, so it reads the browser's languages: an
 * English browser's, as playwright.config.ts sets for every journey.
 */
if (typeof globalThis.navigator === "undefined") {
  Object.defineProperty(globalThis, "navigator", { value: { languages: ["en-US"] }, configurable: true });
}
function renderToStaticMarkup(element: ReturnType<typeof createElement>): string {
  const config = { locale: "en", messages: en, timeZone: "Asia/Shanghai" } as Omit<ComponentProps<typeof IntlProvider>, "children">;
  return renderBare(createElement(IntlProvider, config as ComponentProps<typeof IntlProvider>, element));
}

type ErrorBoundary = ComponentType<{ error: unknown; retry: () => void; reset: () => void }>;

/*
 * What each area shows for an address that names nothing, and where it sends people back
 * to. Two kinds of address per area: an id that does not exist (the area's own not-found,
 * inside its navigation) and a path no route matches (the root not-found, which sends a
 * signed-in person to their own start). Both answer 404.
 */

async function expectNotFound(page: Page, path: string, heading: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectAccessible(page, `not found: ${path}`);
}

async function followWayBack(page: Page, name: string, home: RegExp, homeHeading: string) {
  await page.getByRole("link", { name }).click();
  await expect(page).toHaveURL(home);
  await expect(page.getByRole("heading", { level: 1, name: homeHeading })).toBeVisible();
}

test("a courier's unknown site or address leads back to their sites", async ({ page }) => {
  await signIn(page, DEMO.ztoCourier);
  await expectNotFound(page, "/courier/sites/987654321", "Not found");
  await expect(page.getByRole("navigation", { name: "Courier" })).toBeVisible();
  await followWayBack(page, "Back to your sites", /\/courier$/, "Your sites");

  await expectNotFound(page, "/courier/no-such-page", "Page not found");
  await followWayBack(page, "Go to your sites", /\/courier$/, "Your sites");
});

test("an admin's unknown site or address leads back to the dashboard", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await expectNotFound(page, "/admin/sites/987654321", "Not found");
  await expect(page.getByRole("navigation", { name: "Admin" })).toBeVisible();
  await followWayBack(page, "Back to the dashboard", /\/admin$/, "Sites of your organization");

  await expectNotFound(page, "/admin/no-such-page", "Page not found");
  await followWayBack(page, "Go to the dashboard", /\/admin$/, "Sites of your organization");
});

test("a customer's unknown parcel or address leads back to My parcels", async ({ page }) => {
  await signIn(page, DEMO.alice);
  await expectNotFound(page, "/parcels/987654321", "Parcel not found");
  await expect(page.getByRole("navigation", { name: "Customer" })).toBeVisible();
  await followWayBack(page, "Back to My parcels", /\/parcels$/, "My parcels");

  await expectNotFound(page, "/messages/no-such-page", "Page not found");
  await followWayBack(page, "Go to My parcels", /\/parcels$/, "My parcels");
});

test("someone signed out at an unknown address is sent to the home page", async ({ page }) => {
  await expectNotFound(page, "/no-such-page", "Page not found");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await followWayBack(page, "Go to the home page", /\/$/, "Your parcels, waiting in a locker near you");
});

test("a kiosk address naming no site says the screen is not set up, without pairing", async ({ page }) => {
  // The kiosk's not-found is reached only through an unknown site code, before any
  // pairing is looked at: there is no start screen of that site to offer.
  await expectNotFound(page, "/kiosk/NO-SUCH-SITE", "This screen is not set up");
  await expect(page.getByText("ask at the station desk")).toBeVisible();
  // A malformed escape is just another unknown code (it used to throw in the page's metadata).
  await expectNotFound(page, "/kiosk/%25", "This screen is not set up");
});

/*
 * The error boundaries. No address makes a page fail in the production build, and no route
 * throws on purpose for tests: an unknown kiosk code ends in not-found, and a malformed
 * percent-encoding is refused by Next.js before any of our code runs. So each area's
 * error.tsx is rendered here on its own, with a server error as Next.js hands it over
 * (a digest) whose message holds what must never reach the screen.
 */
const SECRET = "pickup code 482913 for 13800000001 at /srv/locker/db.sqlite";

function serverError(digest: string) {
  return Object.assign(new Error(SECRET), { digest });
}

const BOUNDARIES: { area: string; boundary: ErrorBoundary; heading: string; wayBack: [string, string] | null }[] = [
  { area: "customer", boundary: CustomerError, heading: "Something went wrong", wayBack: ["Back to My parcels", "/parcels"] },
  { area: "courier", boundary: CourierError, heading: "Something went wrong", wayBack: ["Back to your sites", "/courier"] },
  { area: "admin", boundary: AdminError, heading: "Something went wrong", wayBack: ["Back to the dashboard", "/admin"] },
  { area: "sign-in and sign-up", boundary: AuthError, heading: "Signing in is not working just now", wayBack: ["Go to the home page", "/"] },
  { area: "other pages", boundary: MainError, heading: "Something went wrong", wayBack: ["Go to the home page", "/"] },
  { area: "a layout failed", boundary: RootError, heading: "Something went wrong", wayBack: ["Go to the home page", "/"] },
  { area: "the root layout failed", boundary: GlobalError, heading: "Something went wrong", wayBack: ["Go to the home page", "/"] },
  { area: "kiosk", boundary: KioskError, heading: "Sorry, something went wrong", wayBack: null },
];

for (const { area, boundary, heading, wayBack } of BOUNDARIES) {
  test(`error screen (${area}): a reference code and a way on, never the error's words`, () => {
    const html = renderToStaticMarkup(createElement(boundary, { error: serverError("3141592653"), retry: () => {}, reset: () => {} }));
    expect(html).toContain(`>${heading}</h1>`);
    expect(html).toMatch(/Reference for support: <code[^>]*>3141592653<\/code>/);
    for (const fragment of ["482913", "13800000001", "/srv/", "Error:"]) expect(html).not.toContain(fragment);
    expect(html, "no stack frame").not.toMatch(/:\d+:\d+/);
    expect(html).toMatch(wayBack ? />Try again<\/button>/ : />Start again<\/button>/);
    if (wayBack) expect(html).toContain(`href="${wayBack[1]}">${wayBack[0]}</a>`);

    // Thrown in the browser: no digest, maybe not even an Error. Still nothing of it shown.
    const clientSide = renderToStaticMarkup(createElement(boundary, { error: SECRET, retry: () => {}, reset: () => {} }));
    expect(clientSide).not.toContain("Reference for support");
    expect(clientSide).not.toContain("482913");
  });
}

test("the kiosk's error screen says it starts again by itself, as soon as its idle reset", () => {
  const html = renderToStaticMarkup(createElement(KioskError, { error: serverError("1"), retry: () => {} }));
  expect(html).toContain(`This screen starts again by itself in ${IDLE_MS / 1000} seconds.`);
});
