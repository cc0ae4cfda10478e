import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { makeWaitingParcelFor, testPhone } from "./support/courier";
import { makeDroppedOffReturn } from "./support/outbound";

/*
 * The rest of the courier's day in Chinese, as a phone set to Chinese gets it: the site
 * list (with its 格口 counts), 今日, a parcel's 包裹轨迹, and the returns waiting for the
 * carrier to take away (待揽收), opened and handed over in Chinese.
 */
test.use({ locale: "zh-CN" });

async function signInInChinese(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("邮箱或手机号").fill(DEMO.ztoCourier);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test("a courier whose browser asks for Chinese reads the site list, Today, a timeline and the returns to take away in Chinese", async ({ page }) => {
  // Two scripted set-ups (a parcel, a dropped-off return) and five pages with axe: longer than the default minute on a busy machine.
  test.setTimeout(240_000);
  const parcel = await makeWaitingParcelFor("ZJG-E", DEMO.ztoCourier, testPhone());
  const shipment = await makeDroppedOffReturn("ZJG-E", DEMO.ztoCourier);
  await signInInChinese(page);

  // The site list: its heading, search, and each site's free doors by size, in Chinese.
  await expect(page.getByRole("heading", { level: 1, name: "我的站点" })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "搜索我的站点" })).toBeVisible();
  const east = page.getByRole("list", { name: "我的站点" }).getByRole("listitem").filter({ hasText: "East Teaching Station" });
  await expect(east.getByRole("term")).toHaveText(["小格口", "中格口", "大格口", "超大格口"]);
  await expect(page.getByText(/^(按名称排列|按距离由近到远排列)。$/)).toBeVisible();
  await expectAccessible(page, "site list in Chinese");
  await page.getByRole("searchbox", { name: "搜索我的站点" }).fill("nowhere-at-all");
  await expect(page.getByText("没有与「nowhere-at-all」匹配的站点。")).toBeVisible();

  // Today: the parcel deposited today, on the site's clock, and the return to take away.
  await page.getByRole("navigation", { name: "快递员" }).getByRole("link", { name: "今日" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "今日" })).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "已投递" })).toBeVisible();
  const row = page.getByRole("list", { name: "今日包裹" }).getByRole("listitem").filter({ hasText: parcel.trackingNumber });
  await expect(row).toContainText(`${parcel.door} 号格口 · East Teaching Station · 小格口`);
  await expect(row).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
  const toTakeAway = page.getByRole("region", { name: /^待揽收/ });
  const shipmentRow = toTakeAway.getByRole("listitem").filter({ hasText: `退货，订单号 ${shipment.orderReference}` });
  await expect(shipmentRow).toContainText(`${shipment.door} 号格口 · 小格口 · East Teaching Station`);
  await expect(shipmentRow).toContainText("暂无运单号");
  await expectAccessible(page, "today in Chinese");

  // The return's door opens and the courier takes it, each answer in Chinese.
  await shipmentRow.getByRole("button", { name: `打开 ${shipment.door} 号格口` }).click();
  await expect(shipmentRow.getByRole("status")).toHaveText(`${shipment.door} 号格口已开。取出包裹，关上柜门。`);
  await expect(shipmentRow.getByRole("button", { name: `再次打开 ${shipment.door} 号格口` })).toBeVisible();
  await shipmentRow.getByRole("button", { name: "已取出，确认揽收" }).click();
  await expect(page.getByRole("status").filter({ hasText: `已揽收：${shipment.door} 号格口的包裹已交给你。` })).toBeVisible();
  await expectAccessible(page, "return taken in Chinese");

  // The parcel's page and its timeline.
  await page.getByRole("link", { name: parcel.trackingNumber }).click();
  await expect(page.getByRole("heading", { level: 1, name: parcel.trackingNumber })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^East Teaching Station（ZJG-E）$/ })).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "取件截止" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "包裹轨迹" })).toBeVisible();
  const timeline = page.getByRole("list", { name: "包裹轨迹" });
  await expect(timeline).toContainText(`分配 ${parcel.door} 号格口`);
  await expect(timeline).toContainText("已投递，取件码已发送给收件人");
  await expect(timeline).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} · 你/);
  await expectAccessible(page, "parcel timeline in Chinese");

  await page.getByRole("link", { name: "← 今日" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "今日" })).toBeVisible();
});

test("a parcel that is not the courier's says so in Chinese, with the way back to the sites", async ({ page }) => {
  test.setTimeout(120_000);
  await signInInChinese(page);
  await page.goto("/courier/parcels/999999999");
  await expect(page.getByRole("heading", { level: 1, name: "找不到" })).toBeVisible();
  await expectAccessible(page, "courier not found in Chinese");
  await page.getByRole("link", { name: "返回我的站点" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "我的站点" })).toBeVisible();
});
