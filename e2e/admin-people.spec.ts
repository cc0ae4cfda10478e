import { expect, test } from "@playwright/test";
import { COURIER_PASSWORD, createCourierViaConsole, makeSite, signInAsAdmin, uniqueSuffix } from "./support/admin";
import { expectAccessible } from "./support/axe";

/* Couriers, admins, customers and carriers, as an organization manages them. */

test("an admin registers a courier, changes their sites, deactivates them (who then cannot sign in) and reactivates them", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signInAsAdmin(page);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "People" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Wang Jun" })).toBeVisible();
  await expectAccessible(page, "couriers");

  const first = await makeSite("People");
  const second = await makeSite("People");
  const courier = await createCourierViaConsole(page, [first]);
  await expectAccessible(page, "a courier");

  const sites = page.getByRole("region", { name: "Sites" });
  await sites.getByRole("checkbox", { name: `${first.name} (${first.code})` }).uncheck();
  await sites.getByRole("checkbox", { name: `${second.name} (${second.code})` }).check();
  await sites.getByRole("button", { name: "Save sites" }).click();
  await expect(sites.getByRole("status")).toContainText(`${courier.name} now serves ${second.name}.`);

  await page.getByText("Deactivate this courier…").click();
  await page.getByRole("button", { name: `Deactivate ${courier.name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "The courier is deactivated" })).toBeVisible();

  const courierPage = await (await browser.newContext()).newPage();
  await courierPage.goto("/sign-in");
  await courierPage.getByLabel("Email or phone").fill(courier.phone);
  await courierPage.getByLabel("Password").fill(COURIER_PASSWORD);
  await courierPage.getByRole("button", { name: "Sign in" }).click();
  await expect(courierPage.getByRole("alert").filter({ hasText: "do not match an account" })).toBeVisible();

  await page.getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The courier is active again" })).toBeVisible();
  await courierPage.getByLabel("Password").fill(COURIER_PASSWORD);
  await courierPage.getByRole("button", { name: "Sign in" }).click();
  await expect(courierPage).toHaveURL("/courier");
  await expect(courierPage.getByRole("link", { name: second.name, exact: true })).toBeVisible();
  await expect(courierPage.getByRole("link", { name: first.name, exact: true })).toHaveCount(0);
  await courierPage.context().close();

  await page.goto("/admin/audit?category=people");
  for (const text of [`Registered courier ${courier.name}`, `Changed the sites of ${courier.name}`, `Deactivated courier ${courier.name}`, `Reactivated courier ${courier.name}`]) {
    await expect(page.getByRole("row").filter({ hasText: text })).toHaveCount(1);
  }
});

test("an admin adds an admin and a carrier, and sees customers with their numbers masked", async ({ page }) => {
  await signInAsAdmin(page);
  const suffix = uniqueSuffix();

  await page.goto("/admin/people/admins");
  await expectAccessible(page, "admins");
  const form = page.getByRole("region", { name: "Add an admin" });
  await form.getByLabel("Name").fill(`E2E Admin ${suffix}`);
  await form.getByLabel("Email").fill(`e2e.admin.${suffix.toLowerCase()}@demo.campus`);
  await form.getByLabel("First password").fill("a-long-admin-password");
  await form.getByRole("button", { name: "Add admin" }).click();
  await expect(form.getByRole("status")).toContainText(`E2E Admin ${suffix} is an admin of your organization now`);
  await expect(page.getByRole("region", { name: /^Admins/ })).toContainText(`E2E Admin ${suffix}`);

  await page.goto("/admin/carriers");
  await expectAccessible(page, "carriers");
  const carrier = page.getByRole("region", { name: "Add a carrier" });
  await carrier.getByLabel("Name").fill(`E2E Express ${suffix}`);
  await carrier.getByLabel("Code").fill(`Z${suffix}`.slice(0, 10));
  await carrier.getByRole("button", { name: "Add carrier" }).click();
  await expect(carrier.getByRole("status")).toContainText(`E2E Express ${suffix}`);
  await expect(page.getByRole("rowheader", { name: `E2E Express ${suffix}` })).toBeVisible();
  await carrier.getByLabel("Name").fill("Duplicate");
  await carrier.getByLabel("Code").fill("ZTO");
  await carrier.getByRole("button", { name: "Add carrier" }).click();
  await expect(carrier.getByText("ZTO is taken by another carrier.")).toBeVisible();

  await page.goto("/admin/people/customers");
  await expectAccessible(page, "customers");
  // Alice (13800000001) has parcels at the campus: shown masked, never in full.
  await expect(page.getByRole("rowheader", { name: "138****0001" })).toBeVisible();
  await expect(page.getByText("13800000001")).toHaveCount(0);
});

test("a refused new-courier form keeps the carrier that was chosen", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/people/couriers/new");
  await page.getByLabel("Name").fill(`E2E Courier ${uniqueSuffix()}`);
  const carrier = page.getByLabel("Carrier");
  await carrier.selectOption({ label: "STO Express" });
  // Too short to be a phone number: the server refuses the form.
  await page.getByLabel("Mobile phone").fill("123");
  await page.getByLabel("First password").fill(COURIER_PASSWORD);
  await page.getByRole("button", { name: "Create courier" }).click();
  await expect(page.getByLabel("Mobile phone")).toHaveAttribute("aria-invalid", "true");
  await expect(carrier.locator("option:checked")).toHaveText("STO Express");
  await expect(page.getByLabel("Name")).not.toHaveValue("");
  // A second refusal keeps it too.
  await page.getByRole("button", { name: "Create courier" }).click();
  await expect(page.getByLabel("Mobile phone")).toHaveAttribute("aria-invalid", "true");
  await expect(carrier.locator("option:checked")).toHaveText("STO Express");
});

test("a new-courier form with no carrier chosen says to choose one", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/people/couriers/new");
  await page.getByLabel("Name").fill(`E2E Courier ${uniqueSuffix()}`);
  await page.getByLabel("Mobile phone").fill("13700001234");
  await page.getByLabel("First password").fill(COURIER_PASSWORD);
  await page.getByRole("button", { name: "Create courier" }).click();
  await expect(page.getByLabel("Carrier")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Choose a carrier.", { exact: true })).toBeVisible();
  await expect(page.getByText("This value is not valid.")).toHaveCount(0);
});
