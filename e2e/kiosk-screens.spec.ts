import { expect, test } from "@playwright/test";
import { makeLocker, makeStation } from "./support/admin";
import { expectAccessible } from "./support/axe";
import { makeWaitingParcel } from "./support/courier";
import { enterCodeAtKiosk, openKiosk, WRONG_CODE_MESSAGE } from "./support/customers";
import { makeReturnToDropOff } from "./support/outbound";
import { boxOf, expectNoHorizontalOverflow } from "./support/screens";

/*
 * The locker's screen as it hangs on the wall, landscape, at the two sizes kiosks come in:
 * code entry has the screen, keys a finger hits at arm's length, nothing to scroll, and a
 * map of doors that tells a passer-by nothing about which doors hold a parcel.
 */

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

test("a landscape kiosk gives the code entry the screen: keys of 64 px and more, nothing to scroll, a map that hides full doors", async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const { site, courier } = await makeStation("Kiosk fit", { code: "K", rowSizes: ["S", "M", "L"], columns: 3 });
  const parcel = await makeWaitingParcel(site.code, courier.phone);

  const kiosk = await openKiosk(browser, testInfo, site.code, "a new kiosk");
  try {
    const screen = kiosk.page;
    for (const size of SIZES) {
      await screen.setViewportSize(size);
      const label = `kiosk at ${size.width}×${size.height}`;
      const keypad = screen.getByRole("group", { name: "Keypad" });
      const keys = keypad.getByRole("button");
      await expect(keys).toHaveCount(12);
      for (const key of await keys.all()) {
        const box = await boxOf(key);
        expect(box.height, `${label}: key ${await key.innerText()}`).toBeGreaterThanOrEqual(64);
        expect(box.y + box.height, `${label}: key ${await key.innerText()} on screen`).toBeLessThanOrEqual(size.height);
      }
      const submit = await boxOf(screen.getByRole("button", { name: "Open my door" }));
      expect(submit.y + submit.height, `${label}: Open my door on screen`).toBeLessThanOrEqual(size.height);
      // Nothing to scroll, either way.
      expect(await screen.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(size.height);
      await expectNoHorizontalOverflow(screen, label);
      // Code entry has the screen: the pickup panel is at least twice as wide as the map of doors.
      const pickup = await boxOf(screen.getByRole("region", { name: "Pickup" }));
      const doors = await boxOf(screen.getByRole("region", { name: "Doors at this station" }));
      expect(pickup.width, `${label}: pickup panel vs map`).toBeGreaterThanOrEqual(2 * doors.width);
      // Readable at arm's length: instructions of 24 px type, fields of 48 px digits.
      const instructions = screen.getByText("Enter your 6-digit pickup code, then the last 4 digits of your phone number.");
      expect(await instructions.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(24);
      expect(await screen.getByLabel("Pickup code").evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(48);

      // The idle map: every working door looks the same, the one holding a parcel too.
      const cells = screen.locator("[data-door]");
      await expect(cells).toHaveCount(9);
      await expect(screen.locator(`[data-door="${parcel.door}"]`)).toHaveAttribute("data-state", "in_service");
      const looks = await cells.evaluateAll((elements) => [...new Set(elements.map((element) => getComputedStyle(element).backgroundColor))]);
      expect(looks, "one colour for every working door").toHaveLength(1);
      await expect(screen.getByRole("list", { name: "Map colours" })).toContainText("Your door, once opened");

      await expect(screen).toHaveScreenshot(`kiosk-idle-${size.width}x${size.height}.png`, {
        // The station's name and code are the test's own, and the clock moves.
        mask: [screen.getByRole("banner"), screen.locator("figcaption")],
        maxDiffPixelRatio: 0.01,
      });
    }
    await expectAccessible(screen, "kiosk: landscape");

    // A slip in one part: the digits stay, the customer fixes the phone digits alone.
    await screen.setViewportSize(SIZES[0]);
    const wrongLast4 = parcel.phoneLast4 === "0000" ? "1111" : "0000";
    await screen.getByLabel("Pickup code").fill(parcel.code);
    await screen.getByLabel("Phone, last 4").fill(wrongLast4);
    await screen.getByRole("button", { name: "Open my door" }).click();
    await expect(screen.getByRole("alert").filter({ hasText: WRONG_CODE_MESSAGE })).toBeVisible();
    await expect(screen.getByLabel("Pickup code")).toHaveValue(parcel.code);
    await expect(screen.getByLabel("Phone, last 4")).toHaveValue(wrongLast4);
    await expect(screen.getByText("Your digits are still here: fix the part that is wrong")).toBeVisible();
    await expectAccessible(screen, "kiosk: wrong code, digits kept");
    await screen.getByLabel("Phone, last 4").fill(parcel.phoneLast4);
    await screen.getByRole("button", { name: "Open my door" }).click();
    await expect(screen.getByRole("status")).toContainText(`Door ${parcel.door} is open`);
    await expect(screen.locator(`[data-door="${parcel.door}"]`)).toHaveAttribute("data-state", "open");
  } finally {
    await kiosk.context.close();
  }
});

test("a station of three cabinets fits the 1280×800 kiosk: every cabinet and the map's colours in view, nothing to scroll", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  // The demo campus's largest station (lib/demo/seed.ts, ZJG-E): twelve columns of doors, up to eight rows.
  const { site } = await makeStation("Kiosk three", { code: "A", rowSizes: ["S", "S", "M", "M", "M", "L", "L", "XL"], columns: 4 });
  await makeLocker(site, { code: "B", rowSizes: ["S", "M", "M", "M", "L", "XL"], columns: 4 });
  await makeLocker(site, { code: "C", rowSizes: ["L", "L", "XL"], columns: 4 });

  const kiosk = await openKiosk(browser, testInfo, site.code, "a new kiosk");
  try {
    const screen = kiosk.page;
    for (const size of SIZES) {
      await screen.setViewportSize(size);
      const label = `three cabinets at ${size.width}×${size.height}`;
      expect(await screen.evaluate(() => document.documentElement.scrollHeight), label).toBeLessThanOrEqual(size.height);
      await expectNoHorizontalOverflow(screen, label);
      const map = await boxOf(screen.getByRole("region", { name: "Doors at this station" }));
      const cabinets = screen.getByRole("region", { name: "Doors at this station" }).getByRole("figure");
      await expect(cabinets).toHaveCount(3);
      for (const cabinet of await cabinets.all()) {
        const box = await boxOf(cabinet);
        expect(box.x, `${label}: cabinet inside the map`).toBeGreaterThanOrEqual(map.x);
        expect(box.x + box.width, `${label}: cabinet inside the map`).toBeLessThanOrEqual(map.x + map.width);
        expect(box.y + box.height, `${label}: cabinet inside the map`).toBeLessThanOrEqual(map.y + map.height);
      }
      await expect(screen.getByRole("list", { name: "Map colours" })).toBeInViewport({ ratio: 1 });
      await expect(screen.getByRole("button", { name: "Open my door" })).toBeInViewport({ ratio: 1 });
    }
  } finally {
    await kiosk.context.close();
  }
});

test("the lockout screen and the Send screen fit the 1280×800 kiosk: nothing to scroll, the focused scanner field keeps the heading in view", async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const size = SIZES[0];
  // A kiosk of its own at the slow-down journeys' gate (kiosk-refusals.spec.ts): wrong codes count per kiosk.
  const locked = await openKiosk(browser, testInfo, "WLR-1", "a new kiosk");
  try {
    const screen = locked.page;
    await screen.setViewportSize(size);
    // lib/pickup-codes/limits.ts: 3 wrong entries are free, the 4th makes the kiosk wait.
    for (let attempt = 1; attempt <= 4; attempt++) await enterCodeAtKiosk(screen, String(200000 + attempt * 1111));
    await expect(screen.getByTestId("lockout-countdown")).toBeVisible();
    await expect(screen.getByLabel("QR code from the scanner")).toBeFocused();
    expect(await screen.evaluate(() => document.documentElement.scrollHeight), "lockout at 1280×800").toBeLessThanOrEqual(size.height);
    expect(await screen.evaluate(() => window.scrollY), "lockout: nothing scrolled away").toBe(0);
    await expect(screen.getByRole("heading", { level: 1 })).toBeInViewport({ ratio: 1 });
    await expect(screen.getByText("Too many wrong codes", { exact: true })).toBeInViewport({ ratio: 1 });
    await expect(screen.getByLabel("QR code from the scanner")).toBeInViewport({ ratio: 1 });
    await expectNoHorizontalOverflow(screen, "lockout at 1280×800");
  } finally {
    await locked.context.close();
  }

  const { site, courier } = await makeStation("Kiosk send fit", { code: "F", rowSizes: ["S", "M"], columns: 2 });
  await makeReturnToDropOff(site.code, courier.phone);
  const kiosk = await openKiosk(browser, testInfo, site.code, "a new kiosk");
  try {
    const screen = kiosk.page;
    await screen.setViewportSize(size);
    await screen.getByRole("link", { name: "Send a parcel" }).click();
    await expect(screen.getByRole("heading", { level: 2, name: "Send a parcel" })).toBeVisible();
    expect(await screen.evaluate(() => document.documentElement.scrollHeight), "Send at 1280×800").toBeLessThanOrEqual(size.height);
    await expect(screen.getByRole("button", { name: "Open a door" })).toBeInViewport({ ratio: 1 });
    await expect(screen.getByRole("button", { name: "Scan the QR code instead" })).toBeInViewport({ ratio: 1 });
    await expectNoHorizontalOverflow(screen, "Send at 1280×800");
    await expectAccessible(screen, "kiosk: Send a parcel, landscape");
  } finally {
    await kiosk.context.close();
  }
});
