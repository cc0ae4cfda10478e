import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { closeDoor, fillParcel, openDoor, openSite, SIZE_RANK, testPhone, uniqueTracking, type Size } from "./support/courier";

/*
 * The courier's drop-off, from choosing a site to a closed door. North Dormitory and East
 * Teaching have room for every journey here, run twice over (desktop and phone) in
 * parallel; Library Plaza is left to courier-site-full.spec.ts, which fills its XL doors.
 */

test("a courier chooses a site and deposits three parcels of different sizes, each in its own door of a fitting size", async ({ page }) => {
  await signIn(page, DEMO.ztoCourier);
  await expect(page.getByRole("heading", { level: 1, name: "Your sites" })).toBeVisible();
  await expectAccessible(page, "site list");
  await page.getByRole("link", { name: "North Dormitory Station", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "North Dormitory Station" })).toBeVisible();
  await expectAccessible(page, "deposit form");

  const deposited: { tracking: string; size: Size; door: string }[] = [];
  for (const size of ["S", "M", "L"] as const) {
    const tracking = uniqueTracking();
    await fillParcel(page, { tracking, phone: testPhone(), size });
    await page.getByRole("button", { name: "Open a door" }).click();
    const door = await openDoor(page);
    if (deposited.length === 0) await expectAccessible(page, "door screen");
    expect(SIZE_RANK[door.size], `${size} parcel in a ${door.size} door`).toBeGreaterThanOrEqual(SIZE_RANK[size]);
    await closeDoor(page, { tracking, door: door.door });
    deposited.push({ tracking, size, door: door.door });
  }
  expect(new Set(deposited.map((parcel) => parcel.door)).size).toBe(3);

  // What the database now holds, as the courier's day shows it after a fresh load.
  await page.getByRole("link", { name: "Today" }).click();
  await expect(page).toHaveURL("/courier/today");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await expectAccessible(page, "today");
  for (const parcel of deposited) {
    const row = page.getByRole("listitem").filter({ hasText: parcel.tracking });
    await expect(row).toContainText("Ready for pickup");
    await expect(row).toContainText(`Door ${parcel.door} · North Dormitory Station · size ${parcel.size}`);
  }

  await page.getByRole("link", { name: deposited[2].tracking }).click();
  await expect(page.getByRole("heading", { level: 1, name: deposited[2].tracking })).toBeVisible();
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText(`Given door ${deposited[2].door}`);
  await expect(timeline).toContainText(`Door ${deposited[2].door} closed`);
  await expect(timeline).toContainText("Deposited; pickup code sent to the recipient");
  await expectAccessible(page, "parcel detail");
});

test("a door that did not open is reported and another door opens, with nothing typed again", async ({ page }) => {
  await signIn(page, DEMO.ztoCourier);
  await openSite(page, "East Teaching Station");
  const tracking = uniqueTracking();
  await fillParcel(page, { tracking, phone: testPhone(), size: "M" });
  await page.getByRole("button", { name: "Open a door" }).click();
  const first = await openDoor(page);

  await page.getByText("Door did not open or is damaged").click();
  await expect(page.getByRole("radio", { name: "Door did not open" })).toBeChecked();
  await page.getByRole("button", { name: "Report door and open another" }).click();

  await expect(page.getByText(`Door ${first.door} is reported out of service. Use door`)).toBeVisible();
  const second = await openDoor(page);
  expect(second.door).not.toBe(first.door);
  expect(SIZE_RANK[second.size]).toBeGreaterThanOrEqual(SIZE_RANK.M);
  await expect(page.getByText(tracking, { exact: true })).toBeVisible();
  await expectAccessible(page, "door screen after a fault");

  await closeDoor(page, { tracking, door: second.door });
  await page.goto("/courier/today");
  await page.getByRole("link", { name: tracking }).click();
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText(`Door ${first.door} reported: Door did not open`);
  await expect(timeline).toContainText(`Moved from door ${first.door} to door ${second.door}`);
});

test("a parcel that does not fit gets a bigger door", async ({ page }) => {
  await signIn(page, DEMO.ztoCourier);
  await openSite(page, "East Teaching Station");
  const tracking = uniqueTracking();
  await fillParcel(page, { tracking, phone: testPhone(), size: "L" });
  await page.getByRole("button", { name: "Open a door" }).click();
  const first = await openDoor(page);
  expect(first.size).toBe("L");

  await page.getByRole("button", { name: "Parcel does not fit — bigger door" }).click();
  await expect(page.getByText(`Door ${first.door} is free again`)).toBeVisible();
  const bigger = await openDoor(page);
  expect(bigger.size).toBe("XL");
  expect(bigger.door).not.toBe(first.door);
  // XL is the largest: the screen says so instead of offering a bigger door.
  await expect(page.getByRole("button", { name: /bigger door/ })).toHaveCount(0);
  await expect(page.getByText("is the largest size (XL)")).toBeVisible();

  await closeDoor(page, { tracking, door: bigger.door });
  await page.goto("/courier/today");
  await expect(page.getByRole("listitem").filter({ hasText: tracking })).toContainText(`Door ${bigger.door} · East Teaching Station · size XL`);
});

