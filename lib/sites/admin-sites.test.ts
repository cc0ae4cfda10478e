import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/context";
import { adminScene, auditRows, expectAdminsOnly, expectRefused, type AdminScene } from "@/lib/testing/admin";
import { createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { reserve } from "@/lib/testing/parcels";
import { expectDomainError } from "@/lib/testing/domain-error";
import { closeSite, createSite, getOrganizationSite, listSiteChoices, listSitesForAdmin, reopenSite, updateSite } from "./admin-sites";
import type { CreateSiteInput } from "./schemas";

let world: TestWorld;
let scene: AdminScene;
beforeAll(() => {
  world = createTestWorld();
  scene = adminScene(world);
});
afterAll(() => world.close());

let serial = 0;
function siteInput(overrides: Partial<CreateSiteInput> = {}): CreateSiteInput {
  serial += 1;
  return {
    name: `South Gate Station ${serial}`,
    code: `SG-${serial}`,
    address: "South Gate, 866 Yuhangtang Rd, Hangzhou",
    latitude: "30.2961",
    longitude: "120.0850",
    openingHours: "07:00–23:00 daily",
    holdPeriodHours: "48",
    ...overrides,
  };
}

const orgOf = (actor: Actor) => (actor.kind === "user" ? actor.organizationId! : 0);

describe("createSite", () => {
  it("creates an open site in the admin's organization and writes the audit row", () => {
    const site = createSite(world.ctx(scene.admin), siteInput({ code: "sg-main" }));
    expect(site).toMatchObject({ code: "SG-MAIN", status: "open", holdPeriodHours: 48, latitude: 30.2961, longitude: 120.085 });
    const audit = auditRows(world, orgOf(scene.admin)).at(-1)!;
    expect(audit).toMatchObject({ action: "site.created", subject: `site:${site.id}`, detail: { code: "SG-MAIN", siteId: site.id } });
    expect(listSiteChoices(world.ctx(scene.admin)).map((s) => s.id)).toContain(site.id);
    expect(listSiteChoices(world.ctx(scene.otherAdmin)).map((s) => s.id)).not.toContain(site.id);
  });

  it("says what is wrong with each field, and writes nothing", async () => {
    const error = await expectRefused(
      world,
      scene.admin,
      (ctx) =>
        createSite(ctx, siteInput({ name: "", code: "no spaces", latitude: "", longitude: "200", holdPeriodHours: "0", openingHours: "" })),
      "INVALID",
    );
    const fields = (error.details as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(fields.name).toEqual(["Enter the site name."]);
    expect(fields.code).toEqual(["Use letters, digits and single dashes, e.g. ZJG-N."]);
    expect(fields.latitude).toEqual(["Enter the latitude."]);
    expect(fields.longitude).toEqual(["The longitude lies between -180 and 180."]);
    expect(fields.holdPeriodHours).toEqual(["The hold period is between 1 hour and 720 hours (30 days)."]);
    expect(fields.openingHours).toEqual(["Enter the opening hours."]);
  });

  it("gives one reason per field: what is not a number is not also out of range", async () => {
    const error = await expectRefused(
      world,
      scene.admin,
      (ctx) => createSite(ctx, siteInput({ latitude: "abc", longitude: "1e999", holdPeriodHours: "two days" })),
      "INVALID",
    );
    const fields = (error.details as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(fields.latitude).toEqual(["The latitude is a number, e.g. 30.3057."]);
    expect(fields.longitude).toEqual([expect.stringMatching(/^The longitude is a number/)]);
    expect(fields.holdPeriodHours).toEqual(["The hold period is a whole number of hours."]);
  });

  it("refuses a short code another site has, next to the field", async () => {
    const error = await expectRefused(world, scene.otherAdmin, (ctx) => createSite(ctx, siteInput({ code: scene.station.site.code })), "CONFLICT");
    expect((error.details as { fieldErrors: Record<string, string[]> }).fieldErrors.code[0]).toContain("already the code of another site");
  });

  it("is for admins only", async () => {
    await expectAdminsOnly(world, scene, (ctx) => createSite(ctx, siteInput()));
  });
});

describe("updateSite", () => {
  it("changes the details and records which fields changed", () => {
    const site = createSite(world.ctx(scene.admin), siteInput());
    const { site: updated, changed } = updateSite(world.ctx(scene.admin), {
      ...siteInput({ code: site.code, name: "Renamed Station" }),
      siteId: site.id,
      address: site.address,
    });
    expect(updated.name).toBe("Renamed Station");
    expect(changed).toEqual(["name"]);
    expect(auditRows(world, orgOf(scene.admin)).at(-1)).toMatchObject({
      action: "site.updated",
      detail: { changes: { name: [site.name, "Renamed Station"] } },
    });
  });

  it("keeps a site's time zone unless one is chosen, and refuses a zone that does not exist", async () => {
    const site = createSite(world.ctx(scene.admin), siteInput());
    expect(site.timeZone).toBe("Asia/Shanghai");
    const { site: moved, changed } = updateSite(world.ctx(scene.admin), { ...siteInput({ code: site.code, name: site.name }), address: site.address, siteId: site.id, timeZone: "Europe/Berlin" });
    expect(moved.timeZone).toBe("Europe/Berlin");
    expect(changed).toEqual(["timeZone"]);
    const { site: kept } = updateSite(world.ctx(scene.admin), { ...siteInput({ code: site.code, name: site.name }), address: site.address, siteId: site.id });
    expect(kept.timeZone).toBe("Europe/Berlin");
    const error = await expectRefused(world, scene.admin, (ctx) => createSite(ctx, siteInput({ timeZone: "Mars/Olympus" })), "INVALID");
    expect((error.details as { fieldErrors: Record<string, string[]> }).fieldErrors.timeZone).toBeDefined();
  });

  it("writes no audit row when nothing changed", () => {
    const site = createSite(world.ctx(scene.admin), siteInput());
    const before = auditRows(world, orgOf(scene.admin)).length;
    const { changed } = updateSite(world.ctx(scene.admin), { ...site, siteId: site.id });
    expect(changed).toEqual([]);
    expect(auditRows(world, orgOf(scene.admin)).length).toBe(before);
  });

  it("refuses another organization's site as if it did not exist", async () => {
    const theirs = scene.other.site;
    await expectRefused(world, scene.admin, (ctx) => updateSite(ctx, { ...siteInput(), siteId: theirs.id }), "NOT_FOUND");
    await expectRefused(world, scene.admin, (ctx) => updateSite(ctx, { ...siteInput(), siteId: 987_654 }), "NOT_FOUND");
  });

  it("refuses taking another site's code", async () => {
    const site = createSite(world.ctx(scene.admin), siteInput());
    await expectRefused(world, scene.admin, (ctx) => updateSite(ctx, { ...site, siteId: site.id, code: scene.other.site.code }), "CONFLICT");
  });

  it("is for admins only", async () => {
    const site = scene.station.site;
    await expectAdminsOnly(world, scene, (ctx) => updateSite(ctx, { ...siteInput(), siteId: site.id }));
  });
});

describe("closing and reopening a site", () => {
  it("a closed site takes no deposits until it is reopened", async () => {
    const { station } = scene;
    const closed = closeSite(world.ctx(scene.admin), { siteId: station.site.id, reason: "Renovation of the courtyard" });
    expect(closed.status).toBe("closed");
    await expectDomainError(() => reserve(world, station.courier, station.site.id), "SITE_CLOSED");
    await expectRefused(world, scene.admin, (ctx) => closeSite(ctx, { siteId: station.site.id, reason: "again" }), "CONFLICT");

    expect(reopenSite(world.ctx(scene.admin), { siteId: station.site.id }).status).toBe("open");
    await expectRefused(world, scene.admin, (ctx) => reopenSite(ctx, { siteId: station.site.id }), "CONFLICT");
    const { parcel } = await reserve(world, station.courier, station.site.id);
    expect(parcel.state).toBe("reserved");
    const actions = auditRows(world, station.organizationId).map((row) => row.action);
    expect(actions.slice(-2)).toEqual(["site.closed", "site.reopened"]);
  });

  it("needs a reason to close", async () => {
    await expectRefused(world, scene.admin, (ctx) => closeSite(ctx, { siteId: scene.station.site.id, reason: " " }), "INVALID");
  });

  it("another organization's admin cannot close or reopen it", async () => {
    await expectRefused(world, scene.otherAdmin, (ctx) => closeSite(ctx, { siteId: scene.station.site.id, reason: "not mine" }), "NOT_FOUND");
    await expectRefused(world, scene.otherAdmin, (ctx) => reopenSite(ctx, { siteId: scene.station.site.id }), "NOT_FOUND");
  });

  it("is for admins only", async () => {
    await expectAdminsOnly(world, scene, (ctx) => closeSite(ctx, { siteId: scene.station.site.id, reason: "closing" }));
    await expectAdminsOnly(world, scene, (ctx) => reopenSite(ctx, { siteId: scene.station.site.id }));
  });
});

describe("reading sites", () => {
  it("lists only the admin's own sites, with their doors counted", () => {
    const mine = listSitesForAdmin(world.ctx(scene.admin));
    expect(mine.map((s) => s.id)).toContain(scene.station.site.id);
    expect(mine.map((s) => s.id)).not.toContain(scene.other.site.id);
    expect(mine.find((s) => s.id === scene.station.site.id)).toMatchObject({ lockers: 1, doors: 4 });
  });

  it("another organization's site, or a malformed id, is NOT_FOUND", async () => {
    expect(getOrganizationSite(world.ctx(scene.admin), String(scene.station.site.id)).id).toBe(scene.station.site.id);
    await expectDomainError(() => getOrganizationSite(world.ctx(scene.admin), scene.other.site.id), "NOT_FOUND");
    await expectDomainError(() => getOrganizationSite(world.ctx(scene.admin), "12abc"), "NOT_FOUND");
    await expectDomainError(() => getOrganizationSite(world.ctx(scene.courier), scene.station.site.id), "FORBIDDEN");
  });
});
