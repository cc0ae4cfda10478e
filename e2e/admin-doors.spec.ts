import { expect, test } from "@playwright/test";
import {
  makeLocker,
  makeCourier,
  makeSite,
  depositAsCourier,
  e2ePhone,
  expectSiteFullForCourier,
  signInAsAdmin,
} from "./support/admin";
import { expectAccessible } from "./support/axe";
import { uniqueTracking } from "./support/courier";

/* Doors: out of service and back, opened from the console, removed. */

test("a door put out of service is never assigned, and is again once back in service", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  const site = await makeSite("Repair");
  await makeLocker(site, { code: "A", rowSizes: ["S"], columns: 2 });
  const courier = await makeCourier([site]);

  await page.goto(`/admin/sites/${site.id}`);
  await page.getByRole("link", { name: "Door A-01, size S, free" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Door A-01" })).toBeVisible();
  await expectAccessible(page, "a free door");
  const service = page.getByRole("region", { name: "Service" });
  const history = page.getByRole("region", { name: "Latest history" });
  // In service, the box does not say the door takes no parcels.
  await expect(service).not.toContainText("No parcel will be assigned to this door");
  await service.getByRole("button", { name: "Put out of service" }).click();
  await expect(service.getByText("Give a reason of at least 3 characters.")).toBeVisible();
  await service.getByLabel("What is wrong with it?").fill("Hinge broken, repair ordered");
  await service.getByRole("button", { name: "Put out of service" }).click();
  await expect(service.getByRole("status")).toContainText("Door A-01 is out of service; no parcel will be assigned to it.");
  await expect(page.getByRole("region", { name: "This door" })).toContainText("Hinge broken, repair ordered");
  await expect(service).toContainText("No parcel will be assigned to this door until it is back in service.");
  await expect(history).toContainText("Took door A-01 out of service: Hinge broken, repair ordered");
  await expectAccessible(page, "a door out of service");

  // The courier gets the other door, then nothing: the broken one is never given.
  const first = await depositAsCourier(browser, courier, site, [{ tracking: uniqueTracking("OOS"), phone: e2ePhone(), size: "S" }]);
  expect(first[0].door).toBe("A-02");
  await expectSiteFullForCourier(browser, courier, site, { tracking: uniqueTracking("OOS"), phone: e2ePhone(), size: "S" });

  await page.reload();
  await service.getByRole("button", { name: "Put back in service" }).click();
  await expect(service.getByRole("status")).toContainText("Door A-01 is back in service.");
  await expect(history).toContainText("Put door A-01 back in service");
  await expect(service).not.toContainText("No parcel will be assigned to this door");
  const again = await depositAsCourier(browser, courier, site, [{ tracking: uniqueTracking("OOS"), phone: e2ePhone(), size: "S" }]);
  expect(again[0].door).toBe("A-01");

  await page.goto(`/admin/sites/${site.id}`);
  await expect(page.getByRole("link", { name: /^Door A-01, size S, occupied/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Door A-02, size S, occupied/ })).toBeVisible();
  // A locker holding parcels cannot be removed: it says so, and offers no button that would only be refused.
  await page.getByText("Remove locker A…").click();
  await expect(page.getByText("2 doors still hold parcels: the locker can be removed once those parcels are collected, taken back or cancelled.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove locker A", exact: true })).toHaveCount(0);
});

test("opening a door remotely asks for a reason and lands in the audit trail; a used locker is retired, not deleted", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAsAdmin(page);
  const site = await makeSite("Remote");
  await makeLocker(site, { code: "B", rowSizes: ["M"], columns: 3 });
  await page.goto(`/admin/sites/${site.id}`);

  await page.getByRole("link", { name: "Door B-02, size M, free" }).click();
  const panel = page.getByRole("region", { name: "Open remotely" });
  await panel.getByText("Open this door…").click();
  await expectAccessible(page, "the remote-open confirmation");
  await panel.getByRole("button", { name: "Open door B-02" }).click();
  await expect(panel.getByText("Give a reason of at least 3 characters.")).toBeVisible();
  const reason = `Cleaning check ${Date.now()}`;
  await panel.getByLabel("Why open it?").fill(reason);
  await panel.getByRole("button", { name: "Open door B-02" }).click();
  await expect(panel.getByRole("status")).toContainText("Door B-02 was opened. The opening is on the audit trail.");
  await expect(page.getByRole("region", { name: "Latest history" })).toContainText(`Door opened remotely: ${reason}`);

  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit trail" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  await page.getByLabel("What").selectOption({ label: "Doors" });
  await page.getByLabel("Site").selectOption({ label: site.name });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/category=door/);
  const row = page.getByRole("row").filter({ hasText: `Opened door B-02 remotely: ${reason}` });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Lin Wei (campus admin)");
  await expect(row).toContainText(site.name);
  await expectAccessible(page, "the audit trail");

  // The locker has history now (the opening): removing it retires it, keeping the door's record.
  await page.goto(`/admin/sites/${site.id}`);
  await page.getByText("Remove locker B…").click();
  await page.getByRole("button", { name: "Remove locker B" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The locker is retired." })).toBeVisible();
  await expect(page.getByText("No lockers yet.")).toBeVisible();
  await page.getByText("Retired lockers (1)").click();
  await expect(page.getByRole("link", { name: "Door B-02, size M, removed" })).toBeVisible();
  await expectAccessible(page, "a site with a retired locker");
  await page.getByRole("link", { name: "Door B-02, size M, removed" }).click();
  await expect(page.getByRole("region", { name: "Latest history" })).toContainText("Retired locker B; its 3 doors keep their history");
});
