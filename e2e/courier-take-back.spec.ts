import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { COURIER_PASSWORD, makeStation, depositAsCourier, expectSiteFullForCourier } from "./support/admin";
import { expectAccessible } from "./support/axe";
import { makeExpiredParcel, testPhone, uniqueTracking } from "./support/courier";

/*
 * Expired parcels cannot be made through the screens in test time (the shortest hold period
 * is an hour), so each test makes its own (support/verbs/parcels.ts): the seeded one stays
 * for the customer and kiosk journeys, and both projects can run this file in parallel.
 */

test("a courier takes an expired parcel back after confirming; a courier of another carrier never sees it", async ({ page, browser }) => {
  const parcel = await makeExpiredParcel("ZJG-N", DEMO.ztoCourier);
  const takeBackPath = `/courier/sites/${parcel.siteId}/take-back`;

  // SF serves North Dormitory too, but the parcel is ZTO's.
  const sfContext = await browser.newContext({ locale: "en-US" });
  const sf = await sfContext.newPage();
  await signIn(sf, DEMO.sfCourier);
  await sf.goto(takeBackPath);
  await expect(sf.getByRole("heading", { level: 2, name: "Expired parcels to take back" })).toBeVisible();
  await expect(sf.getByText(parcel.trackingNumber)).toHaveCount(0);
  for (const path of [`/courier/parcels/${parcel.parcelId}`, `${takeBackPath}/${parcel.parcelId}`]) {
    await sf.goto(path);
    await expect(sf.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  }

  await signIn(page, DEMO.ztoCourier);
  await expect(page.getByRole("listitem").filter({ hasText: "North Dormitory Station" })).toContainText(/[1-9]\d* to take back/);
  await page.getByRole("link", { name: "North Dormitory Station", exact: true }).click();
  await page.getByRole("link", { name: /^Take back/ }).click();
  const row = page.getByRole("list", { name: "Parcels to take back" }).getByRole("listitem").filter({ hasText: parcel.trackingNumber });
  await expect(row).toContainText(parcel.door);
  await expect(row).toContainText(/Overdue by \d+ h \d+ min/);
  await expectAccessible(page, "take-back list");

  await row.getByRole("link", { name: `Take back ${parcel.trackingNumber} from door ${parcel.door}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Take parcel ${parcel.trackingNumber} out of door ${parcel.door}?` })).toBeVisible();
  await expectAccessible(page, "take-back confirmation");
  await page.getByRole("button", { name: `Open door ${parcel.door}` }).click();

  // Step 2: the door is open, and the parcel is not returned until the courier says it is out.
  const asked = page.getByRole("heading", { level: 1, name: `Did you take parcel ${parcel.trackingNumber} out of door ${parcel.door}?` });
  await expect(asked).toBeVisible();
  await expect(page.getByText(/It is marked returned/)).toHaveCount(0);
  await expectAccessible(page, "take-back: did you take it out?");
  await page.goto("/courier/today");
  const today = page.getByRole("listitem").filter({ hasText: parcel.trackingNumber });
  await expect(today).toContainText(`Opened to take back: ${parcel.door}`);
  await expect(today).toContainText("Not confirmed out yet: the door stays taken.");
  await expect(today).not.toContainText("Taken back");
  await page.goto(takeBackPath);
  const pending = page.getByRole("list", { name: "Parcels to take back" }).getByRole("listitem").filter({ hasText: parcel.trackingNumber });
  await expect(pending).toContainText(`You opened door ${parcel.door}`);
  await pending.getByRole("link", { name: `Confirm you took it out ${parcel.trackingNumber} from door ${parcel.door}` }).click();
  await expect(asked).toBeVisible();
  await page.getByRole("button", { name: `Yes, I took ${parcel.trackingNumber} out` }).click();

  const done = page.getByRole("status").filter({ hasText: `${parcel.trackingNumber} is taken back` });
  await expect(done).toContainText(`It is marked returned to ZTO Express, and door ${parcel.door} is free for the next parcel.`);
  await page.reload();
  await expect(page.getByRole("list", { name: "Parcels to take back" }).getByText(parcel.trackingNumber)).toHaveCount(0);

  await page.goto("/courier/today");
  await expect(page.getByRole("listitem").filter({ hasText: parcel.trackingNumber })).toContainText(`Taken back from ${parcel.door}`);
  await page.getByRole("link", { name: parcel.trackingNumber }).click();
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText(`Door ${parcel.door} opened (take back)`);
  await expect(timeline).toContainText("Taken back: confirmed out of the door");

  // Still nothing for the other carrier, now that it is returned.
  await sf.goto(`/courier/parcels/${parcel.parcelId}`);
  await expect(sf.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  await sfContext.close();
});

test("an opened take-back door is not free until the courier confirms the parcel is out", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // A station of the test's own with a single door, so "not free" means the site is full.
  const { site, courier } = await makeStation("Take back", { code: "K", rowSizes: ["S"], columns: 1 });
  const parcel = await makeExpiredParcel(site.code, courier.phone);

  await signIn(page, courier.phone, COURIER_PASSWORD);
  await page.goto(`/courier/sites/${parcel.siteId}/take-back/${parcel.parcelId}`);
  await page.getByRole("button", { name: `Open door ${parcel.door}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Did you take parcel ${parcel.trackingNumber} out of door ${parcel.door}?` })).toBeVisible();

  // The door is open, the parcel maybe still inside: no deposit may be sent there.
  const next = { tracking: uniqueTracking(), phone: testPhone(), size: "S" as const };
  await expectSiteFullForCourier(browser, courier, site, next);

  await page.getByRole("button", { name: `Yes, I took ${parcel.trackingNumber} out` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${parcel.trackingNumber} is taken back` })).toBeVisible();
  const [door] = await depositAsCourier(browser, courier, site, [next]);
  expect(door.door).toBe(parcel.door);
});

test("a site with nothing to take back says so", async ({ page }) => {
  // The SF courier's parcels at Library Plaza: one returned, one waiting; none expired.
  await signIn(page, DEMO.sfCourier);
  await page.getByRole("link", { name: "Library Plaza Station", exact: true }).click();
  await page.getByRole("link", { name: "Take back" }).click();
  await expect(page.getByText("Nothing to take back here.")).toBeVisible();
  await expectAccessible(page, "empty take-back list");
});

test("a site the courier does not serve is not found", async ({ page, browser }) => {
  // The SF courier serves North Dormitory and Library Plaza, not East Teaching.
  const ztoContext = await browser.newContext({ locale: "en-US" });
  const zto = await ztoContext.newPage();
  await signIn(zto, DEMO.ztoCourier);
  const href = await zto.getByRole("link", { name: "East Teaching Station", exact: true }).getAttribute("href");
  await ztoContext.close();
  await signIn(page, DEMO.sfCourier);
  await expect(page.getByRole("link", { name: "East Teaching Station" })).toHaveCount(0);
  for (const path of [href!, `${href}/take-back`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  }
  await expectAccessible(page, "not found");
});
