import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { newDevice } from "./support/customers";

/*
 * A kiosk screen opens doors for whoever types a right code, so a browser becomes one only
 * when an admin pairs it; unpairing shuts it out at once. Runs in the desktop project only:
 * it adds a kiosk to North Dormitory Station, which no other journey's kiosk uses.
 */

test("an unpaired browser opens nothing; an admin pairs it as a new kiosk, and unpairing shuts it out again", async ({ browser }, testInfo) => {
  const screen = (await newDevice(browser, testInfo)).page;
  await screen.goto("/kiosk/ZJG-N");
  await expect(screen.getByRole("heading", { name: "This screen is not paired with the locker" })).toBeVisible();
  await expect(screen.getByLabel("Pickup code")).toHaveCount(0);
  await expectAccessible(screen, "kiosk: not paired");

  // The admin pairs the screen standing in front of it.
  await screen.getByRole("link", { name: "Sign in to pair this screen" }).click();
  await signIn(screen, DEMO.admin);
  await screen.goto("/admin/sites");
  await screen.getByRole("link", { name: "North Dormitory Station" }).click();
  const kiosks = screen.getByRole("region", { name: "Kiosk screens" });
  await expectAccessible(screen, "admin: site with kiosk screens");
  await kiosks.getByText("Pair this screen as a new kiosk…").click();
  await kiosks.getByRole("button", { name: "Pair as a new kiosk and sign out" }).click();
  await expect(screen).toHaveURL(/\/kiosk\/ZJG-N$/);
  await expect(screen.getByRole("heading", { level: 2, name: "Collect a parcel" })).toBeVisible();
  // The screen is public now: nobody is signed in on it.
  await screen.goto("/admin");
  await expect(screen).toHaveURL(/\/sign-in/);
  await screen.goto("/kiosk/ZJG-N");
  await expect(screen.getByLabel("Pickup code")).toBeVisible();

  // From their laptop, the admin unpairs it (the newest kiosk on the list).
  const laptop = (await newDevice(browser, testInfo)).page;
  await signIn(laptop, DEMO.admin);
  await laptop.goto("/admin/sites");
  await laptop.getByRole("link", { name: "North Dormitory Station" }).click();
  const newest = laptop.getByRole("list", { name: "Kiosks" }).getByRole("listitem").last();
  await expect(newest).toContainText("1 paired screen");
  const kioskName = (await newest.getByRole("heading", { level: 3 }).innerText()).trim();
  await newest.getByText(`Unpair ${kioskName}…`).click();
  await newest.getByRole("button", { name: `Unpair ${kioskName}` }).click();
  await expect(laptop.getByText("The kiosk's screens are unpaired")).toBeVisible();
  await expect(laptop.getByRole("list", { name: "Kiosks" }).getByRole("listitem").last()).toContainText("No paired screen");

  // The screen still shows its keypad, but its next code is refused by the server.
  await screen.getByLabel("Pickup code").fill("123456");
  await screen.getByLabel("Phone, last 4").fill("1234");
  await screen.getByRole("button", { name: "Open my door" }).click();
  await expect(screen.getByRole("alert").filter({ hasText: "not paired" })).toBeVisible();
  await screen.reload();
  await expect(screen.getByRole("heading", { name: "This screen is not paired with the locker" })).toBeVisible();
});
