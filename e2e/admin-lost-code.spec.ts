import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { makeLostCodeParcelFor, testPhone } from "./support/courier";
import { becomeConfirmedCustomer, newDevice, readTextMessage } from "./support/customers";

/*
 * A parcel whose pickup code this server can no longer read (its PICKUP_CODE_ENCRYPTION_KEY
 * was changed after the deposit, or the database restored under other keys). The customer's
 * list still shows, with that one parcel saying what to do; the admin sees why and sends a
 * new code, which the customer then sees and is texted.
 */
test("a code the server cannot read: the customer is told to ask, the admin sends a new one, the customer gets it", async ({ page, browser }, testInfo) => {
  // A sign-up with a confirmed phone, then a second device signing in as the admin: as long
  // as the other two-device journeys, and over the default minute on a loaded machine.
  test.setTimeout(120_000);
  const phone = testPhone();
  await becomeConfirmedCustomer(page, phone);
  const parcel = await makeLostCodeParcelFor("ZJG-E", DEMO.ztoCourier, phone);

  await page.goto("/parcels");
  const card = page.getByRole("article").filter({ hasText: parcel.trackingNumber });
  await expect(card.getByRole("alert")).toHaveText("This parcel's pickup code can't be shown. Ask the station's staff to send you a new code.");
  await expect(card.getByTestId("pickup-code")).toHaveCount(0);
  await expectAccessible(page, "my parcels: a code that cannot be shown");

  const { context, page: admin } = await newDevice(browser, testInfo);
  try {
    await signIn(admin, DEMO.admin);
    await admin.goto(`/admin/parcels/${parcel.parcelId}`);
    await expect(admin.getByRole("alert").filter({ hasText: "can't be read with this server's keys" })).toBeVisible();
    await expectAccessible(admin, "admin parcel: a code that cannot be read");
    await admin.getByText("Send the pickup code again…").click();
    await expect(admin.getByText(`${phone} gets a new code by text`)).toBeVisible();
    await admin.getByRole("button", { name: "Send it now" }).click();
    await expect(admin.getByRole("status")).toHaveText(`A new pickup code is on its way to ${phone}. The old code no longer opens the door.`);
    await expect(admin.getByText("can't be read with this server's keys")).toHaveCount(0);
  } finally {
    await context.close();
  }

  await page.reload();
  await expect(card.getByRole("alert")).toHaveCount(0);
  const shown = (await card.getByTestId("pickup-code").innerText()).replace(/\s/g, "");
  expect(shown).toMatch(/^\d{6}$/);
  const [, texted] = await readTextMessage(phone, new RegExp(`parcel ${parcel.trackingNumber} .*Pickup code (\\d{6})`));
  expect(texted).toBe(shown);
  // The parcel's story says why a second text came, and that the first one's code is spent.
  await page.goto(`/parcels/${parcel.parcelId}`);
  await expect(
    page.getByRole("region", { name: "Timeline" }).getByText("You were sent a new pickup code. The code in earlier messages no longer opens the door"),
  ).toBeVisible();
  await expectAccessible(page, "parcel timeline: a new code");
});
