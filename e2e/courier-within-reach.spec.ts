import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { closeDoor, fillParcel, openDoor, openSite, testPhone, uniqueTracking } from "./support/courier";
import { becomeConfirmedCustomer, newDevice } from "./support/customers";
import { makeSite, signInAsAdmin } from "./support/admin";

/*
 * Doors within reach (issue 16): a wheelchair user asks for doors within reach, and the
 * courier's next parcel for them goes into a door whose floor is 380-1220 mm above the
 * ground. North Dormitory's cabinets are 8 rows of S S M M M L L XL (lib/demo/seed.ts): with
 * the standard heights (migration 0016) only rows 6 and 7 (the L doors, at 1190 and 770 mm)
 * lie in the band. An S parcel would otherwise go into an S door in row 1 or 2, up at 2.3 m.
 */
const SITE = "North Dormitory Station";
const ROWS_WITHIN_REACH = [6, 7];

test("a customer asks for doors within reach, and the courier's deposit for them gets a low door with a note", async ({ page, browser }, testInfo) => {
  // A sign-up with a texted code, then a courier on a second device: longer than one person's journey.
  test.setTimeout(300_000);
  const phone = testPhone();
  await becomeConfirmedCustomer(page, phone, "Wheelchair User");
  await page.goto("/account/lockers");
  const reach = page.getByRole("form", { name: "Doors within reach" });
  const box = reach.getByRole("checkbox", { name: "Only doors within reach (38–122 cm above the ground)" });
  await expect(box).not.toBeChecked();
  await expectAccessible(page, "locker preferences with doors within reach");
  await box.check();
  await reach.getByRole("button", { name: "Save" }).click();
  await expect(reach.getByRole("status").filter({ hasText: "Saved. Your next parcels go only into doors within reach." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Only doors within reach (38–122 cm above the ground)" })).toBeChecked();

  // The courier, on a phone.
  const { context, page: courier } = await newDevice(browser, testInfo, { width: 390, height: 844 });
  try {
    await signIn(courier, DEMO.ztoCourier);
    await openSite(courier, SITE);
    const tracking = uniqueTracking("RCH");
    await fillParcel(courier, { tracking, phone, size: "S" });
    await courier.getByRole("button", { name: "Open a door" }).click();
    const door = await openDoor(courier);
    await expect(courier.getByRole("note")).toHaveText("Door within reach — the recipient needs a door within reach.");
    const position = (await courier.getByText(/^Locker \S+ · row \d+ from the top/).textContent())!;
    const row = Number(/row (\d+) from the top/.exec(position)![1]);
    expect(ROWS_WITHIN_REACH, `door ${door.door} (${position}) should be in a row within reach`).toContain(row);
    expect(door.size).toBe("L");
    await expectAccessible(courier, "door within reach");
    await closeDoor(courier, { tracking, door: door.door });

    // Someone without the preference still gets the best fit, up high.
    const other = uniqueTracking("RCH");
    await fillParcel(courier, { tracking: other, phone: testPhone(), size: "S" });
    await courier.getByRole("button", { name: "Open a door" }).click();
    const high = await openDoor(courier);
    expect(high.size).toBe("S");
    await expect(courier.getByRole("note")).toHaveCount(0);
    await closeDoor(courier, { tracking: other, door: high.door });
  } finally {
    await context.close();
  }
});

test("an admin gives each row of a new locker its height, and a height out of range is refused with what was typed kept", async ({ page }) => {
  test.setTimeout(300_000);
  await signInAsAdmin(page);
  const site = await makeSite("Reach");
  await page.goto(`/admin/sites/${site.id}`);
  await page.getByRole("link", { name: "Add a locker" }).click();
  await page.getByLabel("Rows").selectOption("3");
  await page.getByLabel("Row 3", { exact: true }).selectOption("XL");
  // A standard cabinet's heights until the admin types one: the XL row stands on the plinth.
  await expect(page.getByLabel("Row 3 height above the ground, mm")).toHaveValue("100");
  await expect(page.getByLabel("Row 2 height above the ground, mm")).toHaveValue("770");
  await expectAccessible(page, "add a locker with row heights");

  await page.getByLabel("Row 1 height above the ground, mm").fill("4000");
  await page.getByRole("button", { name: "Add locker" }).click();
  await expect(page.getByText(/at most 3000 mm above the ground/)).toBeVisible();
  await expect(page.getByLabel("Row 1 height above the ground, mm")).toHaveValue("4000");
  await expect(page.getByLabel("Row 2 height above the ground, mm")).toHaveValue("770");

  await page.getByLabel("Row 1 height above the ground, mm").fill("1150");
  // Within the band (38–122 cm) the row is marked so.
  await expect(page.getByText("within reach", { exact: true })).toHaveCount(2);
  await page.getByRole("button", { name: "Add locker" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The locker is added" })).toBeVisible();

  // A standing locker's heights are corrected on the site page, one field per row.
  await page.getByText("Row heights…").click();
  const rowOne = page.getByLabel(/Locker \S+, row 1: height above the ground, mm$/);
  await expect(rowOne).toHaveValue("1150");
  await rowOne.fill("5000");
  await page.getByRole("button", { name: "Save row heights" }).click();
  await expect(page.getByText(/at most 3000 mm above the ground/)).toBeVisible();
  await expect(rowOne).toHaveValue("5000");
  await rowOne.fill("1100");
  await page.getByRole("button", { name: "Save row heights" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Row heights saved." })).toBeVisible();
  await page.getByText("Row heights…").click();
  await expect(rowOne).toHaveValue("1100");
  await expectAccessible(page, "site page with row heights");
});
