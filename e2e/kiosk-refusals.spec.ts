import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { moveBrowserClock, moveClock } from "./support/clock";
import { newDevice, openKiosk, WRONG_CODE_MESSAGE } from "./support/customers";
import { expectAccessible } from "./support/axe";

/*
 * What the kiosk says when it opens nothing. Wrong codes count per kiosk: the slow-down
 * journeys pair kiosks of their own at the West Lake Residences Gate (WLR-1), which no
 * other journey uses. Time is moved, never waited for (e2e/support/clock.ts).
 */

test("an expired parcel's code is refused with its own message: whom to contact", async ({ page, browser }, testInfo) => {
  // Bob ignored the text he got four days ago; the code in it still names his parcel.
  await signIn(page, DEMO.bob);
  await page.getByRole("link", { name: "Messages" }).click();
  const oldText = page.getByRole("article").filter({ hasText: "ZT7730012455" }).filter({ hasText: "Pickup code" }).last();
  const code = /Pickup code:? (\d{6})/.exec(await oldText.innerText())![1];

  await page.goto("/parcels");
  const expired = page.getByRole("region", { name: "Pickup time over" });
  await expect(expired.getByRole("link", { name: /ZT7730012455/ })).toContainText("Waiting for ZTO Express to take it back — call 95311");

  const kiosk = await openKiosk(browser, testInfo, "ZJG-E");
  try {
    const screen = kiosk.page;
    // With a physical keyboard: the code, then the phone digits, then Enter.
    await screen.getByLabel("Pickup code").pressSequentially(code);
    await expect(screen.getByLabel("Phone, last 4")).toBeFocused();
    await screen.keyboard.type("0002");
    await screen.keyboard.press("Enter");
    const refusal = screen.getByRole("alert").filter({ hasText: "can no longer be collected" });
    await expect(refusal).toContainText("This parcel can no longer be collected here");
    await expect(refusal).toContainText(
      "This parcel's pickup time is over. It is waiting for ZTO Express to take it back; call 95311 to arrange delivery.",
    );
    await expect(screen.locator('[data-state="open"]')).toHaveCount(0);
    await expectAccessible(screen, "kiosk: expired parcel");
    await screen.getByRole("button", { name: "Done" }).click();
    await expect(screen.getByText("This parcel can no longer be collected here")).toHaveCount(0);
  } finally {
    await kiosk.context.close();
  }
});

/** Enters a code at the kiosk's keypad fields, presses the button and waits for the kiosk's answer. */
async function enter(screen: Page, code: string, phoneLast4 = "0000") {
  await screen.getByLabel("Pickup code").fill(code);
  await screen.getByLabel("Phone, last 4").fill(phoneLast4);
  await Promise.all([
    screen.waitForResponse((response) => response.request().method() === "POST"),
    screen.getByRole("button", { name: "Open my door" }).click(),
  ]);
  // The answer has rendered: a fresh, empty entry (the button no longer "Checking…"), or the countdown.
  await expect(screen.getByRole("button", { name: "Open my door" }).or(screen.getByTestId("lockout-countdown"))).toBeVisible();
  if (await screen.getByTestId("lockout-countdown").isVisible()) return;
  await expect(screen.getByLabel("Pickup code")).toHaveValue("");
}

test("wrong codes get one message, then the kiosk makes people wait and counts down", async ({ browser }, testInfo) => {
  // A kiosk of its own: wrong codes count per kiosk, so no other run — the other
  // project's, a retry — changes what this one sees.
  const kiosk = await openKiosk(browser, testInfo, "WLR-1", "a new kiosk");
  try {
    const screen = kiosk.page;
    await expectAccessible(screen, "kiosk: start");
    const wrong = screen.getByRole("alert").filter({ hasText: WRONG_CODE_MESSAGE });
    // lib/pickup-codes/limits.ts: 3 wrong entries are free, then the kiosk makes the next wait 10 s.
    for (let attempt = 1; attempt <= 3; attempt++) {
      await enter(screen, String(100000 + attempt * 1111));
      // Each answer is the one message, on a fresh entry: nothing typed is left on screen.
      await expect(wrong).toHaveText(WRONG_CODE_MESSAGE);
      await expect(screen.getByLabel("Pickup code")).toHaveValue("");
      await expect(screen.getByLabel("Phone, last 4")).toHaveValue("");
    }
    // The next entry has to wait, and the screen counts the wait down — as the clock moves.
    await enter(screen, "999999");
    const countdown = screen.getByTestId("lockout-countdown");
    await expect(countdown).toBeVisible();
    await expect(screen.getByRole("alert").filter({ hasText: "Too many wrong codes" })).toBeVisible();
    await expect(screen.getByRole("group", { name: "Keypad" })).toHaveCount(0);
    // A QR is never slowed down: the scanner stays on the screen.
    await expect(screen.getByLabel("QR code from the scanner")).toBeVisible();
    const first = await countdown.innerText();
    expect(first).toMatch(/^0:(0\d|10)$/);
    await moveBrowserClock(screen, 4_000);
    await expect(countdown).toHaveText(`0:${String(Number(first.slice(2)) - 4).padStart(2, "0")}`);
    await expectAccessible(screen, "kiosk: slowed down");
    // When the wait is over the keypad is back, empty. Only this screen's clock moves: it
    // enters nothing more, so the server's slow-down may run out on its own.
    await moveBrowserClock(screen, 10_000);
    await expect(screen.getByRole("group", { name: "Keypad" })).toBeVisible();
    await expect(screen.getByLabel("Pickup code")).toHaveValue("");
  } finally {
    await kiosk.context.close();
  }
});