test("bad input gets a message next to each field, and what was typed stays", async ({ page }) => {
  await signIn(page, DEMO.ztoCourier);
  await openSite(page, "North Dormitory Station");
  await page.getByLabel("Tracking number").fill("ab1");
  await page.getByLabel("Recipient phone").fill("138-abc");
  await page.getByText("Recipient name and email").click();
  await page.getByLabel("Recipient name").fill("Li Na");
  await page.getByLabel("Recipient email").fill("li.na@");
  await page.getByRole("button", { name: "Open a door" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Some fields need another look." })).toBeVisible();
  await expect(page.getByLabel("Tracking number")).toHaveAccessibleDescription(/A tracking number has at least 6 characters\./);
  await expect(page.getByLabel("Recipient phone")).toHaveAccessibleDescription(/Use digits only, with an optional \+ in front\./);
  await expect(page.getByLabel("Recipient email")).toHaveAccessibleDescription(/Enter a valid email address\./);
  await expect(page.getByRole("group", { name: "Parcel size" })).toHaveAccessibleDescription(/Choose a size: S, M, L or XL\./);
  await expect(page.getByLabel("Tracking number")).toHaveValue("ab1");
  await expect(page.getByLabel("Recipient phone")).toHaveValue("138-abc");
  await expect(page.getByLabel("Recipient name")).toHaveValue("Li Na");
  await expect(page.getByLabel("Recipient email")).toHaveValue("li.na@");
  await expectAccessible(page, "deposit form with errors");

  const tracking = uniqueTracking();
  await page.getByLabel("Tracking number").fill(tracking.toLowerCase());
  await page.getByLabel("Recipient phone").fill("177 0000 1234");
  await page.getByLabel("Recipient email").fill("li.na@example.com");
  await page.getByRole("radio", { name: "Size S" }).check();
  await page.getByRole("button", { name: "Open a door" }).click();
  const door = await openDoor(page);
  // Stored the way the carrier writes it, for the recipient the courier named.
  await expect(page.getByText(tracking, { exact: true })).toBeVisible();
  await expect(page.getByText("for Li Na, 17700001234")).toBeVisible();
  await closeDoor(page, { tracking, door: door.door });
});

test("a tracking number entered again shows the door it already has, open or closed", async ({ page }) => {
  await signIn(page, DEMO.ztoCourier);
  await openSite(page, "East Teaching Station");
  const tracking = uniqueTracking();
  const phone = testPhone();
  await fillParcel(page, { tracking, phone, size: "S" });
  await page.getByRole("button", { name: "Open a door" }).click();
  const first = await openDoor(page);

  // The connection dropped; the courier starts over from the site and types it again.
  await openSite(page, "East Teaching Station");
  await expect(page.getByRole("region", { name: /door is still open for you|doors are still open for you/ })).toContainText(
    `Door ${first.door} · ${tracking}`,
  );
  await fillParcel(page, { tracking, phone, size: "M" });
  await page.getByRole("button", { name: "Open a door" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Already in door ${first.door}` })).toBeVisible();
  await expect(page.getByText(`This tracking number already has door ${first.door}.`)).toBeVisible();
  await closeDoor(page, { tracking, door: first.door });

  // Once more after the door closed: still the first door, and nothing to do.
  await fillParcel(page, { tracking, phone, size: "S" });
  await page.getByRole("button", { name: "Open a door" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Already in door ${first.door}` })).toBeVisible();
  await expect(page.getByText(`${tracking} is already deposited in door ${first.door}`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Door closed" })).toHaveCount(0);
  await expectAccessible(page, "already deposited");
  await page.getByRole("link", { name: "Next parcel" }).click();
  await expect(page.getByLabel("Tracking number")).toHaveValue("");
});

test("another carrier's live tracking number is refused next to the field; an open door can be cancelled after confirming", async ({
  page,
  browser,
}) => {
  const tracking = uniqueTracking("SF");
  const sfContext = await browser.newContext({ locale: "en-US" });
  const sf = await sfContext.newPage();
  await signIn(sf, DEMO.sfCourier);
  await openSite(sf, "North Dormitory Station");
  await fillParcel(sf, { tracking, phone: testPhone(), size: "S" });
  await sf.getByRole("button", { name: "Open a door" }).click();
  const sfDoor = await openDoor(sf);

  await signIn(page, DEMO.ztoCourier);
  await openSite(page, "North Dormitory Station");
  await fillParcel(page, { tracking, phone: "17700002222", size: "M" });
  await page.getByRole("button", { name: "Open a door" }).click();
  await expect(page.getByLabel("Tracking number")).toHaveAccessibleDescription(/is already announced or in a locker/);
  await expect(page.getByLabel("Tracking number")).toHaveValue(tracking);
  await expect(page.getByLabel("Recipient phone")).toHaveValue("17700002222");
  await expect(page.getByRole("radio", { name: "Size M" })).toBeChecked();

  // The SF courier takes the parcel out again and cancels: a confirmation first.
  await sf.getByText("Cancel this parcel", { exact: true }).click();
  await expect(sf.getByRole("button", { name: "Yes, cancel this parcel" })).toBeVisible();
  await sf.getByRole("radio", { name: "Wrong site for this parcel" }).check();
  await expectAccessible(sf, "cancel confirmation");
  await sf.getByRole("button", { name: "Yes, cancel this parcel" }).click();
  await expect(sf.getByText(`${tracking} is cancelled and door ${sfDoor.door} is free again.`)).toBeVisible();
  await sfContext.close();

  // No longer live: now the number is free for the ZTO courier.
  await page.getByRole("button", { name: "Open a door" }).click();
  await openDoor(page);
});

test.describe("before the page's script runs", () => {
  test.use({ javaScriptEnabled: false });

  test("a deposit works with plain form posts: errors, door, report, bigger door, door closed", async ({ page }) => {
    await signIn(page, DEMO.ztoCourier);
    await page.goto("/courier?q=east");
    await expect(page.getByRole("list", { name: "Your sites" }).getByRole("heading", { level: 2 })).toHaveText(["East Teaching Station"]);
    await page.getByRole("link", { name: "East Teaching Station", exact: true }).click();

    await page.getByLabel("Tracking number").fill("x1");
    await page.getByRole("button", { name: "Open a door" }).click();
    await expect(page.getByLabel("Tracking number")).toHaveAccessibleDescription(/at least 6 characters/);
    await expect(page.getByLabel("Tracking number")).toHaveValue("x1");

    const tracking = uniqueTracking("NOJS");
    await fillParcel(page, { tracking, phone: testPhone(), size: "S" });
    await page.getByRole("button", { name: "Open a door" }).click();
    const first = await openDoor(page);
    await page.getByText("Door did not open or is damaged").click();
    await page.getByRole("button", { name: "Report door and open another" }).click();
    await expect(page.getByText(`Door ${first.door} is reported out of service.`)).toBeVisible();
    const second = await openDoor(page);
    await page.getByRole("button", { name: "Parcel does not fit — bigger door" }).click();
    await expect(page.getByText(`Door ${second.door} is free again.`)).toBeVisible();
    const bigger = await openDoor(page);
    expect(SIZE_RANK[bigger.size]).toBeGreaterThan(SIZE_RANK.S);
    await page.getByRole("button", { name: "Door closed" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Deposited in door ${bigger.door}` })).toContainText(tracking);
  });
});

test.describe("the site list", () => {
  test("searches by name, code or address, also before the page's script runs", async ({ page }) => {
    await signIn(page, DEMO.ztoCourier);
    const sites = page.getByRole("list", { name: "Your sites" }).getByRole("heading", { level: 2 });
    await expect(sites).toHaveCount(3);
    await page.getByRole("searchbox", { name: "Search your sites" }).fill("library");
    await expect(sites).toHaveText(["Library Plaza Station"]);
    await page.getByRole("searchbox", { name: "Search your sites" }).fill("zjg-n");
    await expect(sites).toHaveText(["North Dormitory Station"]);
    await page.getByRole("searchbox", { name: "Search your sites" }).fill("nowhere");
    await expect(page.getByText("No site of yours matches “nowhere”.")).toBeVisible();

    await page.goto("/courier?q=teaching");
    await expect(sites).toHaveText(["East Teaching Station"]);
  });

  test("puts the last site used first", async ({ page }) => {
    await signIn(page, DEMO.ztoCourier);
    await openSite(page, "Library Plaza Station");
    // Opening a site remembers it once the page is running.
    await page.waitForFunction(() => document.cookie.includes("courier-last-site="));
    await page.getByRole("link", { name: "← All sites" }).click();
    const first = page.getByRole("list", { name: "Your sites" }).getByRole("listitem").first();
    await expect(first).toContainText("Last used");
    await expect(first.getByRole("heading", { level: 2 })).toHaveText("Library Plaza Station");
  });

  test.describe("with the courier's location allowed", () => {
    // Standing at East Teaching Station; the list sorts itself nearest first.
    test.use({ geolocation: { latitude: 30.3009, longitude: 120.0961 }, permissions: ["geolocation"] });

    test("sorts by distance", async ({ page }) => {
      await signIn(page, DEMO.ztoCourier);
      await expect(page.getByText("Nearest first.")).toBeVisible();
      const sites = page.getByRole("list", { name: "Your sites" }).getByRole("heading", { level: 2 });
      await expect(sites).toHaveText(["East Teaching Station", "Library Plaza Station", "North Dormitory Station"]);
      await expect(page.getByRole("list", { name: "Your sites" }).getByRole("listitem").first()).toContainText("0 m");
    });
  });
});
