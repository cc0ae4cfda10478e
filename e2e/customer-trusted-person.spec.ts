import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { makeWaitingParcelFor, testPhone } from "./support/courier";
import { newDevice, openKiosk, readTextMessage, tapOnKeypad, WRONG_CODE_MESSAGE } from "./support/customers";

/*
 * A recipient names a trusted person (代收人) for a parcel waiting in the locker; that
 * person's own text carries their own code, which opens the door at the kiosk with their
 * phone's last 4 digits; the recipient then sees who collected. The text goes to a phone
 * without an account, so it is in the site's language: it is read for its code alone.
 */

const ALICE_PHONE = "13800000001";

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

test("a recipient names a trusted person, who collects the parcel with their own code; the recipient sees who collected", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const parcel = await makeWaitingParcelFor("ZJG-E", DEMO.ztoCourier, ALICE_PHONE);
  const trustedPhone = testPhone();
  const who = `Li Wei (${masked(trustedPhone)})`;

  await signIn(page, DEMO.alice);
  await page.goto(`/parcels/${parcel.parcelId}`);
  const section = page.getByRole("region", { name: "Trusted person" });

  // A refusal first: her own number is not someone else's, and what she typed stays.
  await section.getByLabel("Their mobile phone").fill(ALICE_PHONE);
  await section.getByRole("button", { name: "Let them collect" }).click();
  await expect(section.getByText("That is your own number.")).toBeVisible();
  await expect(section.getByLabel("Their mobile phone")).toHaveValue(ALICE_PHONE);
  await expect(section.getByLabel("Their mobile phone")).toHaveAttribute("aria-invalid", "true");

  await section.getByLabel("Their mobile phone").fill(trustedPhone);
  await section.getByLabel("Their name (optional)").fill("Li Wei");
  await section.getByRole("button", { name: "Let them collect" }).click();
  await expect(section.getByText(`${who} can now collect this parcel.`)).toBeVisible();
  await expect(section.getByText(`${who} can collect this parcel with their own pickup code.`)).toBeVisible();
  await expect(section.getByText("We texted them their code.")).toBeVisible();
  await expectAccessible(page, "parcel with a trusted person");

  // The trusted person's text, whatever its language, carries a 6-digit code that is not the recipient's
  // (not the digits at the end of a tracking number such as WAITMX4N7K4B715148).
  const [, trustedCode] = await readTextMessage(trustedPhone, /(?<![\dA-Z])(\d{6})(?!\d)/);
  expect(trustedCode).not.toBe(parcel.code);

  const kiosk = await openKiosk(browser, testInfo, "ZJG-E");
  try {
    const screen = kiosk.page;
    await tapOnKeypad(screen, trustedCode, trustedPhone.slice(-4));
    await screen.getByRole("button", { name: "Open my door" }).click();
    await expect(screen.getByRole("status")).toContainText(`Door ${parcel.door} is open`);
    await expectAccessible(screen, "kiosk: trusted person's door open");
  } finally {
    await kiosk.context.close();
  }

  await page.goto(`/parcels/${parcel.parcelId}`);
  await expect(page.getByTestId("collected-by")).toHaveText(`Collected by ${who}`);
  await expect(page.getByRole("region", { name: "Trusted person" })).toHaveCount(0);
  await expect(page.getByTestId("pickup-code")).toHaveCount(0);
  await expectAccessible(page, "parcel collected by a trusted person");
});

/**
 * Alice, signed in, names `trustedPhone` (and `name`) for a parcel of hers waiting at East
 * Teaching; returns the page's trusted-person section.
 */
async function nameForNewParcel(page: Page, trustedPhone: string, name?: string) {
  const parcel = await makeWaitingParcelFor("ZJG-E", DEMO.ztoCourier, ALICE_PHONE);
  await signIn(page, DEMO.alice);
  await page.goto(`/parcels/${parcel.parcelId}`);
  const section = page.getByRole("region", { name: "Trusted person" });
  await section.getByLabel("Their mobile phone").fill(trustedPhone);
  if (name) await section.getByLabel("Their name (optional)").fill(name);
  await section.getByRole("button", { name: "Let them collect" }).click();
  return { parcel, section };
}