test("a reload during a slow-down shows the server's countdown, and an admin can lift it from the dashboard", async ({ browser }, testInfo) => {
  // The server's clock is shared by every test running now: one project moves it.
  test.skip(testInfo.project.name === "phone", "moves the shared server clock; the desktop project covers it");
  const kiosk = await openKiosk(browser, testInfo, "WLR-1", "a new kiosk");
  const laptop = await newDevice(browser, testInfo);
  try {
    const screen = kiosk.page;
    const countdown = screen.getByTestId("lockout-countdown");
    // 3 free wrong codes, then waits of 10 s and 20 s, moved past rather than waited for:
    // the slow-down after the fifth is 40 s, far longer than a slow machine takes to reload.
    for (let attempt = 1; attempt <= 3; attempt++) {
      await enter(screen, String(200000 + attempt * 1111));
      await expect(screen.getByRole("alert").filter({ hasText: WRONG_CODE_MESSAGE })).toBeVisible();
    }
    for (const wait of [10_000, 20_000]) {
      await moveClock(wait, screen);
      await enter(screen, "299999");
      await expect(screen.getByRole("alert").filter({ hasText: WRONG_CODE_MESSAGE })).toBeVisible();
    }
    await enter(screen, "299998");
    await expect(countdown).toHaveText(/^0:[34]\d$/);

    // A reload (a power cut, someone pulling the cable) does not bring the keypad back.
    await screen.reload();
    await expect(countdown).toHaveText(/^0:[1-4]\d$/);
    await expect(screen.getByRole("group", { name: "Keypad" })).toHaveCount(0);
    await expect(screen.getByRole("alert").filter({ hasText: "Too many wrong codes" })).toBeVisible();

    // The site's admin sees it on the dashboard and lifts it.
    await signIn(laptop.page, DEMO.otherAdmin);
    await laptop.page.goto("/admin");
    const panel = laptop.page.getByRole("list", { name: "Wrong codes at kiosks" });
    const site = panel.getByRole("listitem").filter({ hasText: "West Lake Residences" }).first();
    await expect(site).toContainText(/\d+ wrong codes · \d+ (entry|entries) refused while slowed down/);
    const slowed = site.getByRole("listitem").filter({ hasText: /slowed down for \d+ s more/ });
    await expect(slowed).toHaveCount(1);
    await expectAccessible(laptop.page, "admin dashboard: wrong codes at kiosks");
    await slowed.getByRole("button", { name: /^Lift the slow-down of Kiosk \d+$/ }).click();
    await expect(laptop.page.getByText(/^Kiosk \d+ takes codes again\.$/)).toBeVisible();

    // The kiosk takes codes again at once.
    await screen.reload();
    await expect(screen.getByRole("group", { name: "Keypad" })).toBeVisible();
    await enter(screen, "299997");
    await expect(screen.getByRole("alert").filter({ hasText: WRONG_CODE_MESSAGE })).toBeVisible();

    await laptop.page.goto("/admin/audit");
    await expect(laptop.page.getByText(/Lifted the wrong-code slow-down of Kiosk \d+ at West Lake Residences/).first()).toBeVisible();
  } finally {
    await kiosk.context.close();
    await laptop.context.close();
  }
});

test("the kiosk goes back to its start screen after a short idle time, clearing what was typed", async ({ browser }, testInfo) => {
  const kiosk = await openKiosk(browser, testInfo, "ZJG-L");
  try {
    const screen = kiosk.page;
    const keypad = screen.getByRole("group", { name: "Keypad" });
    for (const digit of "4821") await keypad.getByRole("button", { name: digit, exact: true }).click();
    await expect(screen.getByLabel("Pickup code")).toHaveValue("4821");
    // components/kiosk/kiosk-screen.tsx IDLE_MS: 25 s without a touch.
    await moveBrowserClock(screen, 20_000);
    await expect(screen.getByLabel("Pickup code")).toHaveValue("4821");
    await moveBrowserClock(screen, 5_000);
    await expect(screen.getByLabel("Pickup code")).toHaveValue("");
  } finally {
    await kiosk.context.close();
  }
});

test("a kiosk address for a site that does not exist says the screen is not set up", async ({ page }) => {
  const response = await page.goto("/kiosk/NO-SUCH-SITE");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This screen is not set up" })).toBeVisible();
});
