import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectParcel } from "@/lib/parcels/collect";
import { closeSite } from "@/lib/sites/admin-sites";
import { openSlotRemotely, setSlotOutOfService } from "@/lib/slots/admin-slots";
import { adminScene, expectAdminsOnly, type AdminScene } from "@/lib/testing/admin";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { deposit } from "@/lib/testing/parcels";
import { listAuditActors, listAuditTrail } from "./audit-trail";

let world: TestWorld;
let scene: AdminScene;
const HOUR = 3_600_000;
beforeAll(async () => {
  world = createTestWorld();
  scene = adminScene(world);
  const { station, other } = scene;
  const start = world.clock.now;
  world.clock.now = start - 2 * 24 * HOUR;
  const waiting = await deposit(world, station.courier, station.site.id);
  world.clock.now = start - HOUR;
  await collectParcel(world.ctx(station.kiosk), { code: waiting.code, phoneLast4: waiting.phoneLast4 });
  world.clock.now = start;
  await openSlotRemotely(world.ctx(scene.admin), { slotId: waiting.parcel.slot!.id, reason: "Cleaning the door" });
  setSlotOutOfService(world.ctx(scene.admin), { slotId: waiting.parcel.slot!.id, reason: "Hinge loose" });
  // The other organization's own activity must never show up here.
  await deposit(world, other.courier, other.site.id);
  closeSite(world.ctx(scene.otherAdmin), { siteId: other.site.id, reason: "Their renovation" });
});
afterAll(() => world.close());

describe("listAuditTrail", () => {
  it("holds every admin action and door opening of the organization, newest first, each once", () => {
    const { entries } = listAuditTrail(world.ctx(scene.admin), {});
    expect(entries.map((entry) => [entry.category, entry.summary])).toEqual([
      ["door", expect.stringMatching(/^Took door .+ out of service: Hinge loose$/)],
      ["door", expect.stringMatching(/^Opened door .+ remotely: Cleaning the door$/)],
      ["door", expect.stringMatching(/^Door opened at the kiosk for pickup/)],
      ["door", expect.stringMatching(/^Door opened for deposit/)],
    ]);
    expect(entries[1]).toMatchObject({ actor: expect.any(String), site: { id: scene.station.site.id }, subject: { kind: "slot" } });
    expect(entries[2].actor).toBe("Kiosk");
    expect(JSON.stringify(entries)).not.toContain("Their renovation");
  });

  it("reads in the admin's language: the software's words translated, the admin's own as written", () => {
    const { entries } = listAuditTrail(world.ctx(scene.admin), {}, "zh-CN");
    expect(entries.map((entry) => entry.summary)).toEqual([
      expect.stringMatching(/^停用 .+ 号格口：Hinge loose$/),
      expect.stringMatching(/^远程打开 .+ 号格口：Cleaning the door$/),
      expect.stringMatching(/^在柜机为取件开柜（.+ 号格口）$/),
      expect.stringMatching(/^为投递开柜（.+ 号格口）$/),
    ]);
    expect(entries[2].actor).toBe("柜机");
  });

  it("filters by kind, site, person and days", () => {
    const actorId = scene.admin.kind === "user" ? scene.admin.userId : 0;
    expect(listAuditTrail(world.ctx(scene.admin), { actor: actorId }).entries).toHaveLength(2);
    expect(listAuditTrail(world.ctx(scene.admin), { category: "site" }).entries).toEqual([]);
    expect(listAuditTrail(world.ctx(scene.admin), { site: scene.other.site.id }).entries).toEqual([]);
    // The test clock is 2026-11-26 in Hangzhou; the deposit was two days earlier.
    expect(listAuditTrail(world.ctx(scene.admin), { from: "2026-11-24", to: "2026-11-24" }).entries.map((e) => e.summary)).toEqual([
      expect.stringMatching(/^Door opened for deposit/),
    ]);
    expect(listAuditTrail(world.ctx(scene.otherAdmin), { category: "site" }).entries.map((e) => e.summary)).toEqual([
      expect.stringContaining("Their renovation"),
    ]);
  });

  it("refuses filters it cannot read", async () => {
    await expectDomainError(() => listAuditTrail(world.ctx(scene.admin), { category: "everything" as "site" }), "INVALID");
    await expectDomainError(() => listAuditTrail(world.ctx(scene.admin), { from: "2026-13-01" }), "INVALID");
  });

  it("offers the organization's own people to filter by", () => {
    const ids = listAuditActors(world.ctx(scene.admin)).map((a) => a.id);
    expect(ids).toContain(scene.admin.kind === "user" ? scene.admin.userId : 0);
    expect(ids).not.toContain(scene.otherAdmin.kind === "user" ? scene.otherAdmin.userId : 0);
  });

  it("is for admins only", async () => {
    await expectAdminsOnly(world, scene, (ctx) => listAuditTrail(ctx, {}));
  });
});
