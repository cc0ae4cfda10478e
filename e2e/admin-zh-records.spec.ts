import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "./support/accounts";
import { expectAccessible } from "./support/axe";

/*
 * The admin's records in Chinese, as a browser set to Chinese gets them: the parcel search,
 * one parcel's page, the people and the consent pages, in the words of docs/GLOSSARY.md.
 */
test.use({ locale: "zh-CN" });

test("an admin whose browser asks for Chinese searches parcels and reads a parcel, the people and the consent pages in Chinese", async ({ page }) => {
  // Six pages, each checked by axe: longer than the default minute on a busy machine.
  test.setTimeout(150_000);
  await page.goto("/sign-in");
  await page.getByLabel("邮箱或手机号").fill(DEMO.admin);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL("/admin");

  await page.goto("/admin/parcels");
  await expect(page.getByRole("heading", { level: 1, name: "包裹" })).toBeVisible();
  const search = page.getByRole("search", { name: "包裹" });
  await expect(search.getByLabel("状态")).toContainText("全部状态");
  await expectAccessible(page, "parcel search in Chinese");

  // Nothing found says so.
  await search.getByLabel("运单号").fill("NOSUCHPARCEL");
  await search.getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "没有符合条件的包裹" })).toBeVisible();

  await page.getByRole("search", { name: "包裹" }).getByLabel("运单号").fill("SF1402990020");
  await page.getByRole("search", { name: "包裹" }).getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "共 1 个包裹" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "SF1402990020" });
  await expect(row.getByText("待取件", { exact: true })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "取件截止" })).toBeVisible();
  await expect(page.getByRole("link", { name: "导出 CSV" })).toBeVisible();
  // Times read as Chinese dates, in the site's zone.
  await expect(row).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
  await expectAccessible(page, "parcel search results in Chinese");

  await row.getByRole("link", { name: "SF1402990020" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "SF1402990020" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "当前位置" }).getByRole("link", { name: "包裹" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "包裹信息" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "时间线" })).toBeVisible();
  // The timeline's sentences (lib/history/describe.ts) are Chinese as well.
  await expect(page.getByText(/已投递，保管期 \d+ 小时/).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "发给收件人的通知" })).toBeVisible();
  await expect(page.getByText("重发取件码…")).toBeVisible();
  await expect(page.getByRole("button", { name: "延期一天" })).toBeVisible();
  await expectAccessible(page, "a parcel in Chinese");

  await page.goto("/admin/people");
  await expect(page.getByRole("heading", { level: 1, name: "人员" })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "人员" });
  await expect(tabs.getByRole("link", { name: "快递员" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("columnheader", { name: "服务站点" })).toBeVisible();
  await expect(page.getByRole("link", { name: "新增快递员" })).toBeVisible();
  await expectAccessible(page, "couriers in Chinese");

  await tabs.getByRole("link", { name: "用户" }).click();
  await expect(page.getByRole("columnheader", { name: "最近到件" })).toBeVisible();
  await expect(page.getByText(/^共 \d+ 位用户/)).toBeVisible();
  await expectAccessible(page, "customers in Chinese");

  await page.goto("/admin/consent");
  await expect(page.getByRole("heading", { level: 1, name: "入柜授权" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "每次入柜都有授权记录。" })).toBeVisible();
  await expect(page.getByRole("table", { name: "按站点和快递公司，统计各授权方式的入柜次数" })).toBeVisible();
  const panel = page.getByRole("region", { name: "未设置偏好的收件人" });
  await expect(panel.getByText("先询问收件人…")).toBeVisible();
  await expectAccessible(page, "consent in Chinese");
});
