import { expect, test } from "@playwright/test";
import { makeStation, signInAsAdmin } from "./support/admin";
import { expectAccessible } from "./support/axe";
import { jamDoor, makeWaitingParcelFor, testPhone } from "./support/courier";
import { becomeConfirmedCustomer, newDevice, openKiosk } from "./support/customers";

/*
 * A collection commits before its door opens. When the lock board does not answer, the
 * parcel is still inside: the customer must not be told it was collected — not on their
 * parcel's page, not by text — until the door really opens. The station is the test's
 * own (its door gets jammed); the customer is a new account with a phone of its own.
 */

test("a door that did not open is not shown as collected, and the collected message waits for the door to open", async ({ page, browser }, testInfo) => {
  // A station, a new account confirmed by text, a kiosk and the outbox's round: slow on a busy machine.
  test.setTimeout(300_000);
  const laptop = await newDevice(browser, testInfo);
  await signInAsAdmin(laptop.page);
  const { site, courier } = await makeStation("Stuck", { code: "T", rowSizes: ["S"], columns: 1 });

  const phone = testPhone();
  await becomeConfirmedCustomer(page, phone, "Door Customer");
  const parcel = await makeWaitingParcelFor(site.code, courier.phone, phone);

  const kiosk = await openKiosk(browser, testInfo, site.code, "a new kiosk");
  const unjam = jamDoor(parcel.doorName);
  try {
    const screen = kiosk.page;
    // The kiosk forgets a visit after 25 idle seconds; the checks below take longer than
    // that on a busy machine. Its clock stands still instead, so "Try the door again" waits.
    await screen.clock.install();
    await screen.reload();
    await expect(screen.getByRole("heading", { level: 2, name: "Collect a parcel" })).toBeVisible();
    await screen.clock.pauseAt(Date.now() + 1_000);
    await screen.getByLabel("Pickup code").fill(parcel.code);
    await screen.getByLabel("Phone, last 4").fill(parcel.phoneLast4);
    await screen.getByRole("button", { name: "Open my door" }).click();
    await expect(screen.getByRole("alert").filter({ hasText: `Door ${parcel.door} did not open.` })).toBeVisible();

    // The customer's parcel: still inside, and what to do — never "Collected".
    await page.goto(`/parcels/${parcel.parcelId}`);
    const notice = page.getByRole("alert").filter({ hasText: "The door did not open." });
    await expect(notice).toContainText(`your parcel is still inside door ${parcel.door} at ${site.name}`);
    await expect(notice).toContainText("Try again at the locker's screen");
    await expect(page.getByText("Door did not open", { exact: true })).toBeVisible();
    await expect(page.getByText("Collected", { exact: true })).toHaveCount(0);
    const timeline = page.getByRole("region", { name: "Timeline" });
    await expect(timeline).toContainText(`The locker did not open door ${parcel.door}`);
    await expect(timeline).not.toContainText("your parcel was collected");
    await expectAccessible(page, "customer: door did not open");

    await page.goto("/parcels");
    await expect(page.getByRole("alert").filter({ hasText: `still inside door ${parcel.door}` })).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(parcel.trackingNumber) })).toContainText("Door did not open");

    // No collected message was ever queued: the admin's list of this parcel's messages has none.
    await laptop.page.goto(`/admin/parcels/${parcel.parcelId}`);
    await expect(laptop.page.getByRole("alert").filter({ hasText: `the parcel is still inside door ${parcel.door}` })).toBeVisible();
    await expect(laptop.page.getByText(/^Collected notice by/)).toHaveCount(0);
    await expectAccessible(laptop.page, "admin: door did not open");
    await page.goto("/messages");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(/was collected/)).toHaveCount(0);

    // The board answers again: the retry opens the door, and only now is it collected.
    unjam();
    await Promise.all([
      screen.waitForResponse((response) => response.request().method() === "POST"),
      screen.getByRole("button", { name: "Try the door again" }).click(),
    ]);
    await expect(screen.getByText(`Door ${parcel.door} is open — take your parcel and close the door.`)).toBeVisible();

    await page.goto(`/parcels/${parcel.parcelId}`);
    await expect(page.getByText("Collected", { exact: true })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "The door did not open." })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText(`Door ${parcel.door} opened: collected`);
    await laptop.page.reload();
    await expect(laptop.page.getByText(/^Collected notice by text to/)).toBeVisible();
    // The outbox worker delivers every 10 seconds.
    await expect(async () => {
      await page.goto("/messages");
      await expect(page.getByText(new RegExp(`${parcel.trackingNumber} was collected`)).first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 40_000, intervals: [1_000, 2_000, 3_000] });
  } finally {
    unjam();
    await kiosk.context.close();
    await laptop.context.close();
  }
});
