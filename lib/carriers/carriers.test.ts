import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminScene, auditRows, expectAdminsOnly, expectRefused, type AdminScene } from "@/lib/testing/admin";
import { createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { deposit } from "@/lib/testing/parcels";
import { createCarrier, listCarriers } from "./carriers";

let world: TestWorld;
let scene: AdminScene;
beforeAll(() => {
  world = createTestWorld();
  scene = adminScene(world);
});
afterAll(() => world.close());

describe("carriers", () => {
  it("any admin adds a carrier for the whole network; the addition is on their own trail", () => {
    const carrier = createCarrier(world.ctx(scene.admin), { code: "jd", name: "JD Logistics", contactPhone: "950616" });
    expect(carrier).toMatchObject({ code: "JD", name: "JD Logistics", contactPhone: "950616" });
    expect(listCarriers(world.ctx(scene.otherAdmin)).map((c) => c.code)).toContain("JD");
    expect(auditRows(world, scene.station.organizationId).at(-1)).toMatchObject({ action: "carrier.created", subject: `carrier:${carrier.id}` });
    expect(auditRows(world, scene.other.organizationId).map((row) => row.action)).not.toContain("carrier.created");
  });

  it("counts only the admin's organization's parcels per carrier", async () => {
    await deposit(world, scene.station.courier, scene.station.site.id);
    const mine = listCarriers(world.ctx(scene.admin)).find((c) => c.id === scene.station.carrier.id)!;
    const theirs = listCarriers(world.ctx(scene.otherAdmin)).find((c) => c.id === scene.station.carrier.id)!;
    expect(mine.parcels).toBe(1);
    expect(theirs.parcels).toBe(0);
  });

  it("refuses a taken code and bad input", async () => {
    await expectRefused(world, scene.admin, (ctx) => createCarrier(ctx, { code: scene.station.carrier.code, name: "Copy" }), "CONFLICT");
    const error = await expectRefused(world, scene.admin, (ctx) => createCarrier(ctx, { code: "a b", name: "", contactPhone: "call me" }), "INVALID");
    expect(Object.keys((error.details as { fieldErrors: object }).fieldErrors).sort()).toEqual(["code", "contactPhone", "name"]);
  });

  it("is for admins only", async () => {
    await expectAdminsOnly(world, scene, (ctx) => createCarrier(ctx, { code: "YTO", name: "YTO Express" }));
    await expectAdminsOnly(world, scene, (ctx) => listCarriers(ctx));
  });
});
