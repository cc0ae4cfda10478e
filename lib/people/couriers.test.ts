import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { loadUserActor, verifyCredentials } from "@/lib/auth/accounts";
import { adminScene, auditRows, expectAdminsOnly, expectRefused, type AdminScene } from "@/lib/testing/admin";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createSite, createTestWorld, createUser, type TestWorld } from "@/lib/testing/factories";
import { reserve } from "@/lib/testing/parcels";
import { createCourier, deactivateCourier, getOrganizationCourier, listOrganizationCouriers, reactivateCourier, setCourierSites } from "./couriers";
import type { CreateCourierInput } from "./schemas";

let world: TestWorld;
let scene: AdminScene;
beforeAll(() => {
  world = createTestWorld();
  scene = adminScene(world);
});
afterAll(() => world.close());

let serial = 0;
function courierInput(overrides: Partial<CreateCourierInput> = {}): CreateCourierInput {
  serial += 1;
  return {
    name: `Courier ${serial}`,
    phone: `1370000${String(1000 + serial)}`,
    email: "",
    carrierId: String(scene.station.carrier.id),
    siteIds: [String(scene.station.site.id)],
    password: "a-first-password",
    ...overrides,
  };
}

describe("createCourier", () => {
  it("registers a courier of a carrier at the chosen sites, who can sign in and deposit there", async () => {
    const courier = await createCourier(world.ctx(scene.admin), courierInput({ name: "Wang Lei", phone: "137 0000 9001" }));
    expect(courier).toMatchObject({
      name: "Wang Lei",
      phone: "13700009001",
      active: true,
      carrier: { id: scene.station.carrier.id },
      sites: [{ id: scene.station.site.id }],
    });
    expect(await verifyCredentials(world.db, { identifier: "13700009001", password: "a-first-password" })).toMatchObject({ role: "courier" });
    const actor = loadUserActor(world.db, courier.id)!;
    const { parcel } = await reserve(world, actor, scene.station.site.id);
    expect(parcel.state).toBe("reserved");
    expect(auditRows(world, scene.station.organizationId).at(-1)).toMatchObject({
      action: "courier.created",
      detail: { name: "Wang Lei", sites: [scene.station.site.name] },
    });
    expect(world.db.select().from(users).where(eq(users.id, courier.id)).get()!.passwordHash).not.toContain("a-first-password");
  });

  it("says what is missing, and refuses a phone or email that has an account", async () => {
    const invalid = await expectRefused(world, scene.admin, (ctx) => createCourier(ctx, courierInput({ name: "", carrierId: "", password: "short" })), "INVALID");
    expect(Object.keys((invalid.details as { fieldErrors: object }).fieldErrors).sort()).toEqual(["carrierId", "name", "password"]);
    const taken = await createCourier(world.ctx(scene.admin), courierInput());
    const error = await expectRefused(world, scene.admin, (ctx) => createCourier(ctx, courierInput({ phone: taken.phone! })), "CONFLICT");
    expect((error.details as { fieldErrors: Record<string, string[]> }).fieldErrors.phone).toBeDefined();
  });

  it("asks for a carrier when none is chosen, whether the field comes empty or not at all", async () => {
    const { carrierId: _omitted, ...withoutCarrier } = courierInput();
    for (const input of [withoutCarrier, courierInput({ carrierId: "" }), courierInput({ carrierId: "ZTO" })]) {
      const error = await expectRefused(world, scene.admin, (ctx) => createCourier(ctx, input), "INVALID");
      expect((error.details as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({ carrierId: ["Choose a carrier."] });
    }
  });

  it("takes a phone only unconfirmed sign-ups carry: an admin-entered staff phone counts as confirmed and signs in", async () => {
    const squatter = createUser(world.db, { role: "customer", phone: "13700007777" });
    world.db.update(users).set({ phoneVerifiedAt: null }).where(eq(users.id, squatter.id)).run();
    const courier = await createCourier(world.ctx(scene.admin), courierInput({ phone: "137 0000 7777" }));
    expect(world.db.select().from(users).where(eq(users.id, courier.id)).get()!.phoneVerifiedAt).toBe(world.clock.now);
    const session = await verifyCredentials(world.db, { identifier: "13700007777", password: "a-first-password" });
    expect(session?.id).toBe(courier.id);
  });

  it("refuses another organization's site and an unknown carrier", async () => {
    await expectRefused(world, scene.admin, (ctx) => createCourier(ctx, courierInput({ siteIds: [scene.other.site.id] })), "NOT_FOUND");
    await expectRefused(world, scene.admin, (ctx) => createCourier(ctx, courierInput({ carrierId: 987_654 })), "NOT_FOUND");
  });

  it("is for admins only", async () => {
    await expectAdminsOnly(world, scene, (ctx) => createCourier(ctx, courierInput()));
  });
});

describe("a courier's sites", () => {
  it("are replaced by the chosen list, and the change is recorded", async () => {
    const courier = await createCourier(world.ctx(scene.admin), courierInput());
    const second = createSite(world.db, scene.station.organizationId, { name: "Second Site" });
    const updated = setCourierSites(world.ctx(scene.admin), { userId: courier.id, siteIds: [second.id] });
    expect(updated.sites.map((s) => s.id)).toEqual([second.id]);
    expect(auditRows(world, scene.station.organizationId).at(-1)).toMatchObject({
      action: "courier.sites_changed",
      detail: { added: ["Second Site"], removed: [scene.station.site.name] },
    });
    expect(setCourierSites(world.ctx(scene.admin), { userId: courier.id, siteIds: [] }).sites).toEqual([]);
  });

  it("cannot include another organization's site", async () => {
    const courier = await createCourier(world.ctx(scene.admin), courierInput());
    await expectRefused(world, scene.admin, (ctx) => setCourierSites(ctx, { userId: courier.id, siteIds: [scene.other.site.id] }), "NOT_FOUND");
  });

  it("another organization's courier is NOT_FOUND, whatever the action", async () => {
    const mine = await createCourier(world.ctx(scene.admin), courierInput());
    await expectRefused(world, scene.otherAdmin, (ctx) => setCourierSites(ctx, { userId: mine.id, siteIds: [] }), "NOT_FOUND");
    await expectRefused(world, scene.otherAdmin, (ctx) => deactivateCourier(ctx, { userId: mine.id }), "NOT_FOUND");
    await expectDomainError(() => getOrganizationCourier(world.ctx(scene.otherAdmin), mine.id), "NOT_FOUND");
    expect(listOrganizationCouriers(world.ctx(scene.otherAdmin)).map((c) => c.id)).not.toContain(mine.id);
    // A user who is not a courier is not one either.
    const customer = createUser(world.db, { role: "customer", organizationId: scene.station.organizationId });
    await expectDomainError(() => getOrganizationCourier(world.ctx(scene.admin), customer.id), "NOT_FOUND");
  });

  it("is for admins only", async () => {
    const courier = await createCourier(world.ctx(scene.admin), courierInput());
    await expectAdminsOnly(world, scene, (ctx) => setCourierSites(ctx, { userId: courier.id, siteIds: [] }));
  });
});

describe("deactivating a courier", () => {
  it("ends their access at once, and reactivating gives it back", async () => {
    const courier = await createCourier(world.ctx(scene.admin), courierInput({ phone: "13700008888" }));
    expect(deactivateCourier(world.ctx(scene.admin), { userId: courier.id }).active).toBe(false);
    expect(loadUserActor(world.db, courier.id)).toBeNull();
    expect(await verifyCredentials(world.db, { identifier: "13700008888", password: "a-first-password" })).toBeNull();
    await expectRefused(world, scene.admin, (ctx) => deactivateCourier(ctx, { userId: courier.id }), "CONFLICT");

    expect(reactivateCourier(world.ctx(scene.admin), { userId: courier.id })).toMatchObject({ active: true, sites: [{ id: scene.station.site.id }] });
    expect(loadUserActor(world.db, courier.id)).not.toBeNull();
    expect(auditRows(world, scene.station.organizationId).slice(-2).map((row) => row.action)).toEqual(["courier.deactivated", "courier.reactivated"]);
  });

  it("is for admins only", async () => {
    const courier = await createCourier(world.ctx(scene.admin), courierInput());
    await expectAdminsOnly(world, scene, (ctx) => deactivateCourier(ctx, { userId: courier.id }));
    await expectAdminsOnly(world, scene, (ctx) => reactivateCourier(ctx, { userId: courier.id }));
  });
});
