import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { closeDoor, fillParcel, openDoor, openSite, testPhone, uniqueTracking } from "./support/courier";
import { becomeConfirmedCustomer, newDevice, readTextMessage } from "./support/customers";

/*
 * Consent before a locker (issue 16): a recipient who asked to be asked gets a text with a
 * one-tap link; the courier's screen waits for the answer and opens a door on a yes, or
 * leaves the courier an in-person task on "bring it to me". East Teaching has room for both.
 */

async function recipientWhoWantsToBeAsked(page: Page) {
  const phone = testPhone();
  await becomeConfirmedCustomer(page, phone, "Careful Recipient");
  await page.goto("/account");
  await page.getByRole("link", { name: "Locker preferences" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Locker preferences" })).toBeVisible();
  await expectAccessible(page, "locker preferences");
  // A new customer has given no consent: no choice is shown as made, and saving without one is refused.
  await expect(page.getByText("You have not chosen yet")).toBeVisible();
  for (const name of [/Lockers are fine/, /Ask me each time/, /Never a locker/]) await expect(page.getByRole("radio", { name })).not.toBeChecked();
  await page.getByRole("button", { name: "Save locker preferences" }).click();
  await expect(page.getByRole("group", { name: "What may couriers do?" })).toHaveAccessibleDescription("Choose what couriers may do.");
  await expect(page.getByText("You have not chosen yet")).toBeVisible();
  await page.getByRole("radio", { name: /Ask me each time/ }).check();
  await page.getByRole("button", { name: "Save locker preferences" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("radio", { name: /Ask me each time/ })).toBeChecked();
  return phone;
}

async function courierAsks(courier: Page, phone: string, tracking: string) {
  await signIn(courier, DEMO.ztoCourier);
  await openSite(courier, "East Teaching Station");
  await fillParcel(courier, { tracking, phone, size: "S" });
  await courier.getByRole("button", { name: "Open a door" }).click();
  await expect(courier.getByRole("heading", { level: 1, name: "Consent needed before a locker" })).toBeVisible();
  await expect(courier.getByText("The recipient asked to be asked before a locker is used.")).toBeVisible();
  await expect(courier.getByText("Not asked yet. No door is held for this parcel.")).toBeVisible();
  await expectAccessible(courier, "consent screen");
  await courier.getByRole("button", { name: "Text the recipient a consent request" }).click();
  await expect(courier.getByText(/Text sent/).first()).toBeVisible();
  // From the first moment it says so, the screen no longer says "not asked" nor offers to text again.
  expect(await courier.getByText("Not asked yet").count()).toBe(0);
  expect(await courier.getByRole("button", { name: "Text the recipient a consent request" }).count()).toBe(0);
  await expect(courier.getByText(/Text sent to \d{3}\*\*\*\*\d{4}\. Waiting for the answer/)).toBeVisible();
  // The courier need not stand and wait: the way on to the next parcel is there.
  await expect(courier.getByRole("link", { name: "Next parcel" })).toBeVisible();
}

/** The recipient opens their text's consent link on a phone of their own: nobody signed in there, its browser asking for English. */
async function recipientOpensTheLink(browser: Parameters<typeof newDevice>[0], testInfo: Parameters<typeof newDevice>[1], phone: string) {
  const [, path] = await readTextMessage(phone, /(\/consent\/[0-9a-z.]+)/);
  const device = await newDevice(browser, testInfo, { width: 390, height: 844 });
  await device.page.goto(path);
  return { ...device, path };
}

test("a courier's deposit waits for a recipient who says yes from the text link, and the door opens by itself", async ({ page, browser }, testInfo) => {
  // Three people on three devices and a texted link: longer than one person's journey.
  test.slow();
  const phone = await recipientWhoWantsToBeAsked(page);
  const tracking = uniqueTracking("CNS");
  const { context, page: courier } = await newDevice(browser, testInfo, { width: 390, height: 844 });
  try {
    await courierAsks(courier, phone, tracking);

    const { context: phoneContext, page: recipient, path } = await recipientOpensTheLink(browser, testInfo, phone);
    try {
      await expect(recipient.getByRole("heading", { level: 1, name: "May the courier put your parcel in a locker?" })).toBeVisible();
      await expect(recipient.getByText(tracking)).toBeVisible();
      await expectAccessible(recipient, "consent answer");
      await recipient.getByRole("button", { name: "Put it in the locker" }).click();
      await expect(recipient.getByRole("heading", { level: 1, name: "Thank you: it goes in the locker" })).toBeVisible();
      await expectAccessible(recipient, "consent answered");

      // Single use: the link now only says what was answered.
      await recipient.goto(path);
      await expect(recipient.getByRole("heading", { level: 1, name: "Thank you: it goes in the locker" })).toBeVisible();
      await expect(recipient.getByRole("button", { name: "Put it in the locker" })).toHaveCount(0);

      // The same link lets them change their mind for next time, without an account.
      await recipient.getByRole("link", { name: "Choose what couriers may do next time" }).click();
      await expect(recipient.getByRole("heading", { level: 1, name: "Locker preferences" })).toBeVisible();
      await expect(recipient.getByRole("radio", { name: /Ask me each time/ })).toBeChecked();
      await expectAccessible(recipient, "locker preferences by link");
      await recipient.getByRole("radio", { name: /Lockers are fine/ }).check();
      await recipient.getByRole("button", { name: "Save locker preferences" }).click();
      await expect(recipient.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    } finally {
      await phoneContext.close();
    }

    // The courier tapped nothing: the answer arrived and the door opened.
    const door = await openDoor(courier);
    await closeDoor(courier, { tracking, door: door.door });

    // The recipient's timeline names the question they were texted, not "a message about your parcel".
    await page.goto("/parcels");
    await page.getByRole("link", { name: new RegExp(tracking) }).first().click();
    const timeline = page.getByRole("region", { name: "Timeline" });
    await expect(timeline.getByText("Text message sent: a question: may the courier put it in a locker?")).toBeVisible();
    await expect(timeline.getByText("a message about your parcel")).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('a recipient who says "bring it to me" leaves the courier a clear in-person task', async ({ page, browser }, testInfo) => {
  // Three people on three devices and a texted link: longer than one person's journey.
  test.slow();
  const phone = await recipientWhoWantsToBeAsked(page);
  const tracking = uniqueTracking("CNS");
  const { context, page: courier } = await newDevice(browser, testInfo, { width: 390, height: 844 });
  try {
    await courierAsks(courier, phone, tracking);

    // Answered in the app this time: the question waits in My parcels.
    await page.goto("/parcels");
    const question = page.getByRole("region", { name: "A courier is asking you" });
    await expect(question).toContainText(tracking);
    // A question about a parcel is not "no parcels", and its number reads whole on a phone.
    await expect(page.getByText("No parcels yet")).toHaveCount(0);
    const number = question.getByText(tracking, { exact: true });
    expect(await number.evaluate((element) => element.getClientRects().length)).toBe(1);
    await expectAccessible(page, "my parcels with a question");
    await question.getByRole("button", { name: "Bring it to me" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Thank you: the courier will bring it to you." })).toBeVisible();

    await expect(courier.getByText("The recipient asked you to bring it to them.")).toBeVisible();
    await courier.getByRole("button", { name: "Keep it for in-person delivery" }).click();
    await expect(courier).toHaveURL(/\/courier\/today/);
    const tasks = courier.getByRole("list", { name: "Parcels to deliver in person" });
    const task = tasks.getByRole("listitem").filter({ hasText: tracking });
    await expect(task).toContainText(phone);
    await expectAccessible(courier, "today with in-person tasks");
    // One tap only opens the question: the task closes for good.
    await task.getByText("Handed over in person").click();
    await expect(task).toContainText("cannot be undone");
    await task.getByRole("button", { name: /Yes, I handed it over/ }).click();
    await expect(courier.getByRole("status").filter({ hasText: `${tracking} handed over in person.` })).toBeVisible();
    await expect(courier.getByRole("list", { name: "Parcels to deliver in person" }).getByText(tracking)).toHaveCount(0);
    // The day's list and the parcel's own page say it was handed over, not that it was cancelled.
    const done = courier.getByRole("list", { name: "Today's parcels" }).getByRole("listitem").filter({ hasText: tracking });
    await expect(done).toContainText("Handed over in person");
    await expect(done).not.toContainText("Cancelled");
    await done.getByRole("link", { name: tracking }).click();
    await expect(courier.getByRole("heading", { level: 1, name: tracking })).toBeVisible();
    await expect(courier.getByRole("main")).toContainText("Handed to the recipient in person");
    await expect(courier.getByRole("main")).not.toContainText("Cancelled");
    await expectAccessible(courier, "a parcel handed over in person");
  } finally {
    await context.close();
  }
});

test("the text's link speaks the language the recipient chose on their account, not their phone browser's; the page's own switch still wins", async ({ page, browser }, testInfo) => {
  // Three people on three devices and a texted link: longer than one person's journey.
  test.slow();
  const phone = await recipientWhoWantsToBeAsked(page);
  // The recipient reads Chinese and says so on their account (the account page has a switch besides the header's).
  await page.goto("/account");
  await page.getByRole("button", { name: "切换到中文" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "账号" })).toBeVisible();
  const tracking = uniqueTracking("CNS");
  const { context, page: courier } = await newDevice(browser, testInfo, { width: 390, height: 844 });
  try {
    await courierAsks(courier, phone, tracking);
    // Their phone's browser asks for English and nobody is signed in there.
    const { context: phoneContext, page: recipient } = await recipientOpensTheLink(browser, testInfo, phone);
    try {
      await expect(recipient.getByRole("heading", { level: 1, name: "快递员可以把你的包裹放进快递柜吗？" })).toBeVisible();
      await expect(recipient.locator("html")).toHaveAttribute("lang", "zh-CN");
      await recipient.getByRole("button", { name: "Switch to English" }).click();
      await expect(recipient.getByRole("heading", { level: 1, name: "May the courier put your parcel in a locker?" })).toBeVisible();
      await expect(recipient.locator("html")).toHaveAttribute("lang", "en");
    } finally {
      await phoneContext.close();
    }
  } finally {
    await context.close();
  }
});

test("a link that is not ours, or mistyped, gets a clear page", async ({ page }) => {
  await page.goto("/consent/1.zzzz.00000000000000000000000000000000");
  await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();
  await expectAccessible(page, "consent link invalid");
});
