import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { DEMO, DEMO_PASSWORD, signIn, signInWithForm } from "./support/accounts";

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
      await signInWithForm(page, account);
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
  await signInWithForm(page, "137 0000 0011", DEMO_PASSWORD);
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

test("a callback address that leads off the site lands on the app's own home instead", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const callbackUrl of ["%2F%09%2Fevil.example", "https%3A%2F%2Fevil.example%2Fadmin", "%2F%5Cevil.example", "javascript%3Aalert(1)"]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Email or phone").fill(DEMO.admin);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/admin");
    expect(new URL(page.url()).origin).toBe(origin);
  }
});

test("after ten wrong passwords, even the right one is refused for a while, with the wait", async ({ page }) => {
  test.setTimeout(120_000);
  const email = `guessed.${Date.now()}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Guessed At");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mobile phone").fill(`185${String(Date.now()).slice(-8)}`);
  await page.getByLabel("Password").fill("the-right-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/parcels");
  await page.context().clearCookies();

  await page.goto("/sign-in");
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Email or phone").fill(email);
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The answer empties the password field: each try is in before the next is typed.
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
  }
  await page.getByLabel("Password").fill("the-right-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many attempts" })).toHaveText("Too many attempts. Try again in 15 minutes.");
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page, "sign-in (too many attempts)");
});

test("a session cookie saved before signing out no longer reaches a signed-in page", async ({ page, browser }) => {
  await signIn(page, DEMO.sfCourier);
  await expect(page).toHaveURL("/courier");
  const saved = await page.context().cookies();
  expect(saved.some((cookie) => cookie.name.endsWith("authjs.session-token"))).toBe(true);

  await page.goto("/sign-out");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);

  // Someone who copied the cookie puts it back in another browser.
  const thief = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: "en-US" });
  try {
    await thief.addCookies(saved);
    const stolen = await thief.newPage();
    await stolen.goto("/courier");
    await expect(stolen).toHaveURL(/\/sign-in/);
    await expect(stolen.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  } finally {
    await thief.close();
  }
});

test("a sign-in refused by Auth.js itself (posted straight to it) says why on the sign-in page", async ({ page }) => {
  await page.goto("/sign-in?error=CredentialsSignin&code=rate_limited");
  await expect(page.getByRole("alert").filter({ hasText: "Too many attempts" })).toHaveText("Too many attempts. Try again in a few minutes.");
  await page.goto("/sign-in?error=CredentialsSignin&code=credentials");
  await expect(page.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();
  await expectAccessible(page, "sign-in after a refusal");
});
