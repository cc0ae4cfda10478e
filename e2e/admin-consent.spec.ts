import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
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
