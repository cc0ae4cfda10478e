import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { makeSite } from "./support/admin";
import { kioskInEnglish, newDevice } from "./support/customers";

/*
 * A kiosk screen opens doors for whoever types a right code, so a browser becomes one only
 * when an admin pairs it; unpairing shuts it out at once. Runs in the desktop project only:
 * the first journey adds a kiosk to North Dormitory Station, which no other journey's kiosk
 * uses; the second pairs a screen at a site of its own.
 */

test("an unpaired browser opens nothing; an admin pairs it as a new kiosk, and unpairing shuts it out again", async ({ browser }, testInfo) => {
  // Two devices, a pairing and an unpairing, and a switch to English on the campus kiosk.
  test.setTimeout(120_000);
  const screen = (await newDevice(browser, testInfo)).page;
  await screen.goto("/kiosk/ZJG-N");
  await expect(screen.getByRole("heading", { name: "This screen is not paired with the locker" })).toBeVisible();
  await expect(screen.getByLabel("Pickup code")).toHaveCount(0);
  await expectAccessible(screen, "kiosk: not paired");

  // The admin pairs the screen standing in front of it.
  await screen.getByRole("link", { name: "Sign in to pair this screen" }).click();
  await signIn(screen, DEMO.admin);
  await screen.goto("/admin/sites");
  await screen.getByRole("link", { name: "North Dormitory Station" }).click();
  const kiosks = screen.getByRole("region", { name: "Kiosk screens" });
  // The site's page has landed (a client-side navigation keeps the list's title until it
  // has, and swapping the title during the check failed it once: "document-title").
  await expect(kiosks).toBeVisible();
  await expectAccessible(screen, "admin: site with kiosk screens");
  await kiosks.getByText("Pair this screen as a new kiosk…").click();
  await kiosks.getByRole("button", { name: "Pair as a new kiosk and sign out" }).click();
  await expect(screen).toHaveURL(/\/kiosk\/ZJG-N$/);
  // A paired screen speaks its site's language (Chinese on the campus); this journey is in English.
  await expect(screen.locator("html")).toHaveAttribute("lang", "zh-CN");
  await kioskInEnglish(screen);
  // The screen is public now: nobody is signed in on it.
  await screen.goto("/admin");
  await expect(screen).toHaveURL(/\/sign-in/);
  await screen.goto("/kiosk/ZJG-N");
  await expect(screen.getByLabel("Pickup code")).toBeVisible();
  // The English-speaking customer's visit ends (as the idle reset ends it): the next one finds the site's Chinese.
  await screen.context().clearCookies({ name: "kiosk_locale" });
  await screen.goto("/kiosk/ZJG-N");
  await expect(screen.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(screen.getByLabel("取件码")).toBeVisible();

  // From their laptop, the admin unpairs it (the newest kiosk on the list).
  const laptop = (await newDevice(browser, testInfo)).page;
  await signIn(laptop, DEMO.admin);
  await laptop.goto("/admin/sites");
  await laptop.getByRole("link", { name: "North Dormitory Station" }).click();
  const newest = laptop.getByRole("list", { name: "Kiosks" }).getByRole("listitem").last();
  await expect(newest).toContainText("1 paired screen");
  const kioskName = (await newest.getByRole("heading", { level: 3 }).innerText()).trim();
  await newest.getByText(`Unpair ${kioskName}…`).click();
  await newest.getByRole("button", { name: `Unpair ${kioskName}` }).click();
  await expect(laptop.getByText("The kiosk's screens are unpaired")).toBeVisible();
  await expect(laptop.getByRole("list", { name: "Kiosks" }).getByRole("listitem").last()).toContainText("No paired screen");

  // The screen still shows its keypad, but its next code is refused by the server — in the
  // screen's Chinese, though its revoked token no longer names the site, and with the right
  // advice: only the site's admin can pair it again.
  await screen.getByLabel("取件码").fill("123456");
  await screen.getByLabel("手机号后四位").fill("1234");
  await screen.getByRole("button", { name: "开柜取件" }).click();
  await expect(screen.getByRole("alert").filter({ hasText: "不再与本快递柜配对" })).toHaveText("这块屏幕已不再与本快递柜配对，无法开柜。需由站点管理员重新配对。");
  await screen.reload();
  await expect(screen.getByRole("heading", { name: "This screen is not paired with the locker" })).toBeVisible();
});

test("a screen shows a code, an admin types it on their own laptop, and the screen becomes a kiosk with nobody signing in on it", async ({
  browser,
}, testInfo) => {
  const laptop = (await newDevice(browser, testInfo)).page;
  await signIn(laptop, DEMO.admin);
  const site = await makeSite("Screen");

  const screen = (await newDevice(browser, testInfo)).page;
  await screen.goto(`/kiosk/${site.code}`);
  await expect(screen.getByRole("heading", { name: "This screen is not paired with the locker" })).toBeVisible();
  await screen.getByRole("button", { name: "Show a pairing code" }).click();
  const shown = screen.getByRole("region", { name: "Pairing code" });
  await expect(shown).toContainText("The code works for 10 more minutes.");
  const code = (await shown.getByTestId("pairing-code").innerText()).trim();
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  await expectAccessible(screen, "kiosk: pairing code");
  // Reloading keeps the same code: the screen holds it in its cookie.
  await screen.reload();
  await expect(screen.getByTestId("pairing-code")).toHaveText(code);

  await laptop.goto(`/admin/sites/${site.id}`);
  const kiosks = laptop.getByRole("region", { name: "Kiosk screens" });
  await expect(kiosks).toContainText("No kiosks yet");
  await kiosks.getByText("Pair a screen by its code…").click();
  await expectAccessible(laptop, "admin: pair a screen by its code");
  // A mistyped code pairs nothing and says so next to the field.
  await kiosks.getByLabel("Code on the screen").fill(code.replace(/^./, (c) => (c === "Z" ? "Y" : "Z")));
  await kiosks.getByRole("button", { name: "Pair the screen" }).click();
  await expect(kiosks.getByText(`No screen at ${site.name} shows that code.`, { exact: false })).toBeVisible();
  await expect(kiosks.getByLabel("Code on the screen")).toHaveAttribute("aria-invalid", "true");
  await expect(screen.getByTestId("pairing-code")).toHaveText(code);

  // Typed as people type it: lower case, no dash.
  await kiosks.getByLabel("Code on the screen").fill(code.replace("-", "").toLowerCase());
  await expect(kiosks.getByLabel("The screen becomes")).toHaveValue("");
  await kiosks.getByRole("button", { name: "Pair the screen" }).click();
  await expect(laptop.getByRole("status").filter({ hasText: "The screen is paired" })).toBeVisible();
  const kiosk = laptop.getByRole("list", { name: "Kiosks" }).getByRole("listitem");
  await expect(kiosk).toHaveCount(1);
  await expect(kiosk).toContainText("Kiosk 1");
  await expect(kiosk).toContainText("1 paired screen");

  // The screen notices by itself, and answers codes as the site's kiosk, in its site's language.
  await expect(screen.locator("html")).toHaveAttribute("lang", "zh-CN", { timeout: 15_000 });
  await kioskInEnglish(screen);
  await screen.getByLabel("Pickup code").fill("123456");
  await screen.getByLabel("Phone, last 4").fill("1234");
  await screen.getByRole("button", { name: "Open my door" }).click();
  await expect(screen.getByRole("alert").filter({ hasText: "That code does not open a door here" })).toBeVisible();

  await laptop.goto("/admin/audit");
  await expect(laptop.getByText(`Paired a screen as Kiosk 1 at ${site.name} by the code it showed, ${code}`)).toBeVisible();
});
