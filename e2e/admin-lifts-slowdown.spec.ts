import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { moveClock } from "./support/clock";
import { enterCodeAtKiosk, newDevice, openKiosk, WRONG_CODE_MESSAGE } from "./support/customers";

/*
 * The admin's side of the kiosk slow-down. It moves the server's clock, which every test
 * running at that moment shares, so it lives among the admin journeys (desktop project
 * only) rather than being run twice. Kiosks of its own at West Lake Residences Gate (WLR-1).
 */

test("a reload during a slow-down shows the server's countdown, and an admin can lift it from the dashboard", async ({ browser }, testInfo) => {
  // Two devices, a kiosk visit in English on a campus whose kiosks speak Chinese, and axe.
  test.setTimeout(120_000);
  const kiosk = await openKiosk(browser, testInfo, "WLR-1", "a new kiosk");
  const laptop = await newDevice(browser, testInfo);
  try {
    const screen = kiosk.page;
    const countdown = screen.getByTestId("lockout-countdown");
    // 3 free wrong codes, then waits of 10 s and 20 s, moved past rather than waited for:
    // the slow-down after the fifth is 40 s, far longer than a slow machine takes to reload.
    for (let attempt = 1; attempt <= 3; attempt++) {
      await enterCodeAtKiosk(screen, String(200000 + attempt * 1111));
      await expect(screen.getByRole("alert").filter({ hasText: WRONG_CODE_MESSAGE })).toBeVisible();
    }
    for (const wait of [10_000, 20_000]) {
      await moveClock(wait, screen);
      await enterCodeAtKiosk(screen, "299999");
      await expect(screen.getByRole("alert").filter({ hasText: WRONG_CODE_MESSAGE })).toBeVisible();
    }
    await enterCodeAtKiosk(screen, "299998");
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
    await enterCodeAtKiosk(screen, "299997");
    await expect(screen.getByRole("alert").filter({ hasText: WRONG_CODE_MESSAGE })).toBeVisible();

    await laptop.page.goto("/admin/audit");
    await expect(laptop.page.getByText(/Lifted the wrong-code slow-down of Kiosk \d+ at West Lake Residences/).first()).toBeVisible();
  } finally {
    await kiosk.context.close();
    await laptop.context.close();
  }
});

