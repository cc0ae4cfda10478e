import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "./support/accounts";
import { acceptOutboundAt } from "./support/admin";
import { expectAccessible } from "./support/axe";
import { moveBrowserClock } from "./support/clock";
import { makeWaitingParcel } from "./support/courier";
import { openKiosk } from "./support/customers";

/*
 * The kiosk speaks its site's language — Chinese on the demo campus — whatever the browser
 * on the wall asks for (this one asks for English, as every journey's does), offers the
 * other language in one touch for the customer in front of it, and forgets that choice
 * with the rest of the visit when the idle reset comes (decision 0011). The kiosk's clock
 * stands still (openKiosk) and is moved past the idle time, never waited for.
 */

const html = (screen: Page) => screen.locator("html");

async function kioskCookie(screen: Page) {
  return (await screen.context().cookies()).find((cookie) => cookie.name === "kiosk_locale");
}

test("the kiosk opens in its site's Chinese, opens a door in Chinese, switches to English in one touch and is Chinese again after the idle reset", async ({
  browser,
}, testInfo) => {
  // A paired kiosk, five screens each checked by axe (15-30 s apiece on a loaded machine), a
  // door and a second page: the time the pages themselves need (the kiosk's clock stands still).
  test.setTimeout(300_000);
  const parcel = await makeWaitingParcel("ZJG-L", DEMO.ztoCourier);
  // The kiosk offers "Send a parcel" only where a carrier takes outbound parcels.
  await acceptOutboundAt("ZJG-L");
  const kiosk = await openKiosk(browser, testInfo, "ZJG-L", "Kiosk 1", "the site's");
  try {
    const screen = kiosk.page;
    await expect(html(screen)).toHaveAttribute("lang", "zh-CN");
    await expect(screen.getByRole("heading", { level: 2, name: "取件" })).toBeVisible();
    await expect(screen.getByText("请输入 6 位取件码，再输入手机号后四位。")).toBeVisible();
    const toEnglish = screen.getByRole("button", { name: "Switch to English" });
    await expect(toEnglish).toHaveAttribute("lang", "en");
    await expect(screen.getByRole("link", { name: "寄件" })).toBeVisible();
    await expect(screen.getByRole("region", { name: "本站格口" })).toBeVisible();
    await expectAccessible(screen, "kiosk in Chinese: start");

    // A customer taps their code and phone digits on the keypad, and their door opens.
    const keypad = screen.getByRole("group", { name: "数字键盘" });
    for (const digit of parcel.code + parcel.phoneLast4) await keypad.getByRole("button", { name: digit, exact: true }).click();
    await expect(screen.getByLabel("取件码")).toHaveValue(parcel.code);
    await expect(screen.getByLabel("手机号后四位")).toHaveValue(parcel.phoneLast4);
    await screen.getByRole("button", { name: "开柜取件" }).click();
    await expect(screen.getByRole("status")).toContainText(`${parcel.door} 号格口已开，请取出包裹并关好柜门。`);
    await expect(screen.locator(`[data-door="${parcel.door}"]`)).toHaveAttribute("data-state", "open");
    await expectAccessible(screen, "kiosk in Chinese: door open");
    await screen.getByRole("button", { name: "完成" }).click();
    await expect(screen.getByRole("heading", { level: 2, name: "取件" })).toBeVisible();
    await expect(screen.getByLabel("取件码")).toHaveValue("");

    // The next customer reads English: one touch, and the whole screen follows.
    await toEnglish.click();
    await expect(html(screen)).toHaveAttribute("lang", "en");
    await expect(screen.getByRole("heading", { level: 2, name: "Collect a parcel" })).toBeVisible();
    await expect(screen.getByRole("group", { name: "Keypad" })).toBeVisible();
    await expect(screen.getByRole("link", { name: "Send a parcel" })).toBeVisible();
    const toChinese = screen.getByRole("button", { name: "切换到中文" });
    await expect(toChinese).toHaveAttribute("lang", "zh-CN");
    // Their choice goes only to the kiosk's own pages, and no script reads it.
    expect(await kioskCookie(screen)).toMatchObject({ value: "en", path: "/kiosk", httpOnly: true });
    await expectAccessible(screen, "kiosk switched to English");

    // Then they walk away halfway through: after the idle time the screen starts again,
    // empty and in the site's language, for whoever comes next.
    await screen.getByRole("group", { name: "Keypad" }).getByRole("button", { name: "4", exact: true }).click();
    await expect(screen.getByLabel("Pickup code")).toHaveValue("4");
    await moveBrowserClock(screen, 20_000);
    await expect(html(screen)).toHaveAttribute("lang", "en");
    await moveBrowserClock(screen, 5_000);
    await expect(html(screen)).toHaveAttribute("lang", "zh-CN");
    await expect(screen.getByRole("heading", { level: 2, name: "取件" })).toBeVisible();
    await expect(screen.getByLabel("取件码")).toHaveValue("");
    await expect(screen.getByRole("button", { name: "Switch to English" })).toBeVisible();
    expect(await kioskCookie(screen)).toBeUndefined();
    await expectAccessible(screen, "kiosk in Chinese after the idle reset");

    // "Send a parcel" speaks the kiosk's language too.
    await screen.getByRole("link", { name: "寄件" }).click();
    await expect(screen.getByRole("heading", { level: 2, name: "寄件" })).toBeVisible();
    await expect(screen.getByLabel("投件码（6 位）")).toBeVisible();
    await expect(screen.getByLabel("手机号后四位")).toBeVisible();
    await expect(screen.getByRole("button", { name: "开柜投件" })).toBeDisabled();
    await expectAccessible(screen, "kiosk in Chinese: send a parcel");
    await screen.getByRole("link", { name: "返回" }).click();
    await expect(screen.getByRole("heading", { level: 2, name: "取件" })).toBeVisible();
  } finally {
    await kiosk.context.close();
  }
});
