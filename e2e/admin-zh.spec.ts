import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "./support/accounts";
import { makeLocker, uniqueSuffix } from "./support/admin";
import { expectAccessible } from "./support/axe";

/*
 * The admin console in Chinese, as a browser set to Chinese gets it: the dashboard, a new
 * site made through the form, and a door taken out of service (停用) and back (恢复启用),
 * in the words station staff read (站点, 格口, 快递柜). The locker itself is made through the
 * domain (support/admin.ts): its editor is another journey's.
 */
test.use({ locale: "zh-CN" });

test("an admin whose browser asks for Chinese runs the dashboard, a site and a door in Chinese", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/sign-in");
  await page.getByLabel("邮箱或手机号").fill(DEMO.admin);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL("/admin");

  // The dashboard.
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "本单位的站点" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "管理后台" });
  await expect(nav.getByRole("link", { name: "概览" }).last()).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 2, name: "各站点格口占用（按尺寸）" })).toBeVisible();
  await expect(page.getByRole("list", { name: "格口占用图例" })).toContainText("停用");
  await expect(page.getByRole("region", { name: "投递与取件（近 14 天）" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "预测：未来 48 小时" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^小格口：共 \d+ 个，占用 \d+ 个/ }).first()).toBeVisible();
  await expectAccessible(page, "admin dashboard in Chinese");

  // A new site, through the form in Chinese; a refusal comes back in Chinese too.
  await nav.getByRole("link", { name: "站点" }).last().click();
  await expect(page.getByRole("heading", { level: 1, name: "站点" })).toBeVisible();
  await page.getByRole("link", { name: "新建站点" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "新建站点" })).toBeVisible();
  await expect(page.getByLabel("营业时间")).toHaveValue("24 小时营业");
  const suffix = uniqueSuffix();
  const site = { name: `E2E 中文驿站 ${suffix}`, code: `Z${suffix}` };
  await page.getByLabel("名称").fill(site.name);
  await page.getByLabel("简码").fill(site.code);
  await page.getByLabel("地址").fill(`宁波测试路 ${suffix} 号`);
  await page.getByLabel("纬度").fill("29.8683");
  await page.getByLabel("经度").fill("121.5440");
  await expectAccessible(page, "new site form in Chinese");
  await page.getByRole("button", { name: "创建站点" }).click();
  await expect(page.getByRole("heading", { level: 1, name: site.name })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "站点已创建并开放。下一步请添加快递柜。" })).toBeVisible();
  const siteId = Number(/\/admin\/sites\/(\d+)/.exec(page.url())![1]);

  await makeLocker({ id: siteId, ...site }, { code: "A", rowSizes: ["S"], columns: 2 });

  // The site, in Chinese.
  await page.goto(`/admin/sites/${siteId}`);
  await expect(page.getByRole("navigation", { name: "当前位置" }).getByRole("link", { name: "站点" })).toBeVisible();
  await expect(page.getByRole("region", { name: "站点信息" })).toContainText("保管期");
  await expect(page.getByRole("region", { name: "柜机屏幕" })).toContainText("还没有柜机");
  await expect(page.getByRole("heading", { level: 2, name: "快递柜" })).toBeVisible();
  await expect(page.getByRole("region", { name: "A 柜" })).toContainText("空闲 2 / 2");
  await expectAccessible(page, "site in Chinese");

  // A door out of service, and back.
  await page.getByRole("link", { name: "A-01 号格口，小格口，空闲" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "A-01 号格口" })).toBeVisible();
  await expect(page.getByRole("region", { name: "格口信息" })).toContainText("小格口（S）");
  const service = page.getByRole("region", { name: "启用 / 停用" });
  await service.getByRole("button", { name: "停用格口" }).click();
  await expect(service.getByRole("alert")).toBeVisible();
  // The schema's words (lib/validation.ts), in Chinese too.
  await expect(service.getByText("原因至少写 3 个字。")).toBeVisible();
  await service.getByLabel("出了什么故障？").fill("合页坏了，已报修");
  await service.getByRole("button", { name: "停用格口" }).click();
  await expect(service.getByRole("status")).toContainText("A-01 号格口已停用，不会再分配包裹。");
  await expect(page.getByRole("region", { name: "格口信息" })).toContainText("停用原因");
  await expect(page.getByRole("region", { name: "格口信息" })).toContainText("合页坏了，已报修");
  await expect(page.getByRole("link", { name: "A-01 号格口，小格口，停用，合页坏了，已报修" })).toBeVisible();
  await expectAccessible(page, "door out of service in Chinese");

  await service.getByRole("button", { name: "恢复启用" }).click();
  await expect(service.getByRole("status")).toContainText("A-01 号格口已恢复启用。");
  await page.goto(`/admin/sites/${siteId}`);
  await expect(page.getByRole("link", { name: "A-01 号格口，小格口，空闲" })).toBeVisible();
});
