import { expect, test } from "@playwright/test";
import { signIn } from "./support/accounts";
import { consoleDoorName, COURIER_PASSWORD, makeStation, signInAsAdmin } from "./support/admin";
import { expectAccessible } from "./support/axe";
import { closeDoor, fillParcel, jamDoor, makeExpiredParcel, openSite, readDoor, testPhone, uniqueTracking } from "./support/courier";
import { newDevice } from "./support/customers";

/*
 * A lock board that does not answer when a courier's door is commanded open, jammed
 * through the simulated controller. Each journey builds a station of its own (a locker and
 * a courier serving it): a jammed door is never handed to another journey running at the
 * same time, and the deposit journey knows both its doors before one is picked.
 */

test("a door the locker did not confirm is asked about, not announced open; reporting it opens the other door", async ({ page, browser }, testInfo) => {
  test.setTimeout(90_000);
  const laptop = await newDevice(browser, testInfo);
  const unjam: (() => void)[] = [];
  try {
    await signInAsAdmin(laptop.page);
    const { site, courier } = await makeStation("Jam", { code: "J", rowSizes: ["M"], columns: 2 });
    const doorNames = ["J-01", "J-02"];
    const jams = new Map(doorNames.map((label) => [label, jamDoor(consoleDoorName(site, "J", label))]));
    unjam.push(...jams.values());

    await signIn(page, courier.phone, COURIER_PASSWORD);
    await openSite(page, site.name);
    const tracking = uniqueTracking();
    await fillParcel(page, { tracking, phone: testPhone(), size: "M" });
    await page.getByRole("button", { name: "Open a door" }).click();

    const asked = page.getByRole("heading", { level: 1, name: /^Is door \S+ open\?$/ });
    await expect(asked).toBeVisible();
    const first = await readDoor(page, asked);
    expect(doorNames).toContain(first.door);
    await expect(page.getByText(`The locker did not confirm that door ${first.door} opened. If it is still shut, report it below.`)).toBeVisible();
    // The report is ready to send: open, with "Door did not open" chosen.
    await expect(page.getByRole("radio", { name: "Door did not open" })).toBeChecked();
    await expectAccessible(page, "courier: door not confirmed");

    // The other door's board answers again; the courier reports the first one.
    const other = doorNames.find((label) => label !== first.door)!;
    jams.get(other)!();
    await page.getByRole("button", { name: "Report door and open another" }).click();
    await expect(page.getByText(`Door ${first.door} is reported out of service. Use door ${other} instead.`)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: `Door ${other} is open` })).toBeVisible();
    await expect(page.getByText("The locker did not confirm")).toHaveCount(0);
    await closeDoor(page, { tracking, door: other });

    // The admin sees the door that did not open, and that it is out of service.
    await laptop.page.goto("/admin");
    const stuck = laptop.page.getByRole("list", { name: "Doors that did not open" });
    await expect(stuck.getByRole("listitem").filter({ hasText: `${site.name} · door ${first.door}` })).toContainText("once · last");
    await laptop.page.goto(`/admin/sites/${site.id}`);
    const doors = laptop.page.getByRole("list", { name: "Doors of locker J" });
    await expect(doors.getByRole("link", { name: new RegExp(`^Door ${first.door}, size M, out of service`) })).toBeVisible();
    await expect(doors.getByRole("link", { name: new RegExp(`^Door ${other}, size M, occupied, parcel ${tracking}`) })).toBeVisible();
  } finally {
    for (const free of unjam) free();
    await laptop.context.close();
  }
});

test("reporting the only door of its size leaves none: the reservation is cancelled and the screen says so beside the sites with room", async ({ page }) => {
  const { site, courier } = await makeStation("Lone", { code: "L", rowSizes: ["M"], columns: 1 });

  await signIn(page, courier.phone, COURIER_PASSWORD);
  await openSite(page, site.name);
  const tracking = uniqueTracking();
  await fillParcel(page, { tracking, phone: testPhone(), size: "M" });
  await page.getByRole("button", { name: "Open a door" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Door L-01 is open" })).toBeVisible();

  await page.getByText("Door did not open or is damaged").click();
  await page.getByRole("button", { name: "Report door and open another" }).click();
  // The cancellation the report committed shows at once: the notice, and the parcel cancelled.
  const notice = page.getByRole("region", { name: `${site.name} is full for size M` });
  await expect(notice).toContainText("No other door is free here, so this parcel's reservation was cancelled.");
  await expect(page.getByRole("heading", { level: 1, name: "This parcel was cancelled" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Report door and open another" })).toHaveCount(0);
});

test("a take-back whose door the locker did not confirm asks, and the courier tries the door again until it opens", async ({ page }) => {
  const { site, courier } = await makeStation("Jam back", { code: "J", rowSizes: ["S"], columns: 1 });
  const parcel = await makeExpiredParcel(site.code, courier.phone);
  const unjam = jamDoor(parcel.doorName);
  try {
    await signIn(page, courier.phone, COURIER_PASSWORD);
    await page.goto(`/courier/sites/${parcel.siteId}/take-back/${parcel.parcelId}`);
    await page.getByRole("button", { name: `Open door ${parcel.door}` }).click();
    const stuck = page.getByRole("heading", { level: 1, name: `Door ${parcel.door} did not open` });
    await expect(stuck).toBeVisible();
    const answer = page.getByRole("status").filter({ hasText: `still inside` });
    await expect(answer).toContainText("The locker did not confirm the door opened");
    await expect(answer).toContainText("If it is still shut, try it again.");
    await expect(page.getByRole("button", { name: /^Yes, I took/ })).toHaveCount(0);
    await expectAccessible(page, "courier: take-back door not confirmed");

    // Still jammed: asked again. Then the board answers, and the door opens.
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.getByRole("button", { name: "Try the door again" }).click(),
    ]);
    await expect(stuck).toBeVisible();
    await expect(answer).toContainText("If it is still shut, try it again.");
    unjam();
    await page.getByRole("button", { name: "Try the door again" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: `Did you take parcel ${parcel.trackingNumber} out of door ${parcel.door}?` }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Try the door again" })).toHaveCount(0);
    await page.getByRole("button", { name: `Yes, I took ${parcel.trackingNumber} out` }).click();
    await expect(page.getByRole("status").filter({ hasText: `${parcel.trackingNumber} is taken back` })).toBeVisible();
  } finally {
    unjam();
  }
});
