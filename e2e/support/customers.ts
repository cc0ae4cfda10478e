import { expect, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { DEMO, signIn } from "./accounts";
import { runBackgroundRound } from "./background";
import { domain } from "./domain";
import { holdBrowserClock } from "./clock";

/*
 * Helpers for the customer and kiosk journeys.
 *
 * Every journey that collects a parcel collects one no other test touches: a pickup code
 * opens its door once, and the tests run in parallel (two workers, two projects) against
 * one seeded database. The seed's filler parcels are addressed to phone numbers without an
 * account (lib/demo/seed.ts: 13500001001 … 13500001018, six per site in the order
 * ZJG-N, ZJG-L, ZJG-E). A journey's customer signs up with one of those numbers — its own,
 * per test and per project — confirms it with the texted code, and finds its parcel
 * waiting, which is exactly what a new customer does.
 */

export const NEWCOMER_PASSWORD = "newcomer-password-2026";

/** The seed's filler recipients by site: [the laptop or kiosk project's number, the phone project's number]. */
export const NEWCOMERS = {
  /** ZJG-E, 13th and 14th filler parcels (S and M). */
  eastJourney: ["13500001013", "13500001014"],
  /** ZJG-L, 7th and 8th filler parcels (S and M). */
  libraryQr: ["13500001007", "13500001008"],
} as const;

export function forProject<T>(testInfo: TestInfo, pair: readonly [T, T]): T {
  return testInfo.project.name === "phone" ? pair[1] : pair[0];
}

/**
 * A second device in the same test — the locker's kiosk, an admin's laptop — with the
 * project's base URL but its own cookies. The caller closes it.
 */
export async function newDevice(
  browser: Browser,
  testInfo: TestInfo,
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: "en-US", viewport });
  return { context, page: await context.newPage() };
}

/** Which demo admin runs a demo site (lib/demo/seed.ts); the campus admin runs the rest. */
const SITE_ADMIN: Record<string, string> = { "WLR-1": DEMO.otherAdmin };

/**
 * What an admin does at a new kiosk screen: sign in on it, open the site's page and pair the
 * screen as the site's first kiosk — or as a new kiosk of its own, whose wrong-code count
 * starts at nothing. Pairing signs the admin out and shows the kiosk, in its site's
 * language (Chinese on the demo campus, whatever the browser asks for); the English
 * journeys then touch the start screen's switch. For a kiosk the journey is not about,
 * openKiosk pairs it without the clicks.
 */
export async function pairKioskScreen(
  page: Page,
  siteCode: string,
  as: "Kiosk 1" | "a new kiosk" = "Kiosk 1",
  language: "English" | "the site's" = "English",
) {
  await signIn(page, SITE_ADMIN[siteCode] ?? DEMO.admin);
  await page.goto("/admin/sites");
  await page.getByRole("row").filter({ hasText: siteCode }).getByRole("link").click();
  const kiosks = page.getByRole("region", { name: "Kiosk screens" });
  await kiosks.getByText(`Pair this screen as ${as}…`).click();
  await kiosks.getByRole("button", { name: `Pair as ${as} and sign out` }).click();
  await expect(page).toHaveURL(new RegExp(`/kiosk/${siteCode}$`));
  if (language === "English") await kioskInEnglish(page);
}

/**
 * After "Done" or the idle reset: the next customer finds the site's language again (Chinese
 * on the demo campus), and an English-speaking one touches the switch.
 */
export async function nextCustomerInEnglish(screen: Page) {
  await expect(screen.locator("html")).toHaveAttribute("lang", "zh-CN");
  await kioskInEnglish(screen);
}

/**
 * One touch on the kiosk's start-screen switch, for this customer's visit: "Done" and the
 * idle reset bring the site's language back, so a journey that goes on after them touches
 * it again. Nothing to do where the kiosk speaks English already.
 */
export async function kioskInEnglish(screen: Page) {
  const html = screen.locator("html");
  await expect(html).toHaveAttribute("lang", /^(en|zh-CN)$/);
  if ((await html.getAttribute("lang")) !== "en") await screen.getByRole("button", { name: "Switch to English" }).click();
  await expect(html).toHaveAttribute("lang", "en");
  await expect(screen.getByRole("heading", { level: 2, name: "Collect a parcel" })).toBeVisible();
}

/**
 * The locker's own screen at `siteCode`, on its own device, paired by the site's admin as
 * the console's "Pair this screen" button pairs it (the pairing itself is
 * admin-screen-pairing's journey): the device token in the screen's cookie. Its clock
 * stands still (e2e/support/clock.ts): the idle reset and countdowns happen only when the
 * journey moves it, however slow the machine. It opens in its site's language (Chinese on
 * the demo campus); the English journeys touch the start screen's switch, as an
 * English-speaking customer does.
 */
export async function openKiosk(
  browser: Browser,
  testInfo: TestInfo,
  siteCode: string,
  as: "Kiosk 1" | "a new kiosk" = "Kiosk 1",
  language: "English" | "the site's" = "English",
) {
  const device = await newDevice(browser, testInfo);
  await holdBrowserClock(device.page);
  const paired = await domain("kiosk", { admin: SITE_ADMIN[siteCode] ?? DEMO.admin, siteCode, kiosk: as });
  await device.context.addCookies([{ ...paired.cookie, url: new URL("/kiosk", testInfo.project.use.baseURL).href }]);
  await device.page.goto(`/kiosk/${siteCode}`);
  await expect(device.page.getByRole("heading", { level: 1 })).toBeVisible();
  if (language === "English") await kioskInEnglish(device.page);
  return device;
}

