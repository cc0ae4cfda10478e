import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { forProject, newDevice } from "./support/customers";
import { expectAccessible } from "./support/axe";

/*
 * Alice and Bob, the seeded customers with confirmed phones. These tests read their
 * parcels and change none of them, except that each project extends the hold of its own
 * one of Alice's parcels (a hold can be extended once).
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "29 Nov 2026, 17:22" as the app shows times (en-GB, one time zone), as a comparable number. */
function shownTime(text: string): number {
  const [, day, month, year, hour, minute] = /^(\d{1,2}) (\w{3}) (\d{4}), (\d{2}):(\d{2})$/.exec(text.trim())!;
  return Date.UTC(Number(year), MONTHS.indexOf(month), Number(day), Number(hour), Number(minute));
}

test("My parcels shows the waiting parcels first, each ready for the locker, then the history", async ({ page }) => {
  await signIn(page, DEMO.alice);
  const sections = page.getByRole("heading", { level: 2 });
  await expect(sections.first()).toHaveText(/^Waiting for you \(\d+\)$/);
  await expect(sections.last()).toHaveText("History");

  // The station is said once, above its parcels; each card holds what the locker's screen needs.
  const station = page.getByRole("region", { name: "At North Dormitory Station" });
  await expect(station.getByText("Open 24 hours")).toHaveCount(1);
  await expect(station.getByRole("link", { name: /Open in map/ })).toHaveAttribute("href", /mlat=30\.3112&mlon=120\.0855/);
  const xl = station.getByRole("article").filter({ hasText: "SF1402990012" });
  await expect(xl.getByRole("heading", { name: /^Door [A-Z]-\d{2}$/ })).toBeVisible();
  await expect(xl.getByTestId("pickup-code")).toHaveText(/^\d{3}\s?\d{3}$/);
  await expect(xl.getByRole("img", { name: "QR code that opens your door at North Dormitory Station" })).toBeVisible();
  await expect(xl.getByText("Open 24 hours")).toHaveCount(0);
  await expect(xl.getByText(/2 days \d+ h left/)).toBeVisible();

  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("link", { name: /ZT7730012401/ })).toContainText("Collected");
  await expectAccessible(page, "my parcels (Alice)");
});

test("extending the hold moves the deadline a day later, once, and the timeline says so", async ({ page }, testInfo) => {
  // Each project extends its own parcel: the second extension of one parcel is refused.
  const tracking = forProject(testInfo, ["ZT7730019001", "ZT7730019003"] as const);
  await signIn(page, DEMO.alice);
  await page.getByRole("article").filter({ hasText: tracking }).getByRole("link", { name: /Details and timeline/ }).click();
  const deadline = page.getByTestId("deadline");
  const before = await deadline.innerText();

  await page.getByRole("link", { name: "Need more time? Keep it one more day" }).click();
  const confirm = page.getByText(/Keep the parcel in its locker until .+\? You can do this only once\./);
  await expect(confirm).toBeVisible();
  const promised = /until (.+)\?/.exec(await confirm.innerText())![1];
  await expectAccessible(page, "extend hold: confirm");
  await page.getByRole("button", { name: "Yes, keep it one more day" }).click();

  await expect(page.getByRole("status")).toContainText("Done: your parcel stays in its locker one more day.");
  await expect(deadline).toHaveText(promised);
  expect(shownTime(promised) - shownTime(before)).toBe(24 * 3_600_000);
  await expect(page.getByText("extended once")).toBeVisible();
  await expect(page.getByRole("link", { name: /Keep it one more day/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Timeline" }).getByText("You extended the pickup time by a day")).toBeVisible();

  // The new deadline everywhere: My parcels too.
  await page.goto("/parcels");
  const card = page.getByRole("article").filter({ hasText: tracking });
  await expect(card).toContainText(`collect by ${promised}`);
  await expect(card).toContainText("(extended)");
});

test("one customer cannot open another's parcel: it looks exactly like a parcel that does not exist", async ({ page, browser }, testInfo) => {
  const bob = await newDevice(browser, testInfo);
  let bobsParcel: string;
  try {
    await signIn(bob.page, DEMO.bob);
    bobsParcel = (await bob.page.getByRole("link", { name: /Details and timeline/ }).first().getAttribute("href"))!;
    expect(bobsParcel).toMatch(/^\/parcels\/\d+$/);
    await bob.page.goto(bobsParcel);
    await expect(bob.page.getByTestId("pickup-code")).toBeVisible();
  } finally {
    await bob.context.close();
  }

  await signIn(page, DEMO.alice);
  const theirs = await page.goto(bobsParcel);
  expect(theirs?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Parcel not found" })).toBeVisible();
  await expect(page.getByTestId("pickup-code")).toHaveCount(0);
  const refusal = await page.getByRole("main").innerText();
  await expectAccessible(page, "parcel not found");

  const missing = await page.goto("/parcels/987654321");
  expect(missing?.status()).toBe(404);
  expect(await page.getByRole("main").innerText()).toBe(refusal);
});

test("a parcel's timeline tells its story, from the deposit to the kiosk, with the messages sent", async ({ page }) => {
  await signIn(page, DEMO.alice);
  await page.getByRole("region", { name: "History" }).getByRole("link", { name: /ZT7730012401/ }).click();
  const timeline = page.getByRole("region", { name: "Timeline" });
  const steps = timeline.getByRole("listitem");
  // The story starts at the deposit: the courier's "putting it in" no longer matters once it is in.
  await expect(steps.first()).toContainText(/^Deposited at North Dormitory Station, door [AB]-\d{2}/);
  await expect(timeline.getByText("The courier is putting it in door")).toHaveCount(0);
  await expect(timeline.getByText("Text message sent: your parcel is ready, with its pickup code")).toBeVisible();
  await expect(timeline.getByText("Email sent: your parcel is ready, with its pickup code")).toBeVisible();
  await expect(timeline.getByText(/^Collected at the locker's screen, door [AB]-\d{2}$/)).toBeVisible();
  await expect(steps.last()).toContainText("your parcel was collected");
  await expectAccessible(page, "parcel timeline");
});
