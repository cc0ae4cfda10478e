import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { signInAsAdmin } from "./support/admin";
import { expectAccessible } from "./support/axe";
import { newDevice } from "./support/customers";
import { boxOf, expectNoHorizontalOverflow, expectTargetsAtLeast } from "./support/screens";

/*
 * The customer's screens on the phone in their hand (and on a desktop): Bob, a seeded
 * customer, has two parcels waiting at Library Plaza Station (lib/demo/seed.ts) and no
 * test changes them.
 */

test("My parcels: the station said once, each card with door, code, QR and time left, the second code on the first screen", async ({
  page,
}) => {
  await signIn(page, DEMO.bob);
  const station = page.getByRole("region", { name: "At Library Plaza Station" });
  await expect(station.getByText("Opening hours:")).toHaveCount(1);
  const cards = station.getByRole("article");
  await expect(cards).toHaveCount(2);
  for (const card of await cards.all()) {
    await expect(card.getByRole("heading", { name: /^Door [A-Z]-\d{2}$/ })).toBeVisible();
    await expect(card.getByTestId("pickup-code")).toHaveText(/^\d{3}\s?\d{3}$/);
    await expect(card.getByRole("img", { name: "QR code that opens your door at Library Plaza Station" })).toBeVisible();
    await expect(card.getByText(/\d+ h left|\d+ days? \d+ h left/)).toBeVisible();
    await expect(card.getByText("Opening hours:")).toHaveCount(0);
  }
  // The QR is drawn by the server, in the page itself: no image to load after the HTML.
  await expect(cards.first().getByRole("img", { name: /QR code/ }).locator("svg")).toHaveCount(1);

  // The second parcel's code is on the first screen, without scrolling.
  const viewport = page.viewportSize()!;
  const second = await boxOf(cards.nth(1).getByTestId("pickup-code"));
  expect(second.y + second.height, `second code within the first ${viewport.height} px`).toBeLessThanOrEqual(viewport.height);

  await expectNoHorizontalOverflow(page, "my parcels");
  await expectTargetsAtLeast(page.getByRole("main"), 24, "my parcels");
  await expectTargetsAtLeast(page.getByRole("navigation", { name: "Customer" }), 44, "the customer's tabs");
  await expectTargetsAtLeast(cards.getByRole("link", { name: /Details and timeline/ }), 44, "the cards' main action");
  await expectTargetsAtLeast(station.getByRole("link", { name: /Open in map/ }), 44, "the map link");
  await expectAccessible(page, "my parcels (Bob)");

  await expect(station).toHaveScreenshot("my-parcels.png", {
    // Codes, QR codes and the time left change from run to run; the layout does not.
    mask: [station.getByTestId("pickup-code"), station.getByRole("img"), station.getByText(/ left/)],
    maxDiffPixelRatio: 0.01,
  });

  // A parcel's page: its main actions are thumb-sized too.
  await cards.first().getByRole("link", { name: /Details and timeline/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Timeline" })).toBeVisible();
  await expectNoHorizontalOverflow(page, "parcel page");
  await expectTargetsAtLeast(page.getByRole("main"), 24, "parcel page");
  await expectTargetsAtLeast(page.getByRole("link", { name: "← My parcels" }), 44, "the way back");
});

test("one name and one colour for a parcel's state, on the customer's card and in the admin's list", async ({ page, browser }, testInfo) => {
  await signIn(page, DEMO.bob);
  const badge = page.getByRole("article").filter({ hasText: "SF1402990020" }).getByText("Ready for pickup", { exact: true });
  await expect(badge).toBeVisible();
  const customerColour = await badge.evaluate((element) => getComputedStyle(element).backgroundColor);

  const laptop = await newDevice(browser, testInfo);
  try {
    await signInAsAdmin(laptop.page);
    await laptop.page.goto("/admin/parcels?tracking=SF1402990020");
    const row = laptop.page.getByRole("row").filter({ hasText: "SF1402990020" });
    const adminBadge = row.getByText("Ready for pickup", { exact: true });
    await expect(adminBadge).toBeVisible();
    expect(await adminBadge.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(customerColour);
    // The dashboard counts them under the same name.
    await laptop.page.goto("/admin");
    await expect(laptop.page.getByRole("link", { name: /ready for pickup at Library Plaza Station$/ })).toBeVisible();
  } finally {
    await laptop.context.close();
  }
});

test("the landing page explains the service to a first-time visitor and leads each role to sign in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Your parcels, waiting in a locker near you" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "How it works" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Create a customer account" })).toHaveAttribute("href", "/sign-up");
  await expect(page.getByRole("link", { name: "Courier sign-in" })).toHaveAttribute("href", /\/sign-in\?callbackUrl=%2Fcourier$/);
  await expect(page.getByRole("link", { name: "Admin sign-in" })).toHaveAttribute("href", /\/sign-in\?callbackUrl=%2Fadmin$/);
  await expectNoHorizontalOverflow(page, "landing page");
  await expectTargetsAtLeast(page.getByRole("main"), 24, "landing page");
  await expectAccessible(page, "landing page");
  await expect(page).toHaveScreenshot("landing.png", { fullPage: true, maxDiffPixelRatio: 0.01 });

  // A favicon and an icon, on every page.
  expect((await page.request.get("/favicon.ico")).status()).toBe(200);
  const icon = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect(icon).toBeTruthy();
  expect((await page.request.get(icon!)).status()).toBe(200);

  // A courier following their way in lands on the sign-in page, sent back to their screens after.
  await page.getByRole("link", { name: "Courier sign-in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});
