import { expect, test } from "@playwright/test";
import { makeStation } from "./support/admin";
import { expectAccessible } from "./support/axe";
import { makeWaitingParcel } from "./support/courier";
import {
  becomeConfirmedCustomer,
  decodeQr,
  forProject,
  NEWCOMERS,
  nextCustomerInEnglish,
  openKiosk,
  QR_OUT_OF_DATE_MESSAGE,
} from "./support/customers";

/*
 * The QR on the customer's phone opens the same door as the typed code. The test reads
 * the QR off a screenshot of the customer's screen, as a scanner would, and types what it
 * holds into the kiosk's scanner field (a USB scanner is a keyboard that ends with Enter).
 */

test("the customer's QR, scanned at the kiosk, opens their door; a QR for another site or a stranger's QR opens nothing", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const phone = forProject(testInfo, NEWCOMERS.libraryQr);
  await becomeConfirmedCustomer(page, phone, "Li Na");
  await page.getByRole("link", { name: /Details and timeline/ }).click();
  await expect(page).toHaveURL(/\/parcels\/\d+$/);
  await expect(page.getByRole("heading", { level: 2, name: "Timeline" })).toBeVisible();
  const code = (await page.getByTestId("pickup-code").innerText()).replace(/\D/g, "");
  const payload = await decodeQr(page, /QR code that opens your door at Library Plaza Station/);
  // The site and a token signed for this parcel: neither the code nor the phone's digits.
  expect(payload).toMatch(/^PLK2:ZJG-L:[0-9a-z]+\.[0-9a-z]+\.[0-9a-f]{32}$/);
  expect(payload).not.toContain(code);
  const door = /Door ([A-Z]-\d{2})/.exec(await page.getByRole("region", { name: "Where" }).innerText())![1];
  await expectAccessible(page, "parcel detail (waiting)");

  const kiosk = await openKiosk(browser, testInfo, "ZJG-L");
  try {
    const screen = kiosk.page;
    await screen.getByRole("button", { name: "Scan QR" }).click();
    const scanner = screen.getByLabel("QR code from the scanner");
    await expect(scanner).toBeFocused();
    await expectAccessible(screen, "kiosk: scan");

    // A QR for another station is turned away before it costs the site a guess.
    await scanner.fill("PLK1:ZJG-N:123456:0001");
    await scanner.press("Enter");
    const otherStation = "This QR code is for another station (ZJG-N). Please collect your parcel there.";
    await expect(screen.getByRole("alert").filter({ hasText: otherStation })).toHaveText(otherStation);
    await scanner.fill("https://example.com/not-a-pickup");
    await scanner.press("Enter");
    await expect(screen.getByRole("alert").filter({ hasText: "That is not a pickup QR code." })).toBeVisible();

    await scanner.fill(payload);
    await scanner.press("Enter");
    await expect(screen.getByRole("status")).toContainText(`Door ${door} is open — take your parcel and close the door.`);
    await expect(screen.locator(`[data-door="${door}"]`)).toHaveAttribute("data-state", "open");

    // The same QR again: the parcel is collected, so it opens nothing, and says the QR is out of date.
    await screen.getByRole("button", { name: "Done" }).click();
    await nextCustomerInEnglish(screen);
    await screen.getByRole("button", { name: "Scan QR" }).click();
    await screen.getByLabel("QR code from the scanner").fill(payload);
    await screen.getByLabel("QR code from the scanner").press("Enter");
    await expect(screen.getByRole("alert").filter({ hasText: QR_OUT_OF_DATE_MESSAGE })).toHaveText(QR_OUT_OF_DATE_MESSAGE);
  } finally {
    await kiosk.context.close();
  }

  await page.reload();
  await expect(page.getByText("Collected", { exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name: /QR code/ })).toHaveCount(0);
});

test("a kiosk slowed down by wrong codes still opens the door for a customer's QR", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  // A station of its own: its kiosk is slowed down on purpose.
  const { site, courier } = await makeStation("QR", { code: "Q", rowSizes: ["S"], columns: 2 });
  const parcel = await makeWaitingParcel(site.code, courier.phone);
  const kiosk = await openKiosk(browser, testInfo, site.code, "a new kiosk");
  try {
    const screen = kiosk.page;
    for (let attempt = 1; attempt <= 4; attempt++) {
      await screen.getByLabel("Pickup code").fill(String(300000 + attempt));
      await screen.getByLabel("Phone, last 4").fill("0000");
      await Promise.all([
        screen.waitForResponse((response) => response.request().method() === "POST"),
        screen.getByRole("button", { name: "Open my door" }).click(),
      ]);
      await expect(screen.getByRole("button", { name: "Open my door" }).or(screen.getByTestId("lockout-countdown"))).toBeVisible();
    }
    await expect(screen.getByTestId("lockout-countdown")).toBeVisible();

    // The customer's QR is not a guess: the slowed-down screen takes it, and the door opens.
    const scanner = screen.getByLabel("QR code from the scanner");
    await scanner.fill(parcel.qr);
    await scanner.press("Enter");
    await expect(screen.getByRole("status")).toContainText(`Door ${parcel.door} is open — take your parcel and close the door.`);
  } finally {
    await kiosk.context.close();
  }
});
