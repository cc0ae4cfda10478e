import { expect, test, type Browser, type Page } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import { signIn } from "./support/accounts";
import { COURIER_PASSWORD, makeStation, signInAsAdmin } from "./support/admin";
import { expectAccessible } from "./support/axe";
import {
  CABINET_URL,
  killCabinetAgent,
  pauseCabinetAgent,
  startCabinetAgent,
  startCabinetWorld,
  watchReplies,
  type CabinetWorld,
} from "./support/cabinet-server";
import { fillParcel, openSite, testPhone, uniqueTracking } from "./support/courier";
import { nextCustomerInEnglish, pairKioskScreen } from "./support/customers";
import { makeReturnToDropOff } from "./support/outbound";

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
  const context = await browser.newContext({ baseURL: CABINET_URL, locale: "en-US", viewport: { width: 1280, height: 800 } });
  const laptop = { context, page: await context.newPage() };
  try {
    await signInAsAdmin(laptop.page);
    const { site, courier } = await makeStation("Cabinet", { code: "C", rowSizes: ["M"], columns: 2 }, world!.database);
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
    // The screen moves on to the next parcel by itself, as "Door closed" would have.
    await expect(page.getByRole("status").filter({ hasText: `Deposited in door ${door}` })).toContainText(tracking, { timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1, name: site.name })).toBeVisible();
    await expect(page.getByRole("button", { name: "Open a door" })).toBeInViewport();
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

/** A device of the cabinets' server (newDevice would take the project's baseURL). */
async function cabinetDevice(browser: Browser) {
  const context = await browser.newContext({ baseURL: CABINET_URL, locale: "en-US", viewport: { width: 1280, height: 800 } });
  return { context, page: await context.newPage() };
}

/**
 * The pickup code texted for `tracking`, read in the development mailbox by a signed-in
 * admin. The recipient has no account, so the text is in the site's default language
 * (Chinese on the demo campus): the code is the one run of exactly six digits standing
 * alone, whatever the words around it. The server's own round delivers it (every 10 s).
 */
async function pickupCodeFor(admin: Page, parcel: { tracking: string; phone: string }): Promise<string> {
  let code: string | undefined;
  await expect(async () => {
    await admin.goto(`/dev/mailbox?to=${encodeURIComponent(parcel.phone)}`);
    const texts = await admin.getByRole("article").filter({ hasText: parcel.tracking }).allInnerTexts();
    code = texts.map((text) => /(?<![0-9A-Za-z])(\d{6})(?![0-9A-Za-z])/.exec(text.replaceAll(parcel.tracking, ""))?.[1]).find(Boolean);
    expect(code, `a text to ${parcel.phone} with a pickup code`).toBeDefined();
  }).toPass({ timeout: 45_000 });
  return code!;
}

