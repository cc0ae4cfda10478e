import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { signIn } from "./support/accounts";
import { acceptOutbound, COURIER_PASSWORD, makeStation, signInAsAdmin, uniqueSuffix, type CreatedSite } from "./support/admin";
import { expectAccessible } from "./support/axe";
import { testPhone, uniqueTracking } from "./support/courier";
import { becomeConfirmedCustomer, newDevice, openKiosk, readTextMessage } from "./support/customers";

/*
 * Sending through the locker (issue 17, decision 0013): the admin lets a carrier take
 * parcels at a station, a customer starts a shipment and drops it off at the kiosk, the
 * carrier's courier takes it away. Each run builds its own station (a site, a locker, a ZTO
 * courier) so that no other journey is given its doors, and has its own customer.
 */

const WRONG_DROP_OFF_MESSAGE = "That code is not a drop-off code for this station. Check the code and the last 4 digits of your phone.";

/** The admin, on a laptop of their own, lets ZTO take outbound parcels at `site`. */
async function acceptOutboundForZto(admin: Page, site: CreatedSite) {
  await admin.goto(`/admin/sites/${site.id}`);
  const panel = admin.getByRole("region", { name: "Sending and returns" });
  await expect(panel).toContainText("ZTO Express: does not accept outbound parcels");
  await expectAccessible(admin, "admin: site with outbound off");
  await panel.getByRole("button", { name: "Accept outbound for ZTO Express" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Customers can now send with this carrier here." })).toBeVisible();
  await expect(panel).toContainText("ZTO Express: accepts outbound parcels");
  await expectAccessible(admin, "admin: site with outbound on");
}

/** A station of the test's own whose courier's carrier (ZTO) takes outbound parcels, set up by the admin. */
async function outboundStation(admin: Page, label: string, code: string, columns: number) {
  await signInAsAdmin(admin);
  const station = await makeStation(label, { code, rowSizes: ["M"], columns });
  await acceptOutboundForZto(admin, station.site);
  return station;
}

/** The customer starts a shipment with ZTO at `site`; returns the drop-off code the app shows. */
async function startShipment(page: Page, site: CreatedSite, recipientName: string): Promise<string> {
  await page.getByRole("navigation", { name: "Customer" }).getByRole("link", { name: "Send" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Send a parcel" })).toBeVisible();
  await expectAccessible(page, "customer: send");
  await page.getByRole("link", { name: "Start a shipment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Start a shipment" })).toBeVisible();
  await expectAccessible(page, "customer: start a shipment");

  // Sent empty, the form says what is missing, once for the one station-and-carrier choice.
  await page.getByRole("button", { name: "Get my drop-off code" }).click();
  await expect(page.getByText("Choose a station and a carrier from the list.", { exact: true })).toHaveCount(1);
  await page.getByLabel("Station and carrier").selectOption({ label: `ZTO Express at ${site.name}` });
  await page.getByLabel("Parcel size").selectOption("M");
  await page.getByLabel("Name").fill(recipientName);
  await page.getByLabel("Phone").fill(testPhone());
  await page.getByLabel("Address").fill("88 Wensan Road, Hangzhou");
  // Without the declaration the shipment is refused, with the reason beside the box.
  await page.getByRole("button", { name: "Get my drop-off code" }).click();
  const declaration = page.getByRole("checkbox", { name: "I declare that this parcel holds nothing on the list above." });
  await expect(declaration).toHaveAttribute("aria-invalid", "true");
  // What was chosen survives the refusal.
  await expect(page.getByLabel("Station and carrier")).toHaveValue(/^\d+:\d+$/);
  await expect(page.getByLabel("Parcel size")).toHaveValue("M");
  await expectAccessible(page, "customer: shipment refused without the declaration");
  await declaration.check();
  await page.getByRole("button", { name: "Get my drop-off code" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Send a parcel" })).toBeVisible();
  await expect(page.getByRole("status").or(page.getByRole("alert")).filter({ hasText: "Your drop-off code is ready" })).toBeVisible();
  const card = page.getByRole("article", { name: `To ${recipientName}` });
  await expect(card).toContainText("waiting for drop-off");
  await expect(card.getByRole("img", { name: `QR code that opens a door for this parcel at ${site.name}` })).toBeVisible();
  const code = (await card.getByLabel(/^Drop-off code/).textContent())!.trim();
  expect(code).toMatch(/^\d{6}$/);
  await expectAccessible(page, "customer: drop-off code");
  return code;
}

/** Types the drop-off code and phone digits on the kiosk's keypad and asks for a door. */
async function enterDropOff(screen: Page, code: string, phoneLast4: string) {
  const keypad = screen.getByRole("group", { name: "Keypad" });
  const codeField = screen.getByLabel("Drop-off code (6 digits)");
  // A tap before the screen's script has started does nothing (as for a person): the first
  // digit is tapped until it shows, then the rest.
  await expect(async () => {
    await keypad.getByRole("button", { name: "Clear", exact: true }).click();
    await keypad.getByRole("button", { name: code[0], exact: true }).click();
    await expect(codeField).toHaveValue(code[0], { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  for (const digit of code.slice(1) + phoneLast4) await keypad.getByRole("button", { name: digit, exact: true }).click();
  await expect(codeField).toHaveValue(code);
  await expect(screen.getByLabel("Last 4 digits of your phone")).toHaveValue(phoneLast4);
  await screen.getByRole("button", { name: "Open a door" }).click();
}

/** A courier token for the station's courier, made by the admin on the API tokens screen. */
async function courierToken(admin: Page, courierName: string): Promise<string> {
  await admin.goto("/admin/api-tokens");
  await admin.getByLabel("Name").fill(`Outbound ${uniqueSuffix()}`);
  await admin.getByLabel("Acts as").selectOption({ label: `${courierName} (ZTO Express)` });
  await admin.getByRole("button", { name: "Create token" }).click();
  return admin.getByLabel("New API token").inputValue();
}

async function asCourier(browser: Browser, testInfo: TestInfo, phone: string) {
  const device = await newDevice(browser, testInfo);
  await signIn(device.page, phone, COURIER_PASSWORD);
  return device;
}

test("a customer sends a parcel through the locker and the carrier's courier takes it away", async ({ page, browser, request }, testInfo) => {
  test.setTimeout(360_000);
  const admin = await newDevice(browser, testInfo);
  try {
    const { site, courier } = await outboundStation(admin.page, "Outbound", "O1", 3);

    const phone = testPhone();
    await becomeConfirmedCustomer(page, phone, "Sending Customer");
    const recipientName = `Recipient ${uniqueSuffix()}`;
    const code = await startShipment(page, site, recipientName);

    const kiosk = await openKiosk(browser, testInfo, site.code, "a new kiosk");
    let door: string;
    try {
      const screen = kiosk.page;
      await screen.getByRole("link", { name: "Send a parcel" }).click();
      await expect(screen.getByRole("heading", { level: 2, name: "Send a parcel" })).toBeVisible();
      await expectAccessible(screen, "kiosk: send a parcel");
      await enterDropOff(screen, code, phone.slice(-4));
      const open = screen.getByRole("heading", { level: 2, name: /^Door \S+ is open$/ });
      await expect(open).toBeVisible();
      door = /^Door (\S+) is open$/.exec((await open.textContent())!)![1];
      await expect(screen.getByRole("status")).toContainText(`Put your parcel in door ${door}`);
      await expectAccessible(screen, "kiosk: drop-off door open");
      await screen.getByRole("button", { name: "I closed the door" }).click();
      await expect(screen.getByRole("heading", { level: 2, name: "Parcel dropped off" })).toBeVisible();
      await expect(screen.getByRole("status")).toContainText("ZTO Express");
      await expectAccessible(screen, "kiosk: dropped off");
    } finally {
      await kiosk.context.close();
    }

    await page.reload();
    const card = page.getByRole("article", { name: `To ${recipientName}` });
    await expect(card).toContainText("in the locker, waiting for the carrier");
    await expect(card).toContainText(`door ${door}`);
    await expect(card.getByLabel(/^Drop-off code/)).toHaveCount(0);
    await expectAccessible(page, "customer: dropped off");

    // The carrier attaches its waybill through the API, as its system would.
    const token = await courierToken(admin.page, courier.name);
    const auth = { authorization: `Bearer ${token}` };
    const listed = await request.get("/api/v1/outbound", { headers: auth });
    expect(listed.status()).toBe(200);
    const { outbound } = (await listed.json()) as { outbound: { id: number; recipientName: string | null }[] };
    const shipment = outbound.find((parcel) => parcel.recipientName === recipientName)!;
    const waybill = uniqueTracking("ZTO");
    const attached = await request.post(`/api/v1/outbound/${shipment.id}/waybill`, {
      headers: { ...auth, "idempotency-key": `waybill-${waybill}` },
      data: { waybillNumber: waybill, quotedPriceCents: 1200 },
    });
    expect(attached.status()).toBe(200);

    const courierDevice = await asCourier(browser, testInfo, courier.phone);
    try {
      const screen = courierDevice.page;
      await screen.goto("/courier/today");
      const pickups = screen.getByRole("region", { name: /To take away/ });
      const item = pickups.getByRole("listitem").filter({ hasText: `To ${recipientName}` });
      await expect(item).toContainText(`Door ${door}`);
      await expect(item).toContainText(site.name);
      await expect(item).toContainText(`waybill ${waybill}`);
      await expectAccessible(screen, "courier: today with a parcel to take away");

      await screen.goto(`/courier/sites/${site.id}`);
      await expect(screen.getByRole("heading", { level: 1, name: site.name })).toBeVisible();
      const atSite = screen.getByRole("region", { name: /To take away/ }).getByRole("listitem").filter({ hasText: `To ${recipientName}` });
      await atSite.getByRole("button", { name: `Open door ${door}` }).click();
      await expect(atSite.getByRole("status")).toContainText(`Door ${door} is open.`);
      await expectAccessible(screen, "courier: outbound door open");
      await atSite.getByRole("button", { name: "I have it — handed to carrier" }).click();
      await expect(screen.getByRole("status").filter({ hasText: `Handed to carrier: the parcel from door ${door} is yours now.` })).toBeVisible();
      await expectAccessible(screen, "courier: handed to carrier");
      await screen.reload();
      await expect(screen.getByRole("heading", { level: 1, name: site.name })).toBeVisible();
      await expect(screen.getByRole("listitem").filter({ hasText: `To ${recipientName}` })).toHaveCount(0);
    } finally {
      await courierDevice.context.close();
    }

    await page.reload();
    const done = page.getByRole("region", { name: "Done" }).getByRole("article", { name: `To ${recipientName}` });
    await expect(done).toContainText("handed to carrier");
    await expect(done).toContainText(`Waybill ${waybill}`);
    await expect(done).toContainText("quoted postage ¥12.00");
    await expect(done.getByRole("link", { name: /Track on ZTO Express's website/ })).toHaveAttribute(
      "href",
      `https://www.zto.com/?num=${encodeURIComponent(waybill)}`,
    );
    await expectAccessible(page, "customer: handed to carrier");
  } finally {
    await admin.context.close();
  }
});

test("a wrong drop-off code at the kiosk opens no door and says what to check", async ({ browser }, testInfo) => {
  // A kiosk of its own: wrong codes count per kiosk (decision 0013 shares the slow-down). Its
  // station takes outbound parcels, or the kiosk would offer no "Send a parcel" at all.
  const { site } = await makeStation("Wrong code", { code: "W", rowSizes: ["M"], columns: 2 });
  await acceptOutbound(site);
  const kiosk = await openKiosk(browser, testInfo, site.code, "a new kiosk");
  try {
    const screen = kiosk.page;
    await screen.getByRole("link", { name: "Send a parcel" }).click();
    await expect(screen.getByRole("heading", { level: 2, name: "Send a parcel" })).toBeVisible();
    await enterDropOff(screen, "123456", "0000");
    await expect(screen.getByRole("alert").filter({ hasText: WRONG_DROP_OFF_MESSAGE })).toBeVisible();
    await expect(screen.getByRole("heading", { level: 2, name: /^Door \S+ is open$/ })).toHaveCount(0);
    await expectAccessible(screen, "kiosk: wrong drop-off code");
  } finally {
    await kiosk.context.close();
  }
});

test("a return a carrier sets up through the API reaches the customer by text and in the app, and is dropped off at the kiosk", async ({ page, browser, request }, testInfo) => {
  test.setTimeout(300_000);
  const admin = await newDevice(browser, testInfo);
  try {
    // The admin's button is the first journey's; here the admin only issues the carrier's token.
    const { site, courier } = await makeStation("Returns", { code: "R1", rowSizes: ["M"], columns: 2 });
    await acceptOutbound(site);
    await signInAsAdmin(admin.page);
    const phone = testPhone();
    await becomeConfirmedCustomer(page, phone, "Returning Customer");

    // The shop's carrier sets up the return, as its system would; a retry answers the same.
    const token = await courierToken(admin.page, courier.name);
    const order = `RT-${uniqueSuffix()}`;
    const body = { siteId: site.id, size: "M", customerPhone: phone, orderReference: order };
    const headers = { authorization: `Bearer ${token}`, "idempotency-key": `return-${order}` };
    const created = await request.post("/api/v1/returns", { headers, data: body });
    expect(created.status()).toBe(201);
    const again = await request.post("/api/v1/returns", { headers: { ...headers, "idempotency-key": `return-${order}-again` }, data: body });
    expect(again.status()).toBeLessThan(300);
    expect(((await again.json()) as { replayed: boolean }).replayed).toBe(true);

    // The customer's text carries the drop-off code (in whichever language their account reads).
    const [, texted] = await readTextMessage(phone, new RegExp(`${order}[\\s\\S]*?(?<![0-9A-Za-z])(\\d{6})(?![0-9A-Za-z])`));

    // The app shows the same code on the return's card.
    await page.getByRole("navigation", { name: "Customer" }).getByRole("link", { name: "Send" }).click();
    const card = page.getByRole("article", { name: `Return of order ${order}` });
    await expect(card).toContainText("waiting for drop-off");
    await expect(card.getByLabel(/^Drop-off code/)).toHaveText(texted);
    await expectAccessible(page, "customer: a return's drop-off code");

    const kiosk = await openKiosk(browser, testInfo, site.code, "a new kiosk");
    try {
      const screen = kiosk.page;
      await screen.getByRole("link", { name: "Send a parcel" }).click();
      await enterDropOff(screen, texted, phone.slice(-4));
      await expect(screen.getByRole("heading", { level: 2, name: /^Door R1-0[12] is open$/ })).toBeVisible();
      await screen.getByRole("button", { name: "I closed the door" }).click();
      await expect(screen.getByRole("heading", { level: 2, name: "Parcel dropped off" })).toBeVisible();
      await expect(screen.getByRole("status")).toContainText("ZTO Express");
      await expectAccessible(screen, "kiosk: a return dropped off");
    } finally {
      await kiosk.context.close();
    }

    await page.reload();
    await expect(page.getByRole("article", { name: `Return of order ${order}` })).toContainText("in the locker, waiting for the carrier");
    // The carrier's list now holds it, dropped off.
    const listed = (await (await request.get("/api/v1/outbound", { headers: { authorization: headers.authorization } })).json()) as {
      outbound: { orderReference: string | null; state: string }[];
    };
    expect(listed.outbound.find((parcel) => parcel.orderReference === order)?.state).toBe("dropped_off");
  } finally {
    await admin.context.close();
  }
});
