import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { moveBrowserClock } from "./support/clock";
import { enterCodeAtKiosk, nextCustomerInEnglish, openKiosk, WRONG_CODE_MESSAGE } from "./support/customers";
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
  // In the site's language (Bob never chose one): Chinese on the demo campus.
  const oldText = page.getByRole("article").filter({ hasText: "ZT7730012455" }).filter({ hasText: /Pickup code|取件码/ }).last();
  const code = /(?:Pickup code:?|取件码) (\d{6})/.exec(await oldText.innerText())![1];

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
      await enterCodeAtKiosk(screen, String(100000 + attempt * 1111));
      // Each answer is the one message (a guesser learns nothing), and the digits stay, so a
      // customer who slipped on one digit fixes that one; Clear empties both.
      await expect(wrong).toHaveText(WRONG_CODE_MESSAGE);
      await expect(screen.getByLabel("Pickup code")).toHaveValue(String(100000 + attempt * 1111));
      await expect(screen.getByText("Your digits are still here: fix the part that is wrong")).toBeVisible();
      await screen.getByRole("button", { name: "Clear" }).click();
      await expect(screen.getByLabel("Pickup code")).toHaveValue("");
      await expect(screen.getByLabel("Phone, last 4")).toHaveValue("");
    }
    // The next entry has to wait, and the screen counts the wait down — as the clock moves.
    await enterCodeAtKiosk(screen, "999999");
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
    // The visit is over: the digits are gone, and the language is the site's again.
    await nextCustomerInEnglish(screen);
    await expect(screen.getByLabel("Pickup code")).toHaveValue("");
  } finally {
    await kiosk.context.close();
  }
});

/** WCAG contrast of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map((part) => {
      const c = Number(part) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

test("the kiosk's button says it is checking a code in text that reads at 4.5:1 and more", async ({ browser }, testInfo) => {
  const kiosk = await openKiosk(browser, testInfo, "WLR-1", "a new kiosk");
  try {
    const screen = kiosk.page;
    // The answer is held back, so the button stays pending as long as the test looks at it.
    let answer = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    await screen.route(/\/kiosk\//, async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    });
    await screen.getByLabel("Pickup code").pressSequentially("000000");
    await screen.keyboard.type("0000");
    await screen.keyboard.press("Enter");
    const button = screen.getByRole("button", { name: "Checking…" });
    await expect(button).toBeDisabled();
    const { color, background } = await button.evaluate((element) => {
      const style = getComputedStyle(element);
      return { color: style.color, background: style.backgroundColor };
    });
    expect(contrast(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
    answer();
    await expect(screen.getByRole("button", { name: "Open my door" })).toBeEnabled();
  } finally {
    await kiosk.context.close();
  }
});

test("a kiosk address for a site that does not exist says the screen is not set up", async ({ page }) => {
  const response = await page.goto("/kiosk/NO-SUCH-SITE");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This screen is not set up" })).toBeVisible();
});