test("a revoked trusted person's code opens nothing; a standing one is named and removed on the account page", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const trustedPhone = testPhone();
  const { section } = await nameForNewParcel(page, trustedPhone);
  await expect(section.getByText(`${masked(trustedPhone)} can collect this parcel with their own pickup code.`)).toBeVisible();
  const [, trustedCode] = await readTextMessage(trustedPhone, /(?<![\dA-Z])(\d{6})(?!\d)/);

  // Revoking asks first, then says it is done (and the form goes with the person).
  await section.locator("summary", { hasText: "Revoke" }).click();
  const revoke = section.getByRole("form", { name: `Revoke ${masked(trustedPhone)}` });
  await expect(revoke).toContainText(`${masked(trustedPhone)} will no longer be able to collect this parcel`);
  await expectAccessible(page, "revoking a trusted person, asked to confirm");
  await revoke.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Revoked: their code no longer opens the door." })).toBeVisible();
  await expect(section.getByText("Someone else can collect this parcel for you")).toBeVisible();

  const kiosk = await openKiosk(browser, testInfo, "ZJG-E");
  try {
    await tapOnKeypad(kiosk.page, trustedCode, trustedPhone.slice(-4));
    await kiosk.page.getByRole("button", { name: "Open my door" }).click();
    await expect(kiosk.page.getByRole("alert").filter({ hasText: WRONG_CODE_MESSAGE })).toBeVisible();
  } finally {
    await kiosk.context.close();
  }

  // The standing one, on the account page (named and removed again, so other tests' parcels
  // of hers get none).
  await page.goto("/account");
  const standing = page.getByRole("region", { name: "Trusted person for all parcels" });
  await expect(standing.getByText("Nobody is named.")).toBeVisible();
  const roommate = testPhone();
  await standing.getByLabel("Their mobile phone").fill(roommate);
  await standing.getByLabel("Their name (optional)").fill("Roommate");
  await standing.getByRole("button", { name: "Save trusted person" }).click();
  await expect(standing.getByText(`Now: Roommate (${masked(roommate)})`)).toBeVisible();
  await expectAccessible(page, "account with a standing trusted person");
  await standing.locator("summary", { hasText: "Remove" }).click();
  await standing.getByRole("button", { name: "Yes, remove" }).click();
  await expect(standing.getByText("Nobody is named.")).toBeVisible();
  await expect(standing.getByRole("status").filter({ hasText: "Removed: codes they had for waiting parcels no longer open a door." })).toBeVisible();
});

test("a trusted person who cannot collect says so from their text's link; their code stops and the recipient sees who declined", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const trustedPhone = testPhone();
  const { parcel, section } = await nameForNewParcel(page, trustedPhone, "Zhao Lei");
  await expect(section.getByText("We texted them their code.")).toBeVisible();

  // Their text (in the site's language) ends with a link; it needs no account.
  const [, path] = await readTextMessage(trustedPhone, /(\/trusted\/[0-9a-z.]+)/);
  const friend = await newDevice(browser, testInfo, { width: 390, height: 844 });
  try {
    await friend.page.goto(path);
    await expect(friend.page.getByRole("heading", { level: 1 })).toHaveText(/^Collecting .+'s parcel$/);
    await expect(friend.page.getByText(parcel.trackingNumber, { exact: false })).toBeVisible();
    await expectAccessible(friend.page, "trusted person's link");
    await friend.page.getByText(/^I can't collect it/).click();
    await friend.page.getByRole("button", { name: "Yes, I can't collect it" }).click();
    await expect(friend.page.getByRole("status")).toContainText("your code no longer opens the door");
    await expectAccessible(friend.page, "trusted person declined");
  } finally {
    await friend.context.close();
  }

  await page.goto(`/parcels/${parcel.parcelId}`);
  await expect(section.getByRole("status")).toContainText(`Zhao Lei (${masked(trustedPhone)}) said they cannot collect this parcel`);
  await expect(section.getByRole("button", { name: "Let them collect" })).toBeVisible();
});
