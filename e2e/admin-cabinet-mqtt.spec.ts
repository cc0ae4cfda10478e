import { expect, test } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import { signIn } from "./support/accounts";
import { COURIER_PASSWORD, createStationViaConsole, signInAsAdmin } from "./support/admin";
import { expectAccessible } from "./support/axe";
import { CABINET_URL, killCabinetAgent, startCabinetAgent, startCabinetWorld, type CabinetWorld } from "./support/cabinet-server";
import { fillParcel, openSite, testPhone, uniqueTracking } from "./support/courier";

/*
 * Real cabinets over MQTT (issue 13): a private Mosquitto, a second app server with
 * DOOR_CONTROLLER=mqtt, and `npm run cabinet` on simulated boards. Every other journey
 * keeps the simulated controller on the usual server.
 */

test.use({ baseURL: CABINET_URL });
test.describe.configure({ mode: "serial" });

let world: CabinetWorld | undefined;
const agents: ChildProcess[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  world = await startCabinetWorld();
});

test.afterAll(async () => {
  for (const agent of agents) killCabinetAgent(agent);
  await world?.stop();
});

test("a deposit completes when the cabinet reports the door closed; a killed agent shows offline and gets no parcels", async ({ page, browser }) => {
  test.setTimeout(150_000);
  // newDevice would take the project's baseURL (the simulated server); this one is the cabinets' server.
  const context = await browser.newContext({ baseURL: CABINET_URL, viewport: { width: 1280, height: 800 } });
  const laptop = { context, page: await context.newPage() };
  try {
    await signInAsAdmin(laptop.page);
    const { site, courier } = await createStationViaConsole(laptop.page, "Cabinet", { code: "C", rowSizes: ["M"], columns: 2 });
    const controllerId = `sim-${site.id}-C`;

    // Before its agent ever connects, the site page says so, and nothing is assigned there.
    await laptop.page.goto(`/admin/sites/${site.id}`);
    const cabinets = laptop.page.getByRole("list", { name: `Cabinets of ${site.name}` });
    await expect(cabinets.getByRole("listitem").filter({ hasText: "Locker C" })).toContainText("Not connected");

    const agent = startCabinetAgent(world!, controllerId, "C", 2);
    agents.push(agent);
    await expect(async () => {
      await laptop.page.reload();
      await expect(cabinets.getByRole("listitem").filter({ hasText: "Locker C" })).toContainText("Online", { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expectAccessible(laptop.page, "admin: site with its cabinet online");

    // The courier opens a door; the cabinet read it back open, and its closed report (the
    // simulated person shuts it 1.5 s later) completes the deposit: no button pressed.
    await signIn(page, courier.phone, COURIER_PASSWORD);
    await openSite(page, site.name);
    const tracking = uniqueTracking("CAB");
    await fillParcel(page, { tracking, phone: testPhone(), size: "M" });
    await page.getByRole("button", { name: "Open a door" }).click();
    const opened = page.getByRole("heading", { level: 1, name: /^Door C-0[12] is open$/ });
    await expect(opened).toBeVisible();
    const door = /C-0[12]/.exec((await opened.textContent()) ?? "")![0];
    await expect(page.getByRole("heading", { level: 1, name: `Deposited in door ${door}` })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("button", { name: "Door closed" })).toHaveCount(0);
    await expectAccessible(page, "courier: deposited by the cabinet's report");

    // The door's history says what the cabinet saw.
    await laptop.page.goto(`/admin/sites/${site.id}`);
    await laptop.page.getByRole("link", { name: new RegExp(`^Door ${door}, size M, occupied`) }).click();
    await expect(laptop.page.getByText("Door open (the locker read it back)")).toBeVisible();
    await expect(laptop.page.getByText("Door closed", { exact: true })).toBeVisible();
    await expect(laptop.page.getByText("Deposited; hold period 72 h (the locker reported the door closed)")).toBeVisible();

    // The agent dies: its last will marks the cabinet offline on the dashboard at once.
    killCabinetAgent(agent);
    await expect(async () => {
      await laptop.page.goto("/admin");
      const list = laptop.page.getByRole("list", { name: "Cabinets" });
      await expect(list.getByRole("listitem").filter({ hasText: `${site.name} · Locker C` })).toContainText("Offline", { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expectAccessible(laptop.page, "admin: dashboard with a cabinet offline");

    // The courier sees it before walking there, and the site gives no door.
    await openSite(page, site.name);
    await expect(page.getByRole("alert").filter({ hasText: "This site's lockers are offline" })).toBeVisible();
    await fillParcel(page, { tracking: uniqueTracking("CAB"), phone: testPhone(), size: "M" });
    await page.getByRole("button", { name: "Open a door" }).click();
    await expect(page.getByRole("heading", { name: `${site.name} is full for size M` })).toBeVisible();
    await expectAccessible(page, "courier: site with its cabinet offline");
  } finally {
    await laptop.context.close();
  }
});
