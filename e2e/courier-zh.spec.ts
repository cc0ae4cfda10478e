import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { testPhone, uniqueTracking } from "./support/courier";

/*
 * The courier's deposit in Chinese, as a phone set to Chinese gets it: the words couriers
 * read in their carriers' apps (运单号, 格口, 开柜), from the scan to a closed door.
 */
test.use({ locale: "zh-CN" });

test("a courier whose browser asks for Chinese deposits a parcel in Chinese", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("邮箱或手机号").fill(DEMO.ztoCourier);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);

  await page.getByRole("link", { name: "East Teaching Station", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "East Teaching Station" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "快递员" }).getByRole("link", { name: "站点" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^取回/ })).toBeVisible();
  await expect(page.getByText("扫描面单条码，或手动输入运单号。")).toBeVisible();
  await expectAccessible(page, "deposit form in Chinese");

  const tracking = uniqueTracking("ZH");
  await page.getByLabel("运单号", { exact: true }).fill(tracking);
  await page.getByLabel("收件人手机号").fill(testPhone());
  await page.getByRole("radio", { name: "小格口（S）" }).check();
  await page.getByRole("button", { name: "开柜" }).click();

  const heading = page.getByRole("heading", { level: 1, name: /^\S+ 号格口已开$/ });
  await expect(heading).toBeVisible();
  const door = /^(\S+) 号格口已开$/.exec((await heading.textContent()) ?? "")![1];
  await expect(page.getByRole("group", { name: "柜门出了什么问题？" })).toBeHidden();
  await expectAccessible(page, "door screen in Chinese");

  await page.getByRole("button", { name: "已关门" }).click();
  const confirmation = page.getByRole("status").filter({ hasText: `已投递至 ${door} 号格口` });
  await expect(confirmation).toBeVisible();
  await expect(confirmation).toContainText(tracking);
  await expect(confirmation).toContainText("取件码已发送至");
  await expect(page.getByLabel("运单号", { exact: true })).toHaveValue("");
});
