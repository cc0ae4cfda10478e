import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { closeDoor, fillParcel, openDoor, openSite, testPhone, uniqueTracking } from "./support/courier";

/*
 * Library Plaza has the fewest XL doors of the demo campus (8), so filling them through the
 * screens is quick. Only this file deposits XL parcels there: the run in the other project
 * fills the same doors, and whichever comes second finds the site full sooner.
 */
const SITE = "Library Plaza Station";
const MAX_XL_DOORS = 12;

test("a full site names the nearest sites with room, and switching takes what was typed along", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.ztoCourier);
  await openSite(page, SITE);

  const full = page.getByRole("heading", { level: 2, name: `${SITE} is full for size XL` });
  const open = page.getByRole("heading", { level: 1, name: /^Door \S+ is open$/ });
  let tracking = "";
  const phone = testPhone();
  for (let filled = 0; ; filled++) {
    expect(filled, "the site should be full after all its XL doors").toBeLessThanOrEqual(MAX_XL_DOORS);
    tracking = uniqueTracking();
    await fillParcel(page, { tracking, phone, size: "XL" });
    await page.getByRole("button", { name: "Open a door" }).click();
    await expect(open.or(full)).toBeVisible();
    if (await full.isVisible()) break;
    const door = await openDoor(page);
    expect(door.size).toBe("XL");
    await closeDoor(page, { tracking, door: door.door });
  }

  // Nothing typed is lost, and the nearest sites with an XL door are offered.
  await expect(page.getByLabel("Tracking number")).toHaveValue(tracking);
  await expect(page.getByLabel("Recipient phone")).toHaveValue(phone);
  await expect(page.getByRole("radio", { name: "Size XL" })).toBeChecked();
  const notice = page.getByRole("region", { name: `${SITE} is full for size XL` });
  const alternatives = notice.getByRole("listitem");
  await expect(alternatives.first()).toBeVisible();
  await expect(alternatives.first()).toContainText(/\d+(\.\d)? k?m away/);
  await expect(alternatives.first()).toContainText(/XL [1-9]\d*/);
  await expectAccessible(page, "site full");

  const target = (await alternatives.first().getByRole("heading", { level: 3 }).textContent())!;
  await alternatives.first().getByRole("button", { name: `Switch to ${target}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: target })).toBeVisible();
  await expect(page.getByText("The parcel's details came with you.")).toBeVisible();
  await expect(page.getByLabel("Tracking number")).toHaveValue(tracking);
  await expect(page.getByLabel("Recipient phone")).toHaveValue(phone);
  await expect(page.getByRole("radio", { name: "Size XL" })).toBeChecked();

  await page.getByRole("button", { name: "Open a door" }).click();
  const door = await openDoor(page);
  expect(door.size).toBe("XL");
  await expect(page.getByText(`${target} · locker`)).toBeVisible();
  await closeDoor(page, { tracking, door: door.door });
});
