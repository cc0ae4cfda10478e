import { expect, test, type Page } from "@playwright/test";
import { makeStation, signInAsAdmin } from "./support/admin";
import { expectAccessible } from "./support/axe";
import { makeExpiredParcel, makeWaitingParcel } from "./support/courier";
import { expectNoHorizontalOverflow } from "./support/screens";

/*
 * The console on an admin's phone (390×844) and on a desktop: the sections fold into a
 * menu, tables become cards, nothing is wider than the screen; the door grid speaks the
 * one vocabulary, with a legend.
 */

const PHONE = { width: 390, height: 844 };

const SCREENS = [
  ["/admin", "Dashboard"],
  ["/admin/sites", "Sites"],
  ["/admin/parcels", "Parcels"],
  ["/admin/people", "People"],
  ["/admin/people/customers", "Customers"],
  ["/admin/carriers", "Carriers"],
  ["/admin/audit", "Audit trail"],
  ["/admin/api-tokens", "API tokens"],
] as const;

async function openSection(page: Page, name: string) {
  const nav = page.getByRole("navigation", { name: "Admin" });
  await nav.getByText("Menu").click();
  await nav.getByRole("link", { name, exact: true }).click();
}

test("on a phone the console's sections fold into a menu, tables become cards, and no screen is wider than the phone", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  await signInAsAdmin(page);
  const nav = page.getByRole("navigation", { name: "Admin" });
  // One line names where you are; the seven tabs are behind it.
  await expect(nav.getByText("Admin: Dashboard")).toBeVisible();
  await expect(nav.getByRole("link", { name: "Audit trail" })).toBeHidden();
  await openSection(page, "Parcels");
  await expect(page).toHaveURL(/\/admin\/parcels$/);
  await expect(nav.getByText("Admin: Parcels")).toBeVisible();
  // The menu closed behind the navigation.
  await expect(nav.getByRole("link", { name: "Audit trail" })).toBeHidden();

  for (const [path, label] of SCREENS) {
    await page.goto(path);
    await expect(nav.getByText(`Admin: ${label === "Customers" ? "People" : label}`)).toBeVisible();
    await expectNoHorizontalOverflow(page, path);
    const table = page.locator("table.table-cards").first();
    if ((await table.count()) > 0) {
      // A row is a card: a block, its cells labelled lines.
      const row = table.locator("tbody tr").first();
      expect(await row.evaluate((element) => getComputedStyle(element).display)).toBe("block");
      const cell = row.locator("td[data-label]").first();
      const label = await cell.getAttribute("data-label");
      expect(await cell.evaluate((element) => getComputedStyle(element, "::before").content)).toBe(`"${label}: "`);
    }
  }
  await page.goto("/admin/parcels");
  await expectAccessible(page, "parcels on a phone");
  await page.goto("/admin");
  await expectAccessible(page, "dashboard on a phone");
});

test("the door grid speaks the one vocabulary: a name, a colour and a mark per door condition, with its legend", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  const { site, courier } = await makeStation("Vocabulary", { code: "V", rowSizes: ["S", "M"], columns: 3 });
  const waiting = await makeWaitingParcel(site.code, courier.phone);
  const expired = await makeExpiredParcel(site.code, courier.phone);

  for (const [name, viewport] of [
    ["desktop", { width: 1280, height: 800 }],
    ["phone", PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.goto(`/admin/sites/${site.id}`);
    await expectNoHorizontalOverflow(page, `site page (${name})`);
    const grid = page.getByRole("list", { name: "Doors of locker V" });
    await expect(grid.getByRole("link", { name: new RegExp(`^Door ${waiting.door}, size [SM], occupied`) })).toBeVisible();
    await expect(grid.getByRole("link", { name: new RegExp(`^Door ${expired.door}, size [SM], expired`) })).toBeVisible();
    const legend = page.getByRole("list", { name: "Door colours" });
    await expect(legend).toHaveText(/Free.*Reserved.*Occupied.*Expired.*Out of service.*Removed/);
    // The size letter is readable: no 10 px print.
    const size = grid.getByRole("link").first().locator("span").nth(1);
    expect(await size.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(14);
    // Occupied and free doors differ by their whole face, not a stripe.
    const face = (door: string) =>
      grid.getByRole("link", { name: new RegExp(`^Door ${door},`) }).evaluate((element) => getComputedStyle(element).backgroundColor);
    const free = await grid.getByRole("link", { name: /, free$/ }).first().evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(await face(waiting.door)).not.toBe(free);
    expect(await face(expired.door)).not.toBe(await face(waiting.door));

    await expect(grid).toHaveScreenshot(`door-grid-${name}.png`, { maxDiffPixelRatio: 0.01 });
    await expect(legend).toHaveScreenshot(`door-legend-${name}.png`, { maxDiffPixelRatio: 0.01 });
  }
  await expectAccessible(page, "site page with its door grid (phone)");
});
