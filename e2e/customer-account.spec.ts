import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { signUpAndConfirmPhone, newDevice, readTextMessage } from "./support/customers";
import { expectAccessible } from "./support/axe";

/** A phone number no parcel and no other test uses. */
function freshPhone(): string {
  return `187${String(Date.now()).slice(-6)}${String(Math.floor(Math.random() * 100)).padStart(2, "0")}`;
}

test("a new customer confirms their phone with the texted code, sees the empty state and picks a preferred site", async ({ page }) => {
  test.setTimeout(120_000);
  const phone = freshPhone();
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Zhou Yu");
  await page.getByLabel("Email").fill(`zhou.${phone}@example.com`);
  await page.getByLabel("Mobile phone").fill(phone);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/parcels");
  await expect(page).toHaveTitle(/My parcels/);
  await expectAccessible(page, "my parcels (phone not confirmed)");

  await page.getByRole("link", { name: "Confirm my phone number" }).click();
  await expect(page.getByText(`${phone.slice(0, 3)}****${phone.slice(-4)}`).first()).toBeVisible();
  await expectAccessible(page, "confirm phone");
  await page.getByRole("button", { name: "Text me a code" }).click();
  await expect(page.getByRole("status")).toContainText("We are texting a 6-digit code to");
  await expect(page.getByText("5 tries left")).toBeVisible();
  // Asking again at once is refused, with the wait.
  await page.getByRole("button", { name: "Send me a new code" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You can ask for another in" })).toBeVisible();

  const [, code] = await readTextMessage(phone, /(\d{6}) is your code to confirm this phone number/);
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
  await page.getByLabel("6-digit code").fill(wrong);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("That code is not right. 4 tries left.")).toBeVisible();
  // The card counts the try just made, as the field error does.
  await expect(page.getByRole("region", { name: "Enter the code" })).toContainText("; 4 tries left.");
  await expect(page.getByRole("region", { name: "Enter the code" })).not.toContainText("5 tries left");
  await expect(page.getByLabel("6-digit code")).toHaveValue("");
  await expectAccessible(page, "confirm phone (wrong code)");

  await page.getByLabel("6-digit code").fill(code);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page).toHaveURL("/parcels?verified=1");
  await expect(page.getByText("No parcels yet")).toBeVisible();
  await expect(page).toHaveTitle(/My parcels/);
  await expectAccessible(page, "my parcels (empty)");

  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByText("— confirmed")).toBeVisible();
  await page.getByLabel("Preferred site").selectOption({ label: "Library Plaza Station — 07:00–23:00 daily" });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Saved: Library Plaza Station is your preferred site.");
  await page.reload();
  await expect(page.getByText("Now: Library Plaza Station")).toBeVisible();
  await expect(page.getByLabel("Preferred site")).toHaveValue(/\d+/);
  await expectAccessible(page, "account");

  await page.getByRole("link", { name: "Messages" }).click();
  // The one code that was sent (the second request was refused), now harmless to show.
  await expect(page.getByText("is your code to confirm this phone number")).toHaveCount(1);
});

test("the inbox holds the texts and emails sent to the customer, newest first", async ({ page }) => {
  await signIn(page, DEMO.bob);
  await page.getByRole("link", { name: "Messages" }).click();
  const messages = page.getByRole("article");
  await expect(messages.first()).toBeVisible();
  // Bob never chose a language, so his texts speak the demo campus's: Chinese (issue 15).
  await expect(messages.filter({ hasText: "运单号 ZT7730012455" }).filter({ hasText: "超过取件期限" }).first()).toBeVisible();
  await expect(messages.filter({ hasText: "取件提醒" }).first()).toBeVisible();
  await expectAccessible(page, "messages (Bob)");
});

test("the e2e server's development mailbox is open to everybody signed in and says so; nobody signed out reads it", async ({ page }) => {
  // Closed (the default), an admin sees only their organization's parcel messages and no
  // phone code: lib/notifications/mailbox.test.ts. The e2e server opens it (DEV_MAILBOX=open).
  const response = await page.goto("/dev/mailbox");
  expect(response?.status()).toBe(404);

  await signIn(page, DEMO.alice);
  await page.goto("/dev/mailbox?to=13800000001");
  await expect(page.getByRole("heading", { level: 1, name: "Development mailbox" })).toBeVisible();
  await expect(page.getByText("This mailbox is open: everybody signed in sees every message")).toBeVisible();
  await expect(page.getByRole("article").first()).toContainText("to 13800000001");
  await expectAccessible(page, "development mailbox");
});

test("a number signed up with but never confirmed does not keep its owner from signing up", async ({ page, browser }, testInfo) => {
  const phone = freshPhone();
  const signUp = async (target: typeof page, email: string) => {
    await target.goto("/sign-up");
    await target.getByLabel("Your name").fill("Same Number");
    await target.getByLabel("Email").fill(email);
    await target.getByLabel("Mobile phone").fill(phone);
    await target.getByLabel("Password").fill("a-long-enough-password");
    await target.getByRole("button", { name: "Create account" }).click();
    await expect(target).toHaveURL("/parcels");
    await expect(target.getByText("Your phone number is not confirmed yet")).toBeVisible();
  };
  await signUp(page, `squatter.${phone}@example.com`);
  const owner = await newDevice(browser, testInfo);
  try {
    await signUp(owner.page, `owner.${phone}@example.com`);
  } finally {
    await owner.context.close();
  }
});

test("changing the password signs the account out on every other device, not on this one", async ({ page, browser }, testInfo) => {
  const phone = freshPhone();
  const email = `changer.${phone}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Password Changer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mobile phone").fill(phone);
  await page.getByLabel("Password").fill("the-first-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/parcels");

  const laptop = await newDevice(browser, testInfo);
  try {
    await signIn(laptop.page, email, "the-first-password");
    await expect(laptop.page).toHaveURL("/parcels");

    await page.goto("/account");
    await page.getByLabel("Current password").fill("not-the-first-password");
    await page.getByLabel("New password").fill("the-second-password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("That is not your current password.")).toBeVisible();
    await page.getByLabel("Current password").fill("the-first-password");
    await page.getByLabel("New password").fill("the-second-password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "Your password is changed. Every other device signed in to your account is now signed out.",
    );
    await expectAccessible(page, "account (password changed)");

    await laptop.page.goto("/parcels");
    await expect(laptop.page).toHaveURL(/\/sign-in/);
    await page.goto("/parcels");
    await expect(page).toHaveURL("/parcels");
  } finally {
    await laptop.context.close();
  }
});

test("the customer screens are customers' own", async ({ page }) => {
  await signIn(page, DEMO.ztoCourier);
  await page.goto("/messages");
  await expect(page).toHaveURL("/courier");
  await page.goto("/account/phone");
  await expect(page).toHaveURL("/courier");
});

// Keep the shared helper honest: a retried journey signs back in instead of failing on "already registered".
test("a customer who already confirmed their phone goes straight to their parcels", async ({ page }) => {
  test.setTimeout(120_000);
  const phone = freshPhone();
  await signUpAndConfirmPhone(page, phone);
  await page.goto("/sign-out");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
  await signUpAndConfirmPhone(page, phone);
  await expect(page).toHaveURL("/parcels");
  await expect(page.getByText("No parcels yet")).toBeVisible();
});
