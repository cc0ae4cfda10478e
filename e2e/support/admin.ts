import crypto from "node:crypto";
import { expect, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { DEMO, signIn } from "./accounts";
import { closeDoor, fillParcel, openDoor, type Size } from "./courier";
import { domain, e2eDatabase } from "./domain";

/*
 * The admin journeys share one seeded server with every other journey, running in
 * parallel. Each builds its own world: a site with a unique name and code, placed far from
 * the campus (so it is nobody's "nearest site with room") and without XL doors (which
 * courier-site-full.spec.ts is about), and its own courier. The journeys about building it
 * (admin-site-setup, admin-people) fill in the console's forms (`*ViaConsole`); the rest
 * have it made by the same domain functions those forms call (`make*`, verbs/setup.ts),
 * which costs a few milliseconds instead of three pages each.
 */

export const COURIER_PASSWORD = "e2e-courier-password";

export function uniqueSuffix(): string {
  return `${Date.now().toString(36).slice(-4)}${crypto.randomBytes(2).toString("hex")}`.toUpperCase();
}

export function e2ePhone(): string {
  return `176${crypto.randomInt(10_000_000, 99_999_999)}`;
}

export async function signInAsAdmin(page: Page, account: string = DEMO.admin) {
  await signIn(page, account);
  await expect(page).toHaveURL("/admin");
}

export type CreatedSite = { id: number; name: string; code: string };

function newSite(label: string) {
  const suffix = uniqueSuffix();
  // Ningbo, 150 km from the campus.
  return { name: `E2E ${label} ${suffix}`, code: `E${suffix}`, address: `${suffix} Test Road, Ningbo`, latitude: 29.8683, longitude: 121.544 };
}

/**
 * A site of the campus (made by its admin), on the e2e server's database unless a journey
 * names another (the cabinets' server).
 */
export async function makeSite(label = "Station", databasePath = e2eDatabase()): Promise<CreatedSite> {
  const { id, name, code } = await domain("site", { admin: DEMO.admin, ...newSite(label) }, databasePath);
  return { id, name, code };
}

/** A locker of `rowSizes.length` rows, each of one size, `columns` doors wide, at the campus's `site`. */
export async function makeLocker(site: CreatedSite, layout: { code: string; rowSizes: Size[]; columns: number }, databasePath = e2eDatabase()) {
  await domain("locker", { admin: DEMO.admin, siteId: site.id, ...layout }, databasePath);
}

/** A ZTO courier serving `sites` of the campus. */
export async function makeCourier(sites: CreatedSite[], databasePath = e2eDatabase()): Promise<CreatedCourier> {
  const courier = { name: `E2E Courier ${uniqueSuffix()}`, phone: e2ePhone() };
  const input = { admin: DEMO.admin, carrier: "ZTO", ...courier, password: COURIER_PASSWORD, siteIds: sites.map((site) => site.id) };
  const { id } = await domain("courier", input, databasePath);
  return { id, ...courier };
}

/**
 * A station of the test's own — a site, one locker of the given layout, and a ZTO courier
 * serving it — for journeys that jam doors or fill a site, so that no other journey
 * running at the same time is ever given one of its doors.
 */
export async function makeStation(label: string, layout: { code: string; rowSizes: Size[]; columns: number }, databasePath = e2eDatabase()) {
  const site = await makeSite(label, databasePath);
  await makeLocker(site, layout, databasePath);
  const courier = await makeCourier([site], databasePath);
  return { site, courier };
}

/** ZTO takes outbound parcels (sending, returns) at `site`, which needs a ZTO courier (makeStation's). */
export async function acceptOutbound(site: CreatedSite, databasePath = e2eDatabase()): Promise<void> {
  await domain("outbound", { admin: DEMO.admin, siteId: site.id, carrier: "ZTO" }, databasePath);
}

/** ZTO takes outbound parcels at the demo site `siteCode` (its ZTO courier works there), as an admin of its organization sets it. */
export async function acceptOutboundAt(siteCode: string, admin: string = DEMO.admin, databasePath = e2eDatabase()): Promise<void> {
  await domain("outbound", { admin, siteCode, carrier: "ZTO" }, databasePath);
}

/** Creates a site through the form; returns where it landed. */
export async function createSiteViaConsole(page: Page, label = "Station"): Promise<CreatedSite> {
  const { address, latitude, longitude, ...site } = newSite(label);
  await page.goto("/admin/sites/new");
  await page.getByLabel("Name").fill(site.name);
  await page.getByLabel("Short code").fill(site.code);
  await page.getByLabel("Address").fill(address);
  await page.getByLabel("Latitude").fill(String(latitude));
  await page.getByLabel("Longitude").fill(String(longitude));
  await page.getByRole("button", { name: "Create site" }).click();
  await expect(page.getByRole("heading", { level: 1, name: site.name })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "The site is created and open" })).toBeVisible();
  const id = Number(/\/admin\/sites\/(\d+)/.exec(page.url())![1]);
  return { id, ...site };
}