test("the recipient collects once the cabinet read the door open; an open it does not answer in time fails, and is never run late", async ({ page, browser }) => {
  // A station, an agent, two deposits, their texts, a kiosk and two pickups.
  test.setTimeout(240_000);
  const laptop = await cabinetDevice(browser);
  const kiosk = await cabinetDevice(browser);
  let watch: Awaited<ReturnType<typeof watchReplies>> | undefined;
  let resume = () => {};
  try {
    await signInAsAdmin(laptop.page);
    const { site, courier } = await makeStation("Pickup", { code: "P", rowSizes: ["M"], columns: 2 }, world!.database);
    const controllerId = `sim-${site.id}-P`;
    // Heartbeats every 4 s: paused below for about 6 s, the agent is still one the server
    // sends commands to (silent for three heartbeats = offline, refused at once).
    const agent = startCabinetAgent(world!, controllerId, "P", 2, 4000);
    agents.push(agent);
    watch = await watchReplies(world!, controllerId);
    await expect(async () => {
      await laptop.page.goto(`/admin/sites/${site.id}`);
      const cabinets = laptop.page.getByRole("list", { name: `Cabinets of ${site.name}` });
      await expect(cabinets.getByRole("listitem").filter({ hasText: "Locker P" })).toContainText("Online", { timeout: 1000 });
    }).toPass({ timeout: 30_000 });

    // Two parcels for two recipients without an account, one in each door.
    await signIn(page, courier.phone, COURIER_PASSWORD);
    const parcels: { tracking: string; phone: string; door: string; code: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const parcel = { tracking: uniqueTracking("CAB"), phone: testPhone() };
      await openSite(page, site.name);
      await fillParcel(page, { ...parcel, size: "M" });
      await page.getByRole("button", { name: "Open a door" }).click();
      const opened = page.getByRole("heading", { level: 1, name: /^Door P-0[12] is open$/ });
      await expect(opened).toBeVisible();
      const door = /P-0[12]/.exec((await opened.textContent()) ?? "")![0];
      await expect(page.getByRole("status").filter({ hasText: `Deposited in door ${door}` })).toContainText(parcel.tracking, { timeout: 20_000 });
      parcels.push({ ...parcel, door, code: "" });
    }
    for (const parcel of parcels) parcel.code = await pickupCodeFor(laptop.page, parcel);
    await expectAccessible(laptop.page, "dev mailbox: a pickup code texted in the site's language");
    const [first, second] = parcels;

    // The locker's own screen, paired by the admin. Its clock stands still (the cabinets'
    // server's clock is never moved), so no idle reset ends the visit however slow the machine.
    await kiosk.page.clock.setFixedTime(Date.now());
    await pairKioskScreen(kiosk.page, site.code, "a new kiosk");
    const screen = kiosk.page;
    await expect(screen.getByRole("heading", { level: 2, name: "Collect a parcel" })).toBeVisible();
    await expectAccessible(screen, "kiosk at a site with a real cabinet");

    // The first recipient: the door opens, and the kiosk says so only because the cabinet
    // read it back open.
    await screen.getByLabel("Pickup code").fill(first.code);
    await screen.getByLabel("Phone, last 4").fill(first.phone.slice(-4));
    await screen.getByRole("button", { name: "Open my door" }).click();
    await expect(screen.getByText(`Door ${first.door} is open — take your parcel and close the door.`)).toBeVisible();
    await expectAccessible(screen, "kiosk: door open, read back by the cabinet");
    // Deposit and pickup, each answered "opened": the read back the server waited for.
    await expect.poll(() => watch!.replies.filter((reply) => reply.door === first.door).map((reply) => reply.result)).toEqual(["opened", "opened"]);

    await laptop.page.goto(`/admin/sites/${site.id}`);
    await laptop.page.getByRole("link", { name: new RegExp(`^Door ${first.door}, size M`) }).click();
    const history = laptop.page.getByRole("region", { name: "Latest history" });
    await expect(history.getByText("Door opened at the kiosk for pickup")).toBeVisible();
    // Deposit and pickup: each open the cabinet read back, each later shut (by the simulated person).
    await expect(history.getByText("Door open (the locker read it back)")).toHaveCount(2);
    // The pickup's close comes 1.5 s after its open: the page may have been read before it.
    await expect(async () => {
      await laptop.page.reload();
      await expect(history.getByText("Door closed", { exact: true })).toHaveCount(2, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expectAccessible(laptop.page, "admin: door history of a pickup the cabinet read back");

    // The second recipient, while the cabinet's computer hangs: the command reaches it but
    // nothing answers, so after its deadline the kiosk takes the did-not-open path.
    await screen.getByRole("button", { name: "Done" }).click();
    await nextCustomerInEnglish(screen);
    await screen.getByLabel("Pickup code").fill(second.code);
    await screen.getByLabel("Phone, last 4").fill(second.phone.slice(-4));
    resume = pauseCabinetAgent(agent);
    await screen.getByRole("button", { name: "Open my door" }).click();
    const failure = screen.getByRole("alert").filter({ hasText: `Door ${second.door} did not open.` });
    await expect(failure).toBeVisible({ timeout: 20_000 });
    await expect(failure).toContainText("Your parcel is safe inside");
    await expectAccessible(screen, "kiosk: a cabinet that did not answer");

    // It wakes, reads the stale command and drops it: answered expired, the door never pulsed.
    resume();
    await expect.poll(() => watch!.replies.filter((reply) => reply.door === second.door).map((reply) => reply.result), { timeout: 15_000 }).toContain("expired");
    expect(watch.replies.filter((reply) => reply.door === second.door).map((reply) => reply.result)).toEqual(["opened", "expired"]);

    await laptop.page.goto(`/admin/sites/${site.id}`);
    await laptop.page.getByRole("link", { name: new RegExp(`^Door ${second.door}, size M`) }).click();
    await expect(history.getByText("Door did not open: the cabinet did not answer in time")).toBeVisible();
    // Only the deposit's: no late opening was read back after the failure.
    await expect(history.getByText("Door open (the locker read it back)")).toHaveCount(1);
    await expectAccessible(laptop.page, "admin: door history of an open the cabinet did not answer");

    // Not collected while the door stayed shut: the admin sees the parcel still inside and no collected notice.
    await laptop.page.getByRole("link", { name: second.tracking }).first().click();
    await expect(laptop.page.getByRole("alert").filter({ hasText: `the parcel is still inside door ${second.door}` })).toBeVisible();
    await expect(laptop.page.getByText(/^Collected notice by/)).toHaveCount(0);
    await expectAccessible(laptop.page, "admin: parcel whose door the cabinet did not open");

    // Awake again, the cabinet opens it on the customer's next try, and only now is it collected.
    await Promise.all([
      screen.waitForResponse((response) => response.request().method() === "POST"),
      screen.getByRole("button", { name: "Try the door again" }).click(),
    ]);
    await expect(screen.getByText(`Door ${second.door} is open — take your parcel and close the door.`)).toBeVisible();
    await laptop.page.reload();
    await expect(laptop.page.getByRole("alert").filter({ hasText: "the parcel is still inside" })).toHaveCount(0);
    await expect(laptop.page.getByText(/^Collected notice by text to/)).toBeVisible();
  } finally {
    resume();
    await watch?.close();
    await kiosk.context.close();
    await laptop.context.close();
  }
});

test("a customer's drop-off at the kiosk completes when the cabinet reports the door closed, without a touch", async ({ browser }) => {
  test.setTimeout(150_000);
  const laptop = await cabinetDevice(browser);
  const kiosk = await cabinetDevice(browser);
  try {
    await signInAsAdmin(laptop.page);
    const { site, courier } = await makeStation("Send", { code: "S", rowSizes: ["S"], columns: 2 }, world!.database);
    const agent = startCabinetAgent(world!, `sim-${site.id}-S`, "S", 2);
    agents.push(agent);
    await expect(async () => {
      await laptop.page.goto(`/admin/sites/${site.id}`);
      const cabinets = laptop.page.getByRole("list", { name: `Cabinets of ${site.name}` });
      await expect(cabinets.getByRole("listitem").filter({ hasText: "Locker S" })).toContainText("Online", { timeout: 1000 });
    }).toPass({ timeout: 30_000 });

    // A return of the courier's carrier, its drop-off QR on the customer's phone (support/verbs/outbound.ts).
    const shipment = await makeReturnToDropOff(site.code, courier.phone, world!.database);

    await kiosk.page.clock.setFixedTime(Date.now());
    await pairKioskScreen(kiosk.page, site.code, "a new kiosk");
    const screen = kiosk.page;
    await screen.getByRole("link", { name: "Send a parcel" }).click();
    await screen.getByRole("button", { name: "Scan the QR code instead" }).click();
    const scanner = screen.getByLabel("QR code from the scanner");
    await scanner.fill(shipment.qr);
    await scanner.press("Enter");
    await expect(screen.getByRole("heading", { level: 2, name: /^Door S-0[12] is open$/ })).toBeVisible();
    await expectAccessible(screen, "kiosk: drop-off door open at a reporting cabinet");

    // The simulated person shuts the door 1.5 s after it opened: the screen thanks them by
    // itself, as "I closed the door" would have.
    await expect(screen.getByRole("heading", { level: 2, name: "Parcel dropped off" })).toBeVisible({ timeout: 20_000 });
    await expect(screen.getByRole("button", { name: "I closed the door" })).toHaveCount(0);
    await expectAccessible(screen, "kiosk: dropped off by the cabinet's report");

    // The admin's door history says the locker reported it.
    await laptop.page.goto(`/admin/sites/${site.id}`);
    await expect(laptop.page.getByRole("link", { name: /^Door S-0[12], size S, occupied/ })).toHaveCount(1);
  } finally {
    await kiosk.context.close();
    await laptop.context.close();
  }
});
