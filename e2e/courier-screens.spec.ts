import { expect, test } from "@playwright/test";
import { signIn } from "./support/accounts";
import { COURIER_PASSWORD, makeStation } from "./support/admin";
import { expectAccessible } from "./support/axe";
import { openSite } from "./support/courier";
import { expectNoHorizontalOverflow, expectTargetsAtLeast } from "./support/screens";

/*
 * The courier's main screen, the deposit form, on the phone in their hand and on a
 * laptop, against committed references (updated on purpose, never to make a test pass).
 * A station of the test's own, so what the form shows of its doors is known.
 */

test("the courier's deposit form: scan first, the main button on the first screen, as committed", async ({ page }) => {
  test.setTimeout(120_000);
  const station = await makeStation("Screens", { code: "K", rowSizes: ["S", "M"], columns: 2 });

  await signIn(page, station.courier.phone, COURIER_PASSWORD);
  await openSite(page, station.site.name);
  const form = page.getByRole("form", { name: "Deposit a parcel" });
  await expect(form).toBeVisible();
  await expect(form.getByRole("button", { name: "Open a door" })).toBeInViewport();
  await expectNoHorizontalOverflow(page, "deposit form");
  await expectTargetsAtLeast(form, 24, "deposit form");
  await expectAccessible(page, "deposit form (screens)");
  // The whole first screen; the station's name and address and the courier's name (unique per run) are masked.
  await expect(page).toHaveScreenshot("courier-site.png", {
    mask: [page.getByText(station.site.name), page.getByText(/Test Road/), page.getByText(/ · Courier$/)],
    maxDiffPixelRatio: 0.01,
  });
});
