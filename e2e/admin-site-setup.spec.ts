import { expect, test } from "@playwright/test";
import { addLockerViaConsole, createCourierViaConsole, createSiteViaConsole, depositAsCourier, e2ePhone, signInAsAdmin } from "./support/admin";
import { expectAccessible } from "./support/axe";
import { uniqueTracking } from "./support/courier";

/*
 * An admin sets up a station from nothing — site, 4 × 6 cabinet, a courier to serve it —
 * and watches the first deposit arrive on the dashboard and in the door grid.
 */

test("an admin builds a site with a 4 × 6 locker, a courier deposits there, and the console shows the door occupied", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  await expect(page.getByRole("heading", { level: 1, name: "Sites of your organization" })).toBeVisible();
  await expectAccessible(page, "dashboard");

  await page.getByRole("link", { name: "New site" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New site" })).toBeVisible();
  await expectAccessible(page, "new site form");
  // A first try with the coordinates missing is refused next to the fields.
  await page.getByRole("button", { name: "Create site" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some fields need another look." })).toBeVisible();
  await expect(page.getByText("Enter the latitude.")).toBeVisible();
  await expectAccessible(page, "new site form with errors");
  // A latitude that is not a number gets that one reason, not also the range.
  await page.getByLabel("Latitude").fill("abc");
  await page.getByRole("button", { name: "Create site" }).click();
  await expect(page.getByText("The latitude is a number, e.g. 30.3057.")).toBeVisible();
  await expect(page.getByText("The latitude lies between -90 and 90.")).toHaveCount(0);

  const site = await createSiteViaConsole(page);
  await expectAccessible(page, "the new site");
  await addLockerViaConsole(page, site, { code: "A", rowSizes: ["S", "M", "M", "L"], columns: 6 });
  await expectAccessible(page, "the site with its locker");

  // A second locker under a code already taken is refused, and the form keeps all it was given.
  await page.getByRole("link", { name: "Add a locker" }).click();
  await page.getByLabel("Locker code").fill("A");
  await page.getByLabel("Controller id").fill("cab-a2");
  await page.getByLabel("Rows").selectOption("3");
  await page.getByLabel("Columns").selectOption("5");
  await page.getByLabel("Row 2", { exact: true }).selectOption("L");
  await page.getByLabel("Row 3 height above the ground, mm").fill("120");
  await page.getByRole("button", { name: "Add locker" }).click();
  await expect(page.getByText("Locker A already exists here (perhaps retired); choose another code.")).toBeVisible();
  await expect(page.getByLabel("Locker code")).toHaveValue("A");
  await expect(page.getByLabel("Controller id")).toHaveValue("cab-a2");
  await expect(page.getByLabel("Rows")).toHaveValue("3");
  await expect(page.getByLabel("Columns")).toHaveValue("5");
  await expect(page.getByLabel("Row 1", { exact: true })).toHaveValue("S");
  await expect(page.getByLabel("Row 2", { exact: true })).toHaveValue("L");
  await expect(page.getByLabel("Row 3 height above the ground, mm")).toHaveValue("120");
  await expect(page.getByText("3 × 5 = 15 doors")).toBeVisible();

  await page.goto("/admin");
  const card = page.getByRole("region", { name: site.name });
  await expect(card).toContainText("24 of 24 doors free");
  await expect(card.getByRole("img", { name: "Size M: 0 occupied, 0 reserved, 12 free, 0 out of service, of 12 doors" })).toBeVisible();
  await expect(card.getByRole("img", { name: "Size XL: no doors" })).toBeVisible();

  const courier = await createCourierViaConsole(page, [site]);
  await expect(page.getByRole("status").filter({ hasText: "The courier can sign in now" })).toBeVisible();
  await expectAccessible(page, "the new courier");

  const tracking = uniqueTracking("ADM");
  const [door] = await depositAsCourier(browser, courier, site, [{ tracking, phone: e2ePhone(), size: "M" }]);
  expect(door.size).toBe("M");

  await page.goto("/admin");
  await expect(card).toContainText("23 of 24 doors free");
  await expect(card.getByRole("img", { name: /^Size M: 1 occupied, 0 reserved, 11 free, 0 out of service/ })).toBeVisible();
  await card.getByRole("link", { name: `1 ready for pickup at ${site.name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Parcels" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "1 parcel" })).toBeVisible();
  await expect(page.getByRole("link", { name: tracking })).toBeVisible();
  await expectAccessible(page, "parcels waiting at the site");

  await page.goto(`/admin/sites/${site.id}`);
  const grid = page.getByRole("list", { name: "Doors of locker A" });
  await expect(grid.getByRole("link", { name: `Door ${door.door}, size M, occupied, parcel ${tracking}` })).toBeVisible();
  await expect(grid.getByRole("link", { name: /, free$/ })).toHaveCount(23);
  await grid.getByRole("link", { name: `Door ${door.door}, size M, occupied, parcel ${tracking}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Door ${door.door}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "This door" })).toContainText(tracking);
  await expect(page.getByRole("region", { name: "Latest history" })).toContainText("Deposited; hold period 72 h");
  await expectAccessible(page, "the occupied door");
});

test("an admin edits a site with validation, closes it for a reason and reopens it", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  const site = await createSiteViaConsole(page, "Closing");

  await page.getByRole("link", { name: "Edit details" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${site.name}` })).toBeVisible();
  await page.getByLabel("Hold period (hours)").fill("1000");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("The hold period is between 1 hour and 720 hours (30 days).")).toBeVisible();
  await expectAccessible(page, "edit form with an error");
  await page.getByLabel("Hold period (hours)").fill("48");
  await page.getByLabel("Opening hours").fill("07:00–22:00 daily");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The site's details are saved." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Details" })).toContainText("48 hours");

  await page.getByText("Close this site…").click();
  await page.getByLabel("Why is it closing?").fill("Courtyard renovation");
  await page.getByRole("button", { name: `Close ${site.name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "The site is closed" })).toBeVisible();
  await expect(page.getByText("Closed — no deposits")).toBeVisible();
  await expectAccessible(page, "a closed site");
  await page.goto("/admin");
  await expect(page.getByRole("region", { name: site.name })).toContainText("Closed");

  await page.goto(`/admin/sites/${site.id}`);
  await page.getByRole("button", { name: "Reopen the site" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The site is open again" })).toBeVisible();
  await page.goto(`/admin/audit?site=${site.id}&category=site`);
  for (const text of [`Created site ${site.name}`, `Edited ${site.name}: opening hours, hold period`, `Closed ${site.name} to deposits: Courtyard renovation`, `Reopened ${site.name}`]) {
    await expect(page.getByRole("row").filter({ hasText: text })).toHaveCount(1);
  }
});