/**
 * The newest message to `phone` in the development mailbox matching `pattern`, as the
 * campus admin reads it at /dev/mailbox (lib/notifications/mailbox.ts; the page itself is
 * customer-account's journey). Phone codes are readable only because the e2e server opens
 * the mailbox (DEV_MAILBOX=open, scripts/e2e-server.mjs); a real deployment shows them to nobody.
 */
export async function readTextMessage(phone: string, pattern: RegExp): Promise<RegExpExecArray> {
  let match: RegExpExecArray | null = null;
  // Delivered by a round run here and now, not by the server's 10-second timer. Tried
  // again only because the server's own round may hold the message's lease at that moment.
  await expect(async () => {
    await runBackgroundRound();
    const texts = await domain("mailbox", { reader: DEMO.admin, to: phone });
    match = texts.map((text) => pattern.exec(text)).find((m) => m !== null) ?? null;
    expect(match, `a text to ${phone} matching ${pattern}`).not.toBeNull();
  }).toPass({ timeout: 30_000 });
  return match!;
}

/**
 * A customer of the test's own with `phone` confirmed, signed in on `page` and on My
 * parcels: signed up and confirmed by the domain functions the sign-up and confirm-phone
 * forms call (verbs/setup.ts). The forms themselves are customer-account's and
 * customer-journey's (signUpAndConfirmPhone).
 */
export async function becomeConfirmedCustomer(page: Page, phone: string, name = "New Customer") {
  const email = `customer.${phone}@example.com`;
  await domain("customer", { name, email, phone, password: NEWCOMER_PASSWORD });
  await signIn(page, email, NEWCOMER_PASSWORD);
  await page.goto("/parcels");
  await expect(page.getByRole("heading", { level: 1, name: "My parcels" })).toBeVisible();
}

/**
 * Signs up with `phone` through the form (or signs in, when a retried test already did) and
 * confirms the phone with the code texted to it, as a new customer does. Leaves the page on
 * My parcels.
 */
export async function signUpAndConfirmPhone(page: Page, phone: string, name = "New Customer") {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(`customer.${phone}@example.com`);
  await page.getByLabel("Mobile phone").fill(phone);
  await page.getByLabel("Password").fill(NEWCOMER_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  // A retried test finds its account: by the phone once confirmed, by the email before.
  const taken = page
    .getByText("This phone number is already registered. Sign in instead.")
    .or(page.getByText("This email is already registered. Sign in instead."));
  await expect(page.getByRole("heading", { level: 1, name: "My parcels" }).or(taken)).toBeVisible();
  if (await taken.isVisible()) await signIn(page, `customer.${phone}@example.com`, NEWCOMER_PASSWORD);
  await expect(page).toHaveURL("/parcels");
  if (await page.getByText("Your phone number is not confirmed yet").isVisible()) {
    await page.getByRole("link", { name: "Confirm my phone number" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Confirm your phone number" })).toBeVisible();
    await page.getByRole("button", { name: "Text me a code" }).click();
    await expect(page.getByRole("status")).toContainText("We are texting a 6-digit code to");
    const [, code] = await readTextMessage(phone, /(\d{6}) is your code to confirm this phone number/);
    await page.getByLabel("6-digit code").fill(code);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page).toHaveURL("/parcels?verified=1");
  }
}

/** The text a QR image on the page holds, read from a screenshot of it. */
export async function decodeQr(page: Page, name: RegExp): Promise<string> {
  const image = page.getByRole("img", { name }).first();
  const png = PNG.sync.read(await image.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!decoded) throw new Error("the QR code on the page could not be read");
  return decoded.data;
}

/** Types a code and phone digits on the kiosk's own keypad, the way a customer taps them. */
export async function tapOnKeypad(page: Page, code: string, phoneLast4: string) {
  const keypad = page.getByRole("group", { name: "Keypad" });
  for (const digit of code + phoneLast4) await keypad.getByRole("button", { name: digit, exact: true }).click();
  await expect(page.getByLabel("Pickup code")).toHaveValue(code);
  await expect(page.getByLabel("Phone, last 4")).toHaveValue(phoneLast4);
}

export const WRONG_CODE_MESSAGE =
  "That code does not open a door here. Check the code and the last 4 digits of your phone.";

export const QR_OUT_OF_DATE_MESSAGE =
  "This QR code is out of date. Open My parcels on your phone again for a fresh one, or type your pickup code.";

/** Types a code and phone digits at a kiosk and waits for its answer to render. */
export async function enterCodeAtKiosk(screen: Page, code: string, phoneLast4 = "0000") {
  await screen.getByLabel("Pickup code").fill(code);
  await screen.getByLabel("Phone, last 4").fill(phoneLast4);
  await Promise.all([
    screen.waitForResponse((response) => response.request().method() === "POST"),
    screen.getByRole("button", { name: "Open my door" }).click(),
  ]);
  // The answer has rendered: the entry back (the button no longer "Checking…", the digits
  // kept for fixing), or the countdown.
  await expect(screen.getByRole("button", { name: "Open my door" }).or(screen.getByTestId("lockout-countdown"))).toBeVisible();
}
