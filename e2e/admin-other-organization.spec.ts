import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { makeLocker, makeSite, signInAsAdmin } from "./support/admin";
import { expectAccessible } from "./support/axe";

/*
 * The West Lake admin sees none of the campus: not on the dashboard, not in the search or
 * its export, and a campus address typed in by hand is "not found", as if absent.
 * Three short journeys rather than one long one: each fits its time on a loaded machine.
 */

async function otherAdmin(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signInAsAdmin(page, DEMO.otherAdmin);
  return page;
}

test("an admin of another organization gets not found on the campus's direct addresses", async ({ page, browser }) => {
  // Two admins, the campus's pages looked up, and six addresses tried.
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  const site = await makeSite("Private");
  await makeLocker(site, { code: "A", rowSizes: ["S"], columns: 2 });
  await page.goto(`/admin/sites/${site.id}`);
  await page.getByRole("link", { name: "Door A-01, size S, free" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Door A-01" })).toBeVisible();
  const doorPath = new URL(page.url()).pathname;

  await page.goto("/admin/parcels?tracking=ZT7730019001");
  await page.getByRole("link", { name: "ZT7730019001" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ZT7730019001" })).toBeVisible();
  const parcelPath = new URL(page.url()).pathname;
  await page.goto("/admin/people");
  await page.getByRole("link", { name: "Wang Jun" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wang Jun" })).toBeVisible();
  const courierPath = new URL(page.url()).pathname;

  const other = await otherAdmin(browser);
  await expect(other.getByRole("region", { name: "West Lake Residences Gate" })).toBeVisible();
  await expect(other.getByRole("region", { name: "North Dormitory Station" })).toHaveCount(0);
  await expect(other.getByRole("region", { name: site.name })).toHaveCount(0);
  await expectAccessible(other, "the other organization's dashboard");

  for (const path of [`/admin/sites/${site.id}`, `/admin/sites/${site.id}/edit`, `/admin/sites/${site.id}/lockers/new`, doorPath, parcelPath, courierPath]) {
    const response = await other.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(other.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  }
  await expectAccessible(other, "not found");
  await other.context().close();
});

test("an admin of another organization finds none of the campus in lists, search, export or audit", async ({ page, browser }) => {
  await signInAsAdmin(page);
  const site = await makeSite("Private");

  const other = await otherAdmin(browser);
  await other.goto("/admin/sites");
  await expect(other.getByRole("rowheader", { name: /West Lake Residences Gate/ })).toBeVisible();
  await expect(other.getByText(site.name)).toHaveCount(0);

  await other.goto("/admin/parcels?tracking=ZT7730019001");
  await expect(other.getByRole("heading", { level: 2, name: "No parcels match" })).toBeVisible();
  await other.goto(`/admin/parcels?site=${site.id}`);
  await expect(other.getByRole("heading", { level: 2, name: "No parcels match" })).toBeVisible();
  const exported = await other.request.get("/admin/parcels/export?tracking=ZT77300");
  expect(exported.status()).toBe(200);
  expect((await exported.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n")).toHaveLength(1);

  await other.goto("/admin/people");
  await expect(other.getByRole("link", { name: "Wang Jun" })).toHaveCount(0);
  await other.goto("/admin/audit");
  await expect(other.getByText(site.name)).toHaveCount(0);
  await expect(other.getByText("North Dormitory Station")).toHaveCount(0);
  await expectAccessible(other, "the other organization's audit trail");
  await other.context().close();
});

test("a courier is refused the parcel export outright", async ({ page }) => {
  await signIn(page, DEMO.ztoCourier);
  await expect(page).toHaveURL("/courier");
  expect((await page.request.get("/admin/parcels/export")).status()).toBe(404);
});
