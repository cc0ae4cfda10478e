import { expect, test as base, type Locator, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { makeAnnouncedParcel, openDoor, openSite, SIZE_RANK, testPhone, uniqueTracking } from "./support/courier";
import { cameraFile, fakeCameraArgs, filmNothing, filmWaybill } from "./support/waybill-camera";

/*
 * The courier's deposit, scan first (issue 14), on a browser without BarcodeDetector: the
 * camera is Chromium's fake capture device filming a Code 128 waybill drawn by bwip-js, and
 * the app reads it with its own WebAssembly decoder. The journey counts its own touches per
 * announced parcel and checks, at every step, that the step's main button is on the first
 * screen without scrolling; it prints page heights and button positions as annotations.
 */

const test = base.extend<object, { camera: string }>({
  camera: [
    async ({}, use, workerInfo) => {
      const file = cameraFile(workerInfo.workerIndex);
      filmNothing(file);
      await use(file);
    },
    { scope: "worker" },
  ],
  launchOptions: [
    async ({ launchOptions, camera }, use) => {
      await use({ ...launchOptions, args: [...(launchOptions.args ?? []), ...fakeCameraArgs(camera)] });
    },
    { scope: "worker" },
  ],
});

test.use({ permissions: ["camera"] });

test.beforeEach(async ({ page }) => {
  // The fallback is what is under test: iPhones and desktop Chromium have no BarcodeDetector.
  await page.addInitScript(() => {
    delete (window as unknown as { BarcodeDetector?: unknown }).BarcodeDetector;
  });
});

type Measure = { step: string; pageHeight: number; viewport: number; button: string; top: number; bottom: number; scrollY: number };

/** Asserts `button` is on the first screen (the page not scrolled) and records where. */
async function onFirstScreen(page: Page, button: Locator, step: string, measures: Measure[]) {
  await expect(button).toBeVisible();
  const box = await button.boundingBox();
  const where = await page.evaluate(() => ({
    pageHeight: document.documentElement.scrollHeight,
    viewport: window.innerHeight,
    scrollY: window.scrollY,
  }));
  expect(box, `${step}: main button has a box`).not.toBeNull();
  const measure = { step, ...where, button: (await button.textContent())?.trim() ?? "", top: Math.round(box!.y), bottom: Math.round(box!.y + box!.height) };
  measures.push(measure);
  expect(where.scrollY, `${step}: the page was not scrolled`).toBe(0);
  expect(box!.y, `${step}: top of "${measure.button}"`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${step}: bottom of "${measure.button}" within the ${where.viewport} px screen`).toBeLessThanOrEqual(where.viewport);
}

function report(measures: Measure[], touches: Record<string, number>[]) {
  const info = test.info();
  for (const m of measures) {
    const line = `${m.step}: page ${m.pageHeight} px tall, viewport ${m.viewport} px; "${m.button}" at ${m.top}–${m.bottom} px`;
    info.annotations.push({ type: "measure", description: line });
    console.log(`[${info.project.name}] ${line}`);
  }
  touches.forEach((t, i) => {
    const line = `parcel ${i + 1}: ${t.scanToOpen} touches from scan to open door, ${t.doorClosed} to close it by hand`;
    info.annotations.push({ type: "touches", description: line });
    console.log(`[${info.project.name}] ${line}`);
  });
}

test("announced parcels in a row: scan, confirm, the door opens; the next scan is on the first screen the moment the door is closed", async ({
  page,
  camera,
}, testInfo) => {
  // Three parcels, four accessibility checks and the decoder's first download: a long journey.
  test.slow();
  const touch = (target: Locator) => (testInfo.project.use.hasTouch ? target.tap() : target.click());
  const parcels = await Promise.all(
    (["S", "M", "L"] as const).map((size, i) => makeAnnouncedParcel("ZJG-N", DEMO.ztoCourier, { size, recipientName: i === 1 ? "Li Wei" : undefined })),
  );
  const measures: Measure[] = [];
  const touches: Record<string, number>[] = [];

  await signIn(page, DEMO.ztoCourier);
  await openSite(page, "North Dormitory Station");
  const scan = page.getByRole("button", { name: "Scan", exact: true });
  const openADoor = page.getByRole("button", { name: "Open a door" });
  const dialog = page.getByRole("dialog", { name: "Scan the waybill barcode" });

  for (const [i, parcel] of parcels.entries()) {
    const n = i + 1;
    let count = 0;
    await onFirstScreen(page, scan, `parcel ${n}, ready to scan`, measures);
    await onFirstScreen(page, openADoor, `parcel ${n}, ready to scan`, measures);
    if (i === 0) await expectAccessible(page, "deposit form, scan first");

    await filmWaybill(camera, parcel.trackingNumber);
    await touch(scan);
    count++;
    await expect(dialog).toBeVisible();
    await expect(dialog).toBeHidden({ timeout: 20_000 });
    // Read by the app's own WebAssembly decoder, not a BarcodeDetector of the browser's.
    await expect(page.locator("dialog")).toHaveAttribute("data-engine", "zxing-wasm");
    await expect(page.getByLabel("Tracking number")).toHaveValue(parcel.trackingNumber);

    const card = page.getByRole("region", { name: "Announced by your carrier" });
    await expect(card).toContainText(parcel.size);
    await expect(card).toContainText(parcel.recipientPhone);
    if (n === 2) await expect(card).toContainText("Li Wei");
    await expect(page.getByLabel("Recipient phone")).toBeHidden();
    await onFirstScreen(page, openADoor, `parcel ${n}, announced, to confirm`, measures);
    if (i === 0) await expectAccessible(page, "announced parcel to confirm");

    await touch(openADoor);
    count++;
    const door = await openDoor(page);
    expect(SIZE_RANK[door.size], `announced ${parcel.size} in a ${door.size} door`).toBeGreaterThanOrEqual(SIZE_RANK[parcel.size]);
    await expect(page.getByText(parcel.recipientPhone)).toBeVisible();
    const closed = page.getByRole("button", { name: "Door closed" });
    await onFirstScreen(page, closed, `parcel ${n}, door ${door.door} open`, measures);
    if (i === 0) await expectAccessible(page, "door screen");

    // The simulated cabinet reports no door-closed here: the courier's button is the fallback.
    await touch(closed);
    touches.push({ scanToOpen: count, doorClosed: 1 });
    const banner = page.getByRole("status").filter({ hasText: `Deposited in door ${door.door}` });
    await expect(banner).toContainText(parcel.trackingNumber);
    await expect(page.getByLabel("Tracking number")).toHaveValue("");
    if (i === 0) await expectAccessible(page, "deposit form after a deposit");
  }
  await onFirstScreen(page, scan, "after the last parcel", measures);
  await onFirstScreen(page, openADoor, "after the last parcel", measures);

  report(measures, touches);
  for (const t of touches) expect(t.scanToOpen).toBeLessThanOrEqual(2);
});

test("a number nobody announced: a handheld scanner's Enter leads to the phone, and every field and the main button fit the first screen after a deposit", async ({
  page,
}) => {
  const measures: Measure[] = [];
  await signIn(page, DEMO.ztoCourier);
  await openSite(page, "East Teaching Station");
  const openADoor = page.getByRole("button", { name: "Open a door" });

  for (const size of ["M", "S"] as const) {
    const tracking = uniqueTracking("HH");
    await page.getByLabel("Tracking number").fill(tracking);
    await page.getByLabel("Tracking number").press("Enter");
    await expect(page.getByLabel("Recipient phone")).toBeFocused();
    await expect(page.getByRole("region", { name: "Announced by your carrier" })).toHaveCount(0);
    await page.getByLabel("Recipient phone").fill(testPhone());
    await page.getByRole("radio", { name: `Size ${size}` }).check();
    await page.evaluate(() => window.scrollTo(0, 0));
    await onFirstScreen(page, openADoor, `typed parcel of size ${size}, filled`, measures);
    await openADoor.click();
    const door = await openDoor(page);
    await page.getByRole("button", { name: "Door closed" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Deposited in door ${door.door}` })).toContainText(tracking);
  }

  // An announced number from a handheld scanner (typed, then Enter) is confirmed the same
  // way; "Change" shows the announcement's values in the fields, to correct before opening.
  const announced = await makeAnnouncedParcel("ZJG-E", DEMO.ztoCourier, { size: "L", recipientName: "Wang Fang" });
  await page.getByLabel("Tracking number").fill(announced.trackingNumber.toLowerCase());
  await page.getByLabel("Tracking number").press("Enter");
  const card = page.getByRole("region", { name: "Announced by your carrier" });
  await expect(card).toContainText("Wang Fang");
  await expect(openADoor).toBeFocused();
  await card.getByRole("button", { name: "Change size or recipient" }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByLabel("Recipient phone")).toHaveValue(announced.recipientPhone);
  await expect(page.getByRole("radio", { name: "Size L" })).toBeChecked();
  await page.getByRole("radio", { name: "Size XL" }).check();
  await openADoor.click();
  const bigger = await openDoor(page);
  expect(bigger.size).toBe("XL");
  await page.getByRole("button", { name: "Door closed" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Deposited in door ${bigger.door}` })).toContainText(announced.trackingNumber);

  // Before a number is in, the screen is the scan alone; then the fields follow.
  await expect(page.getByLabel("Recipient phone")).toBeHidden();
  await page.getByLabel("Tracking number").fill(uniqueTracking("HH"));
  await expect(page.getByLabel("Recipient phone")).toBeVisible();
  // The optional fields sit behind a disclosure that says it opens, not a box like an input.
  const disclosure = page.locator("summary").filter({ hasText: "Recipient name and email" });
  await expect(disclosure).toHaveCSS("border-top-width", "0px");
  await expect(page.getByLabel("Recipient name")).toBeHidden();
  await disclosure.click();
  await expect(page.getByLabel("Recipient name")).toBeVisible();
  await expectAccessible(page, "deposit form with the optional fields open");
  report(measures, []);
});
