import { expect, type Page } from "@playwright/test";

/** The demo accounts the e2e server seeds (lib/demo/seed.ts). */
export const DEMO_PASSWORD = "locker-demo-2026";
export const DEMO = {
  admin: "admin@demo.campus",
  otherAdmin: "admin@westlake.demo",
  ztoCourier: "zto.courier@demo.campus",
  sfCourier: "sf.courier@demo.campus",
  alice: "alice@demo.campus",
  bob: "bob@demo.campus",
} as const;

/**
 * Signs in through the form, as a person does: the journeys of signing in itself
 * (e2e/sign-in*.spec.ts). Lands on the account's home.
 */
export async function signInWithForm(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email or phone").fill(identifier);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/**
 * Signs in for a journey that is about something else, and lands on the account's home.
 * It posts to Auth.js's credentials route, which the form's action calls too (the same
 * checks, limits and session cookie), from the page's own browser context, so the page is
 * signed in. The form's page load, typing and post cost a loaded CI machine 4–6 s of each
 * of the suite's sixty-odd sign-ins; the form itself is proven by signInWithForm's journeys.
 */
export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, identifier, password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  // Auth.js answers a refused sign-in with a redirect to its error page as well.
  expect(answer.status(), `sign-in as ${identifier}`).toBe(302);
  expect(answer.headers().location ?? "", `sign-in as ${identifier}`).not.toMatch(/error=/);
  await page.goto("/");
  await expect(page).not.toHaveURL(/\/sign-in/);
}
