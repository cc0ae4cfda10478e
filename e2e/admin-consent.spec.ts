import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { DEMO } from "./support/accounts";
import { signInAsAdmin } from "./support/admin";

/* The compliance view (issue 16): every deposit of the demo network has a consent record. */
test("the consent page proves every deposit has a consent record, per site and carrier", async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Consent" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Consent" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Every deposit has a consent record." })).toBeVisible();
  const table = page.getByRole("table", { name: "Deposits by how consent was given, per site and carrier" });
  const northZto = table.getByRole("row").filter({ hasText: "North Dormitory Station" }).filter({ hasText: "ZTO Express" });
  await expect(northZto).toHaveCount(1);
  await expect(northZto.getByRole("cell").last()).toHaveText("0");
  await expectAccessible(page, "consent compliance");
});

/*
 * The organization's default for recipients with no preference. West Lake's admin changes
 * it (the campus's own default stays, so other journeys depositing there are untouched),
 * and puts it back.
 */
test("an admin sets what couriers may do for recipients who recorded no preference", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await signInAsAdmin(page, DEMO.otherAdmin);
    await page.getByRole("link", { name: "Consent" }).click();
    const panel = page.getByRole("region", { name: "Recipients with no preference" });
    await expect(panel).toContainText("Now: Lockers are fine.");
    // One click changes it for every site: each choice first says so, and changes nothing yet.
    await expect(panel.getByRole("button", { name: "Change it for every site" })).toHaveCount(0);
    await panel.getByText("Keep them out of lockers…").click();
    await expect(panel).toContainText("From the next deposit on, every site of your organization treats recipients with no preference as “Never a locker”");
    await expect(panel).toContainText("Now: Lockers are fine.");
    await panel.getByText("Ask recipients first…").click();
    const ask = panel.getByRole("group").filter({ hasText: "Ask recipients first…" });
    await ask.getByRole("button", { name: "Change it for every site" }).click();
    await expect(panel.getByRole("status")).toContainText("Saved. It applies from the next deposit.");
    await expect(panel).toContainText("Now: Ask first.");
    await expect(panel.getByText("Ask recipients first…")).toHaveCount(0);
    await expectAccessible(page, "consent default set to ask");
    await panel.getByText("Allow lockers by default…").click();
    await panel.getByRole("group").filter({ hasText: "Allow lockers by default…" }).getByRole("button", { name: "Change it for every site" }).click();
    await expect(panel).toContainText("Now: Lockers are fine.");
  } finally {
    await context.close();
  }
});
