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

export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email or phone").fill(identifier);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
