import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/accounts";
import { adminScene, auditRows, expectAdminsOnly, expectRefused, type AdminScene } from "@/lib/testing/admin";
import { createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { deposit } from "@/lib/testing/parcels";
import { createOrganizationAdmin, listOrganizationAdmins } from "./admins";
import { listOrganizationCustomers } from "./customers";

let world: TestWorld;
let scene: AdminScene;
beforeAll(() => {
  world = createTestWorld();
  scene = adminScene(world);
});
afterAll(() => world.close());

describe("admins of the organization", () => {
  it("an admin adds another admin to their own organization, who can sign in", async () => {
    const created = await createOrganizationAdmin(world.ctx(scene.admin), {
      name: "Xu Ting",
      email: "Xu.Ting@Campus.example",
      phone: "",
      password: "another-long-password",
    });
    expect(created).toMatchObject({ name: "Xu Ting", email: "xu.ting@campus.example", phone: null });
    const session = await verifyCredentials(world.db, { identifier: "xu.ting@campus.example", password: "another-long-password" });
    expect(session).toMatchObject({ role: "admin", organizationId: scene.station.organizationId });
    const names = listOrganizationAdmins(world.ctx(scene.admin)).map((a) => a.name);
    expect(names).toContain("Xu Ting");
    expect(listOrganizationAdmins(world.ctx(scene.otherAdmin)).map((a) => a.name)).not.toContain("Xu Ting");
    expect(auditRows(world, scene.station.organizationId).at(-1)).toMatchObject({ action: "admin.created", subject: `user:${created.id}` });
  });

  it("refuses bad input and a taken email", async () => {
    await expectRefused(world, scene.admin, (ctx) => createOrganizationAdmin(ctx, { name: "", email: "nope", password: "x" }), "INVALID");
    await createOrganizationAdmin(world.ctx(scene.admin), { name: "Dup", email: "dup@campus.example", password: "another-long-password" });
    await expectRefused(
      world,
      scene.otherAdmin,
      (ctx) => createOrganizationAdmin(ctx, { name: "Dup", email: "dup@campus.example", password: "another-long-password" }),
      "CONFLICT",
    );
  });

  it("is for admins only", async () => {
    await expectAdminsOnly(world, scene, (ctx) => createOrganizationAdmin(ctx, { name: "X", email: "x@example.com", password: "another-long-password" }));
    await expectAdminsOnly(world, scene, (ctx) => listOrganizationAdmins(ctx));
  });
});

describe("customers, read-only", () => {
  it("are the recipients of the organization's parcels, phones masked", async () => {
    await deposit(world, scene.station.courier, scene.station.site.id, { recipientPhone: "13812345678" });
    await deposit(world, scene.station.courier, scene.station.site.id, { recipientPhone: "13812345678" });
    await deposit(world, scene.other.courier, scene.other.site.id, { recipientPhone: "13900000000" });
    const { customers, total } = listOrganizationCustomers(world.ctx(scene.admin));
    expect(total).toBe(1);
    expect(customers[0]).toMatchObject({ phone: "138****5678", parcels: 2, waiting: 2, expired: 0, hasAccount: false });
    expect(JSON.stringify(customers)).not.toContain("13812345678");
    expect(listOrganizationCustomers(world.ctx(scene.otherAdmin)).customers.map((c) => c.phone)).toEqual(["139****0000"]);
  });

  it("is for admins only", async () => {
    await expectAdminsOnly(world, scene, (ctx) => listOrganizationCustomers(ctx));
  });
});
