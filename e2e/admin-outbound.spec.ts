import { expect, test } from "@playwright/test";
import { e2ePhone, makeStation, signInAsAdmin } from "./support/admin";
import { expectAccessible } from "./support/axe";
import { makeReturnToDropOff } from "./support/outbound";

/*
 * A customer at the counter asks after their return: the admin finds it from the Parcels
 * page by the customer's phone, opens it, and reads its state and its story. The return is
 * made on a station of the test's own (a site, a locker, a ZTO courier), so it holds no
 * door another journey counts on.
 */

test("an admin finds a customer's return by phone and reads its state and story", async ({ page }) => {
  test.setTimeout(120_000);
  const { site, courier } = await makeStation("Outbound search", { code: "A", rowSizes: ["S"], columns: 2 });
  const shipment = await makeReturnToDropOff(site.code, courier.phone);
  const phone = shipment.customerPhone;
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;

  await signInAsAdmin(page);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Parcels" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Parcels" })).toBeVisible();
  await page.getByRole("link", { name: "Sending and returns" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sending and returns" })).toBeVisible();
  await expectAccessible(page, "admin: sending and returns");

  // A number nobody sent from: nothing, said so.
  const search = page.getByRole("search", { name: "Sending and returns" });
  const query = search.getByLabel("Phone, order reference or waybill");
  await query.fill(e2ePhone());
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "No parcels match" })).toBeVisible();
  await expect(page.getByText("Nothing matches these filters.")).toBeVisible();

  // The customer's number: their return, its phone masked, its code nowhere.
  await query.fill(phone);
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${phone}`));
  await expect(page.getByRole("heading", { level: 2, name: "1 parcel" })).toBeVisible();
  const results = page.getByRole("table", { name: "Sent and returned parcels matching the search, newest first" });
  const row = results.getByRole("row").filter({ hasText: `Return of order ${shipment.orderReference}` });
  await expect(row).toContainText("waiting for drop-off");
  await expect(row).toContainText(site.name);
  await expect(row).toContainText(masked);
  await expect(page.locator("main")).not.toContainText(phone);
  await expect(page.locator("main")).not.toContainText(shipment.code);
  await expectAccessible(page, "admin: sending and returns found by phone");

  await row.getByRole("link", { name: `Return of order ${shipment.orderReference}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Return of order ${shipment.orderReference}` })).toBeVisible();
  await expect(page.getByText("waiting for drop-off", { exact: true })).toBeVisible();
  const facts = page.getByRole("region", { name: "Parcel", exact: true });
  await expect(facts).toContainText(phone);
  await expect(facts).toContainText(courier.name);
  await expect(page.getByText("ZTO Express · size S")).toBeVisible();
  const story = page.getByRole("region", { name: "Timeline" });
  await expect(story).toContainText(`Return of order ${shipment.orderReference} set up by the carrier (size S); drop-off code sent to the customer`);
  await expect(page.locator("main")).not.toContainText(shipment.code);
  await expectAccessible(page, "admin: a return's detail");

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Sending and returns" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sending and returns" })).toBeVisible();
});
