import { expect, test } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { DEMO } from "./support/accounts";
import { acceptOutbound, makeStation, type CreatedSite } from "./support/admin";
import { makeWaitingParcelFor, testPhone } from "./support/courier";
import { NEWCOMER_PASSWORD, readTextMessage } from "./support/customers";

/*
 * The customer's side in Chinese, as a phone set to Chinese gets it: signing up, confirming
 * the phone, a waiting parcel's 取件码 and 格口, its detail page, and the send page — in the
 * words of the apps students read every day (docs/GLOSSARY.md). The customer is a new account
 * with a phone of its own, and its parcel is made for it: nothing here touches another test's data.
 */
test.use({ locale: "zh-CN" });

/** A station of the test's own where ZTO takes parcels to send (the admin's button is customer-send's journey). */
async function stationTakingShipments(): Promise<CreatedSite> {
  // A carrier is offered at a site only once it has a courier there: the station comes with one.
  const { site } = await makeStation("Sending", { code: "S1", rowSizes: ["M"], columns: 2 });
  await acceptOutbound(site);
  return site;
}

test("a customer whose browser asks for Chinese finds a parcel's 取件码 and 格口, its detail, and the send page in Chinese", async ({ page }) => {
  // A new account confirmed by text through the outbox's round, and a station of its own: slow on a busy machine.
  test.setTimeout(480_000);
  const phone = testPhone();

  await page.goto("/sign-up");
  await page.getByLabel("姓名").fill("李雷");
  await page.getByLabel("邮箱").fill(`zh.${phone}@example.com`);
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("密码").fill(NEWCOMER_PASSWORD);
  await page.getByRole("button", { name: "注册", exact: true }).click();

  // Before the phone is confirmed: what to do, in Chinese.
  await expect(page.getByRole("heading", { level: 1, name: "我的包裹" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByText("你的手机号还没有验证。")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "用户" }).getByRole("link", { name: "我的包裹" })).toHaveAttribute("aria-current", "page");
  await expectAccessible(page, "my parcels before the phone is confirmed, in Chinese");

  await page.getByRole("link", { name: "验证手机号" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "验证手机号" })).toBeVisible();
  await page.getByRole("button", { name: "发送验证码" }).click();
  await expect(page.getByRole("status")).toContainText("验证码已发送到");
  await expect(page.getByRole("heading", { level: 2, name: "输入验证码" })).toBeVisible();
  await expectAccessible(page, "confirm the phone, in Chinese");
  // The text goes out in the account's language: read it language-neutrally, by its six digits.
  const [, code] = await readTextMessage(phone, /(?<!\d)(\d{6})(?!\d)/);
  await page.getByLabel("6 位验证码").fill(code);
  await page.getByRole("button", { name: "验证", exact: true }).click();
  await expect(page).toHaveURL("/parcels?verified=1");
  await expect(page.getByRole("status").filter({ hasText: "手机号已验证" })).toBeVisible();
  await expect(page.getByText("还没有包裹")).toBeVisible();

  // A courier puts a parcel for this phone in a door at East Teaching Station.
  const parcel = await makeWaitingParcelFor("ZJG-E", DEMO.ztoCourier, phone);
  await page.goto("/parcels");
  await expect(page.getByRole("heading", { level: 2, name: "待取件 （1）" })).toBeVisible();
  const station = page.getByRole("region", { name: "East Teaching Station" });
  await expect(station.getByText("营业时间：")).toBeVisible();
  await expect(station.getByRole("link", { name: /^在地图中打开/ })).toBeVisible();
  const card = station.getByRole("article").filter({ hasText: parcel.trackingNumber });
  await expect(card.getByRole("heading", { level: 3, name: `${parcel.door} 号格口` })).toBeVisible();
  await expect(card.getByText("取件码", { exact: true })).toBeVisible();
  await expect(card.getByTestId("pickup-code")).toHaveText(parcel.code);
  await expect(card.getByText("再输入手机号后四位")).toBeVisible();
  await expect(card.getByRole("img", { name: "在「East Teaching Station」打开你的格口的取件二维码" })).toBeVisible();
  await expect(card.getByText("待取件", { exact: true })).toBeVisible();
  await expect(card.getByText(/^剩余 \d+ (天|小时|分钟)/)).toBeVisible();
  await expect(card.getByText(/^请在 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 前取件$/)).toBeVisible();
  await expectAccessible(page, "my parcels with a waiting parcel, in Chinese");

  await card.getByRole("link", { name: new RegExp(`^详情与物流\\s?：包裹 ${parcel.trackingNumber}$`) }).click();
  await expect(page).toHaveURL(`/parcels/${parcel.parcelId}`);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(parcel.trackingNumber) })).toBeVisible();
  const pickup = page.getByRole("region", { name: "取件" });
  await expect(pickup.getByTestId("pickup-code")).toHaveText(parcel.code);
  await expect(pickup.getByText(/在柜机屏幕上输入取件码和手机号后四位/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^取件截止：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "来不及取？延期一天" })).toBeVisible();
  const where = page.getByRole("region", { name: "取件地点" });
  // Size S was asked for; a bigger door is used when S is full, and named by its size in words.
  await expect(where.getByText(new RegExp(`^${parcel.door} 号格口（(小|中|大|超大)格口）$`))).toBeVisible();
  const timeline = page.getByRole("region", { name: "包裹动态" });
  await expect(timeline.getByText(`已入柜：East Teaching Station，${parcel.door} 号格口`)).toBeVisible();
  await expectAccessible(page, "parcel detail, in Chinese");

  // The extension's confirmation step, in Chinese; cancelled, so the hold stays as it was.
  await page.getByRole("link", { name: "来不及取？延期一天" }).click();
  await expect(page.getByText(/^把包裹在快递柜里保管到 .+？每个包裹只能延期一次。$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "确认延期一天" })).toBeVisible();
  await page.getByRole("link", { name: "取消", exact: true }).click();
  await expect(page.getByRole("link", { name: "来不及取？延期一天" })).toBeVisible();

  // Sending: the list, the form (refusing an empty submission in Chinese), the code, and cancelling it.
  const site = await stationTakingShipments();
  await page.getByRole("navigation", { name: "用户" }).getByRole("link", { name: "寄件" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "寄件" })).toBeVisible();
  await expect(page.getByText("还没有寄件")).toBeVisible();
  await expectAccessible(page, "send a parcel, in Chinese");
  await page.getByRole("link", { name: "我要寄件" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "我要寄件" })).toBeVisible();
  await expect(page.getByLabel("格口尺寸")).toContainText("小格口——最大");
  await expect(page.getByRole("heading", { level: 2, name: "禁止寄递物品" })).toBeVisible();
  await expect(page.getByText("单独的锂电池、充电宝")).toBeVisible();
  await expectAccessible(page, "start a shipment, in Chinese");
  await page.getByRole("button", { name: "获取投件码" }).click();
  await expect(page.getByText("有几项填写需要再检查一下。")).toBeVisible();
  await expect(page.getByText("请从列表中选择驿站和快递公司。", { exact: true })).toHaveCount(1);

  await page.getByLabel("驿站和快递公司").selectOption({ label: `ZTO Express（${site.name}）` });
  await page.getByLabel("格口尺寸").selectOption("M");
  const recipient = page.getByRole("group", { name: "收件人" });
  await recipient.getByLabel("姓名").fill("韩梅梅");
  await recipient.getByLabel("手机号").fill(testPhone());
  await recipient.getByLabel("地址").fill("杭州市文三路 88 号");
  await page.getByRole("checkbox", { name: "我承诺包裹内没有上述禁寄物品。" }).check();
  await page.getByRole("button", { name: "获取投件码" }).click();

  await expect(page.getByRole("status").filter({ hasText: "投件码已生成" })).toBeVisible();
  const shipment = page.getByRole("article").filter({ has: page.getByRole("heading", { name: "寄给「韩梅梅」" }) });
  await expect(shipment).toContainText(`ZTO Express · 中格口 · ${site.name}`);
  await expect(shipment.getByText("待投件", { exact: true })).toBeVisible();
  await expect(shipment.getByText("投件码", { exact: true })).toBeVisible();
  await expect(shipment.getByText(/有效期至 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}。$/)).toBeVisible();
  await expect(shipment.getByRole("img", { name: `在「${site.name}」为这个包裹打开格口的投件二维码` })).toBeVisible();
  await expectAccessible(page, "a drop-off code, in Chinese");

  await shipment.getByRole("link", { name: "取消这个寄件" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "取消这个寄件？" })).toBeVisible();
  await expect(page.getByText("取消寄给「韩梅梅」的包裹？投件码会立即失效。之后可以重新寄件。")).toBeVisible();
  await expectAccessible(page, "cancel a shipment, in Chinese");
  await page.getByRole("button", { name: "确认取消" }).click();
  await expect(page.getByRole("status").filter({ hasText: "寄件已取消，投件码已失效。" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "已完成" })).toBeVisible();
});
