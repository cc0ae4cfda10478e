import { expect, test } from "@playwright/test";
import { makeStation, depositAsCourier, signInAsAdmin } from "./support/admin";
import { expectAccessible } from "./support/axe";
import { runBackgroundRound } from "./support/background";
import { testPhone, uniqueTracking } from "./support/courier";

/*
 * The admin sees tomorrow's crunch today: a station of the test's own whose two M doors
 * are both taken is forecast full, the dashboard warns about it in words and shows its
 * chart beside the real occupancy (with a table for those who cannot see the chart), and
 * the admin marks a sales week on the forecast's calendar.
 */

test("an admin sees a site forecast full, reads its chart as a table, and marks sales days", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  const { site, courier } = await makeStation("Forecast", { code: "A", rowSizes: ["M"], columns: 2 });
  await depositAsCourier(browser, courier, site, [
    { tracking: uniqueTracking(), phone: testPhone(), size: "M" },
    { tracking: uniqueTracking(), phone: testPhone(), size: "M" },
  ]);

  // The background round (every 10 s on the server; here and now) catches the forecast up
  // with the deposits: a page view never computes one.
  // A round has a time budget; on a busy server this site may wait for the next one.
  const forecast = page.getByRole("region", { name: "Forecast: the next 48 hours" });
  const warning = forecast.getByRole("list", { name: "Forecast warnings" }).getByRole("listitem").filter({ hasText: site.name });
  await expect(async () => {
    await runBackgroundRound();
    await page.goto("/admin");
    await expect(warning).toHaveText(new RegExp(`^${site.name}, size M: full now until .*\\d\\d:00 \\(\\d+ %\\)$`), { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });

  // The site's charts are unfolded because it has a warning; the picture has words.
  const charts = forecast.getByRole("group").filter({ hasText: `${site.name}: occupancy by door size, last day and next two` });
  const chart = charts.getByRole("img", { name: new RegExp(`^${site.name}, size M: 2 of 2 doors occupied now`) });
  await expect(chart).toBeVisible();
  await charts.getByText("Size M forecast as a table").click();
  const table = charts.getByRole("table", { name: new RegExp(`^${site.name}, size M: forecast occupancy of 2 doors`) });
  await expect(table.getByRole("row", { name: /^now 2 2–2 100 %$/ })).toBeVisible();
  await expectAccessible(page, "dashboard with a forecast warning");

  // A site with no warning has no charts on the dashboard, only a link to its own page,
  // which draws them (a network of hundreds of sites would otherwise send them all).
  const calm = forecast.getByRole("navigation", { name: "Forecasts of the other sites" });
  await expect(calm.getByRole("link", { name: site.name, exact: true })).toHaveCount(0);
  // A demo station (other journeys' sites may have no doors yet, so no chart).
  const other = calm.getByRole("link").filter({ hasNotText: /^E2E / }).first();
  const otherName = (await other.textContent())!;
  await other.click();
  await expect(page.getByRole("heading", { level: 1, name: `Dwell times and door sizing: ${otherName}` })).toBeVisible();
  const otherCharts = page.getByRole("region", { name: "Forecast: the next 48 hours" }).getByRole("img", { name: new RegExp(`^${otherName}, size [SMLX]+: \\d+ of \\d+ doors occupied now`) });
  await expect(otherCharts.first()).toBeVisible();
  await expectAccessible(page, "a site's forecast page");
  await page.goto("/admin");

  await forecast.getByRole("link", { name: "Mark sales days and term start" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forecast calendar" })).toBeVisible();
  await expectAccessible(page, "forecast calendar");
  await page.getByLabel("Where").selectOption({ label: site.name });
  await page.getByLabel("What").selectOption({ label: "Sales days (e.g. 11.11, 618)" });
  await page.getByLabel("Number of days").fill("20");
  await page.getByRole("button", { name: "Mark days" }).click();
  await expect(page.getByText("At most 14 days at once.")).toBeVisible();
  await page.getByLabel("Number of days").fill("3");
  await page.getByRole("button", { name: "Mark days" }).click();
  await expect(page.getByRole("status").filter({ hasText: /3 days are marked/ })).toBeVisible();
  const marked = page.getByRole("list", { name: "Marked days" }).getByRole("listitem").filter({ hasText: site.name });
  await expect(marked).toHaveCount(3);
  await expect(marked.first()).toContainText("Sales day");
  await expectAccessible(page, "forecast calendar with marked days");

  // The row goes with its button: the list itself is the confirmation.
  await marked.first().getByRole("button", { name: /^Unmark / }).click();
  await expect(page.getByRole("list", { name: "Marked days" }).getByRole("listitem").filter({ hasText: site.name })).toHaveCount(2);
});