/** Adds a locker of `rows` rows, each of one size, `columns` wide, through the editor. */
export async function addLockerViaConsole(page: Page, site: CreatedSite, layout: { code: string; rowSizes: Size[]; columns: number }) {
  await page.goto(`/admin/sites/${site.id}`);
  await page.getByRole("link", { name: "Add a locker" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Add a locker to ${site.name}` })).toBeVisible();
  await page.getByLabel("Locker code").fill(layout.code);
  await page.getByLabel("Rows").selectOption(String(layout.rowSizes.length));
  await page.getByLabel("Columns").selectOption(String(layout.columns));
  for (const [index, size] of layout.rowSizes.entries()) {
    await page.getByLabel(`Row ${index + 1}`, { exact: true }).selectOption(size);
  }
  const doors = layout.rowSizes.length * layout.columns;
  await expect(page.getByText(`${layout.rowSizes.length} × ${layout.columns} = ${doors} doors`)).toBeVisible();
  await page.getByRole("button", { name: "Add locker" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The locker is added" })).toBeVisible();
  await expect(page.getByRole("list", { name: `Doors of locker ${layout.code}` }).getByRole("link")).toHaveCount(doors);
}

export type CreatedCourier = { id: number; name: string; phone: string };

/** Registers a ZTO courier serving `sites`, through the People screen. */
export async function createCourierViaConsole(page: Page, sites: CreatedSite[]): Promise<CreatedCourier> {
  const courier = { name: `E2E Courier ${uniqueSuffix()}`, phone: e2ePhone() };
  await page.goto("/admin/people/couriers/new");
  await page.getByLabel("Name").fill(courier.name);
  await page.getByLabel("Carrier").selectOption({ label: "ZTO Express" });
  await page.getByLabel("Mobile phone").fill(courier.phone);
  await page.getByLabel("First password").fill(COURIER_PASSWORD);
  for (const site of sites) await page.getByRole("checkbox", { name: `${site.name} (${site.code})` }).check();
  await page.getByRole("button", { name: "Create courier" }).click();
  await expect(page.getByRole("heading", { level: 1, name: courier.name })).toBeVisible();
  const id = Number(/\/couriers\/(\d+)/.exec(page.url())![1]);
  return { id, ...courier };
}

/**
 * The courier, in a browser of their own, deposits parcels at `site` through the courier
 * screens; returns the doors they went into.
 */
export async function depositAsCourier(
  browser: Browser,
  courier: CreatedCourier,
  site: CreatedSite,
  parcels: { tracking: string; phone: string; size: Size }[],
): Promise<{ door: string; size: Size }[]> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await signIn(page, courier.phone, COURIER_PASSWORD);
    await page.goto("/courier");
    await page.getByRole("link", { name: site.name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: site.name })).toBeVisible();
    const doors: { door: string; size: Size }[] = [];
    for (const parcel of parcels) {
      await fillParcel(page, parcel);
      await page.getByRole("button", { name: "Open a door" }).click();
      const door = await openDoor(page);
      await closeDoor(page, { tracking: parcel.tracking, door: door.door });
      doors.push(door);
    }
    return doors;
  } finally {
    await context.close();
  }
}

/** The courier tries to deposit and is told the site has no door for it. */
export async function expectSiteFullForCourier(browser: Browser, courier: CreatedCourier, site: CreatedSite, parcel: { tracking: string; phone: string; size: Size }) {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await signIn(page, courier.phone, COURIER_PASSWORD);
    await page.goto("/courier");
    await page.getByRole("link", { name: site.name, exact: true }).click();
    await fillParcel(page, parcel);
    await page.getByRole("button", { name: "Open a door" }).click();
    await expect(page.getByRole("heading", { name: `${site.name} is full for size ${parcel.size}` })).toBeVisible();
  } finally {
    await context.close();
  }
}

export async function visit(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectAccessible(page, path);
}

/** The simulated controller's name for a door of a locker added in the console (lib/sites/layout.ts). */
export function consoleDoorName(site: CreatedSite, lockerCode: string, label: string): string {
  return `sim-${site.id}-${lockerCode}/${label}`;
}
