import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { DEMO } from "./support/accounts";

/*
 * The same doors in Chinese: a browser that asks for Chinese gets it, the switch is one
 * tap, and the choice holds across a reload, through signing in, and on the account.
 */
test.use({ locale: "zh-CN" });

async function signInZh(page: Page, identifier: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("邮箱或手机号").fill(identifier);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test("a Chinese browser gets the sign-in page in Chinese, and a refusal in Chinese", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
  await expect(page).toHaveTitle("登录 · 校园快递柜");
  await expectAccessible(page, "sign-in in Chinese");
  await page.getByLabel("邮箱或手机号").fill(DEMO.alice);
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "邮箱或手机号与密码不匹配" })).toBeVisible();
  await expect(page.getByLabel("邮箱或手机号")).toHaveValue(DEMO.alice);
});

test("a field refused by the server is worded in Chinese", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("姓名").fill("李雷");
  await page.getByLabel("邮箱").fill("not-an-email");
  await page.getByLabel("手机号").fill("12");
  await page.getByLabel("密码").fill("short");
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page.getByText("有几项填写需要再检查一下。")).toBeVisible();
  await expect(page.getByText("请输入有效的邮箱地址。")).toBeVisible();
  await expect(page.getByText("至少需要 10 个字符。")).toBeVisible();
  await expectAccessible(page, "sign-up refused in Chinese");
});

test("switching language is one tap, holds across a reload and through signing in, and is kept on the account", async ({ page, browser }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expectAccessible(page, "sign-in switched to English");

  // Back to Chinese by keyboard, then a new account made in Chinese keeps Chinese.
  await page.getByRole("button", { name: "切换到中文" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
  const serial = `${Date.now()}`.slice(-8);
  const email = `zh-${serial}@example.com`;
  const password = "correct horse battery";
  await page.goto("/sign-up");
  await page.getByLabel("姓名").fill("韩梅梅");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("手机号").fill(`139${serial}`);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page).toHaveURL(/\/parcels/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("link", { name: "退出登录" })).toBeVisible();

  // Signed in, the switch is kept on the account: a browser without the cookie that asks
  // for Chinese still gets English once this person signs in.
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("link", { name: "Sign out" })).toBeVisible();
  const elsewhere = await browser.newContext({ locale: "zh-CN" });
  const other = await elsewhere.newPage();
  await signInZh(other, email, password);
  await expect(other.locator("html")).toHaveAttribute("lang", "en");
  await expect(other.getByRole("link", { name: "Sign out" })).toBeVisible();
  await other.goto("/account");
  await expect(other.getByText("Language: English")).toBeVisible();
  await expectAccessible(other, "account in English");
  await elsewhere.close();
});
