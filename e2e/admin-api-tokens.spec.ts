import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/accounts";
import { expectAccessible } from "./support/axe";

test("an admin issues a courier token, a device uses it, and revoking it shuts the device out", async ({ page, request }) => {
  const name = `Handheld ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  await signIn(page, DEMO.admin);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await expectAccessible(page, "api tokens");

  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Choose the courier account the token acts as.")).toBeVisible();

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Acts as").selectOption({ label: "Wang Jun (ZTO Express)" });
  await page.getByRole("button", { name: "Create token" }).click();
  const tokenField = page.getByLabel("New API token");
  await expect(tokenField).toBeVisible();
  const token = await tokenField.inputValue();
  expect(token).toMatch(/^plk_/);

  const sites = await request.get("/api/v1/sites", { headers: { authorization: `Bearer ${token}` } });
  expect(sites.status()).toBe(200);
  const body = (await sites.json()) as { sites: { name: string }[] };
  expect(body.sites.map((s) => s.name)).toContain("North Dormitory Station");

  await page.reload();
  await expect(page.getByLabel("New API token")).toHaveCount(0);
  const card = page.getByRole("listitem").filter({ hasText: name });
  await expect(card).toContainText("last used");
  await card.getByText(`Revoke ${name}`).click();
  await card.getByRole("button", { name: "Revoke token" }).click();
  await expect(card.getByText(/^Revoked/)).toBeVisible();

  const refused = await request.get("/api/v1/sites", { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
});

test("the API answers without a token with a JSON 401 and serves its OpenAPI document", async ({ request }) => {
  const refused = await request.post("/api/v1/parcels", { data: {} });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  const openapi = (await doc.json()) as {
    openapi: string;
    paths: Record<string, unknown>;
    components: { schemas: { Error: { properties: { error: { properties: { message: { examples: unknown[] } } } } } } };
  };
  expect(openapi.openapi).toBe("3.1.0");
  expect(Object.keys(openapi.paths)).toContain("/parcels/{parcelId}/deposit");
  // The error messages' examples are the templates as written, in both languages (the build
  // compiles the message files it imports; the document reads them as text).
  const examples = openapi.components.schemas.Error.properties.error.properties.message.examples;
  expect(examples.every((example) => typeof example === "string")).toBe(true);
  expect(examples).toContain("No free {size} door or larger at this site.");
  expect(examples).toContain("本站点没有空闲的{size, select, S {小} M {中} L {大} XL {超大} other {{size}}}格口或更大的格口。");
});
