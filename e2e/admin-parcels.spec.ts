import fs from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { makeLocker, makeCourier, makeSite, depositAsCourier, e2ePhone, signInAsAdmin } from "./support/admin";
import { expectAccessible } from "./support/axe";
import { runBackgroundRound } from "./support/background";
import { uniqueTracking } from "./support/courier";

/* Finding a parcel by its recipient's phone, its timeline, the admin's actions, the CSV. */

test("parcel search finds parcels by phone, shows a timeline, and the CSV export holds exactly what was searched", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  const site = await makeSite("Search");
  await makeLocker(site, { code: "A", rowSizes: ["M", "M"], columns: 2 });
  const courier = await makeCourier([site]);
  const phone = e2ePhone();
  const mine = [uniqueTracking("SRCH"), uniqueTracking("SRCH")];
  const someoneElses = uniqueTracking("SRCH");
  await depositAsCourier(browser, courier, site, [
    { tracking: mine[0], phone, size: "M" },
    { tracking: someoneElses, phone: e2ePhone(), size: "M" },
    { tracking: mine[1], phone, size: "M" },
  ]);

  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Parcels" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Parcels" })).toBeVisible();
  await expectAccessible(page, "parcel search");
  // On a laptop every column of the list is in view: no sideways scrolling to reach "Pickup until".
  const list = page.getByRole("table", { name: "Parcels matching the search, newest first" });
  await expect(list).toBeVisible();
  expect(await list.evaluate((table) => table.parentElement!.scrollWidth <= table.parentElement!.clientWidth)).toBe(true);
  const search = page.getByRole("search", { name: "Parcels" });
  await search.getByLabel("Recipient phone").fill("12");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("Enter the whole phone number or its last 4 digits.")).toBeVisible();
  await expectAccessible(page, "parcel search with an error");

  await search.getByLabel("Recipient phone").fill(phone);
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`phone=${phone}`));
  await expect(page.getByRole("heading", { level: 2, name: "2 parcels" })).toBeVisible();
  const results = page.getByRole("table");
  for (const tracking of mine) await expect(results.getByRole("link", { name: tracking })).toBeVisible();
  await expect(results.getByRole("link", { name: someoneElses })).toHaveCount(0);
  await expect(results).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^parcels-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await fs.readFile(await download.path(), "utf8");
  const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^Tracking number,Carrier,Site,Door,State/);
  expect(lines).toHaveLength(3);
  for (const tracking of mine) expect(csv).toContain(tracking);
  expect(csv).not.toContain(someoneElses);
  expect(csv).not.toContain(phone);
  expect(csv).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);

  await results.getByRole("link", { name: mine[0] }).click();
  await expect(page.getByRole("heading", { level: 1, name: mine[0] })).toBeVisible();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText(/Door A-\d+ assigned/);
  await expect(timeline).toContainText("Door opened for deposit");
  await expect(timeline).toContainText("Door closed");
  await expect(timeline).toContainText("Deposited; hold period 72 h");
  await expect(page.getByRole("region", { name: "Parcel" })).toContainText(phone);
  await expectAccessible(page, "parcel detail");

  const extend = page.getByRole("region", { name: "Extend the pickup time" });
  await extend.getByRole("button", { name: "Give one more day" }).click();
  await expect(extend.getByRole("status")).toContainText("Extended: the parcel now waits until");
  await expect(extend).toContainText("Already extended once.");

  // What was sent to the recipient, and the pickup code sent again.
  const messages = page.getByRole("region", { name: "Messages to the recipient" });
  const codeTexts = messages.getByRole("listitem").filter({ hasText: `Pickup code by text to ${phone}` });
  await expect(codeTexts).toHaveCount(1);
  // Sending again is refused while the first text is still queued ("already on its way"):
  // deliver it first, as the server's round would within 10 s.
  await expect(async () => {
    await runBackgroundRound();
    await page.reload();
    await expect(codeTexts).not.toContainText("Waiting to be sent", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  // A text to the recipient's phone: asked first, nothing is sent by opening the question.
  await expect(messages.getByRole("button", { name: "Send it now" })).toBeHidden();
  await messages.getByText("Send the pickup code again…").click();
  await expect(messages).toContainText(`${phone} gets the same code again by text`);
  await messages.getByRole("button", { name: "Send it now" }).click();
  await expect(messages.getByRole("status")).toContainText(`The pickup code is on its way to ${phone}.`);
  await expect(codeTexts).toHaveCount(2);
  // Once delivered, another click within minutes is refused: the recipient is not texted again.
  await expect(async () => {
    await runBackgroundRound();
    await page.reload();
    await expect(codeTexts.first()).not.toContainText("Waiting to be sent", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await messages.getByText("Send the pickup code again…").click();
  await messages.getByRole("button", { name: "Send it now" }).click();
  await expect(messages.getByRole("alert")).toContainText(/it can be sent again in [45] minutes\./);
  await expect(codeTexts).toHaveCount(2);

  const incident = page.getByRole("region", { name: "Lost or damaged" });
  await incident.getByText("Record an incident…").click();
  await incident.getByRole("radio", { name: "Damaged" }).check();
  await incident.getByLabel("What was found").fill("Box crushed on one corner");
  await incident.getByRole("button", { name: "Record the incident" }).click();
  await expect(incident.getByRole("status")).toContainText(`${mine[0]} is marked damaged.`);
  await expect(timeline).toContainText("Marked damaged: Box crushed on one corner");
  await expectAccessible(page, "parcel detail after the actions");

  await page.goto("/admin/audit?category=parcel");
  await expect(page.getByRole("row").filter({ hasText: `Extended the pickup time of ${mine[0]}` })).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: `Marked ${mine[0]} damaged: Box crushed on one corner` })).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: `Sent the pickup code of ${mine[0]} again to ${phone}` })).toHaveCount(1);

  await page.goto(`/admin/parcels?incident=damaged&phone=${phone}`);
  await expect(page.getByRole("heading", { level: 2, name: "1 parcel" })).toBeVisible();
});
