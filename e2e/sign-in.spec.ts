import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { DEMO, DEMO_PASSWORD, signIn } from "./support/accounts";

test.describe("signing in lands each role on its home", () => {
  const homes = [
    { who: "campus admin", account: DEMO.admin, path: "/admin", heading: "Sites of your organization" },
    { who: "ZTO courier", account: DEMO.ztoCourier, path: "/courier", heading: "Your sites" },
    { who: "SF courier", account: DEMO.sfCourier, path: "/courier", heading: "Your sites" },
    { who: "customer Alice", account: DEMO.alice, path: "/parcels", heading: "My parcels" },
    { who: "customer Bob", account: DEMO.bob, path: "/parcels", heading: "My parcels" },
  ];
  for (const { who, account, path, heading } of homes) {
    test(`${who} lands on ${path}`, async ({ page }) => {
      await signIn(page, account);
      await expect(page).toHaveURL(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectAccessible(page);
    });
  }
});

test("the sign-in page is accessible and refuses a wrong password without saying which part was wrong", async ({ page }) => {
  await page.goto("/sign-in");
  await expectAccessible(page, "sign-in");
  await page.getByLabel("Email or phone").fill(DEMO.alice);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
  await expect(page.getByLabel("Email or phone")).toHaveValue(DEMO.alice);
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a courier can sign in with a phone number too", async ({ page }) => {
  await signIn(page, "137 0000 0011", DEMO_PASSWORD);
  await expect(page).toHaveURL("/courier");
});

test("pages of another role send a signed-in user back to their own home", async ({ page }) => {
  await signIn(page, DEMO.alice);
  await page.goto("/admin");
  await expect(page).toHaveURL("/parcels");
  await page.goto("/courier");
  await expect(page).toHaveURL("/parcels");
});

test("nobody signed in is sent to sign in, and back afterwards", async ({ page }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);
  await page.getByLabel("Email or phone").fill(DEMO.admin);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/admin");
});

test("signing out asks first, then ends the session", async ({ page }) => {
  await signIn(page, DEMO.ztoCourier);
  await page.getByRole("link", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign out?" })).toBeVisible();
  await expectAccessible(page, "sign-out");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
  await expect(page.getByRole("status")).toContainText("You are signed out");
  await page.goto("/courier");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a new customer can sign up, lands on an empty parcel list, and is told to confirm their phone", async ({ page }) => {
  const unique = Date.now().toString().slice(-8);
  await page.goto("/sign-up");
  await expectAccessible(page, "sign-up");
  await page.getByLabel("Your name").fill("Dana Test");
  await page.getByLabel("Email").fill(`dana.${unique}@example.com`);
  await page.getByLabel("Mobile phone").fill(`186${unique}`);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Dana Test");

  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/parcels");
  await expect(page.getByText("Your phone number is not confirmed yet")).toBeVisible();
});

test("signing up with an email that is taken says so next to the field", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Alice Again");
  await page.getByLabel("Email").fill(DEMO.alice);
  await page.getByLabel("Mobile phone").fill("18600000999");
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This email is already registered. Sign in instead.")).toBeVisible();
});
