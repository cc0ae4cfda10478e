import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockers, slots } from "@/db/schema";
import { collectParcel } from "@/lib/parcels/collect";
import { adminScene, auditRows, expectAdminsOnly, expectRefused, type AdminScene } from "@/lib/testing/admin";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { createStation, deposit, reserve } from "@/lib/testing/parcels";
import { sqliteErrorOf } from "@/lib/testing/sqlite-error";
import { addLocker, listSiteLockers, removeLocker } from "./admin-lockers";
import { layoutByRow } from "./layout";
import { formatLayoutText } from "./layout-text";

let world: TestWorld;
let scene: AdminScene;
beforeAll(() => {
  world = createTestWorld();
  scene = adminScene(world);
});
afterAll(() => world.close());

const FOUR_BY_SIX = formatLayoutText(layoutByRow(["S", "M", "M", "L"], 6));

describe("addLocker", () => {
  it("adds a 4 × 6 cabinet whose 24 doors are all free, labelled down each column", () => {
    const site = scene.station.site;
    const added = addLocker(world.ctx(scene.admin), { siteId: site.id, code: "d", layout: FOUR_BY_SIX });
    expect(added).toMatchObject({ code: "D", rows: 4, columns: 6, doors: 24 });
    const cabinet = listSiteLockers(world.ctx(scene.admin), site.id).find((l) => l.id === added.id)!;
    expect(cabinet.doors).toHaveLength(24);
    expect(cabinet.doors.every((door) => door.state === "free")).toBe(true);
    expect(cabinet.doors.find((d) => d.row === 1 && d.column === 1)!).toMatchObject({ label: "D-01", size: "S" });
    expect(cabinet.doors.find((d) => d.row === 4 && d.column === 1)!).toMatchObject({ label: "D-04", size: "L" });
    expect(cabinet.doors.find((d) => d.row === 1 && d.column === 2)!.label).toBe("D-05");
    expect(auditRows(world, scene.station.organizationId).at(-1)).toMatchObject({
      action: "locker.added",
      detail: { code: "D", doors: 24, sizes: { S: 6, M: 12, L: 6 }, siteId: site.id },
    });
  });

  it("takes a size per door, not only per row", () => {
    const added = addLocker(world.ctx(scene.admin), { siteId: scene.station.site.id, code: "E", layout: "S M\nXL L" });
    const doors = listSiteLockers(world.ctx(scene.admin), scene.station.site.id).find((l) => l.id === added.id)!.doors;
    expect(doors.map((d) => d.size)).toEqual(["S", "M", "XL", "L"]);
  });

  it("explains a layout it cannot build", async () => {
    const siteId = scene.station.site.id;
    const messageOf = async (layout: string) =>
      (
        (await expectRefused(world, scene.admin, (ctx) => addLocker(ctx, { siteId, code: "Q", layout }), "INVALID")).details as {
          fieldErrors: Record<string, string[]>;
        }
      ).fieldErrors.layout[0];
    expect(await messageOf("")).toContain("one line per row");
    expect(await messageOf("S S\nM")).toBe("Row 2 has 1 doors but row 1 has 2; every row needs the same number.");
    expect(await messageOf("S Q")).toBe("Row 1: “Q” is not a size. Use S, M, L or XL.");
    expect(await messageOf(Array.from({ length: 21 }, () => "S").join("\n"))).toContain("at most 20 rows");
  });

  it("refuses a code the site already has", async () => {
    addLocker(world.ctx(scene.admin), { siteId: scene.station.site.id, code: "C1", layout: "S" });
    const error = await expectRefused(
      world,
      scene.admin,
      (ctx) => addLocker(ctx, { siteId: scene.station.site.id, code: "c1", layout: "M" }),
      "CONFLICT",
    );
    expect((error.details as { fieldErrors: Record<string, string[]> }).fieldErrors.code[0]).toContain("already exists here");
  });

  it("another organization's site is NOT_FOUND", async () => {
    await expectRefused(world, scene.admin, (ctx) => addLocker(ctx, { siteId: scene.other.site.id, code: "Z", layout: "S" }), "NOT_FOUND");
    await expectDomainError(() => listSiteLockers(world.ctx(scene.admin), scene.other.site.id), "NOT_FOUND");
  });

  it("is for admins only", async () => {
    await expectAdminsOnly(world, scene, (ctx) => addLocker(ctx, { siteId: scene.station.site.id, code: "Y", layout: "S" }));
  });
});

describe("removeLocker", () => {
  it("deletes a cabinet nothing ever happened in", () => {
    const added = addLocker(world.ctx(scene.admin), { siteId: scene.station.site.id, code: "T", layout: "S S" });
    expect(removeLocker(world.ctx(scene.admin), { lockerId: added.id })).toMatchObject({ outcome: "removed", doors: 2 });
    expect(world.db.select().from(lockers).where(eq(lockers.id, added.id)).get()).toBeUndefined();
    expect(world.db.select().from(slots).where(eq(slots.lockerId, added.id)).all()).toEqual([]);
    expect(auditRows(world, scene.station.organizationId).at(-1)!.action).toBe("locker.removed");
  });

  it("retires a cabinet with history: its doors leave service for good and keep their history", async () => {
    const station = createStation(world, { layout: [["S", "S"]] });
    const { parcel, code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    await collectParcel(world.ctx(station.kiosk), { code, phoneLast4 });

    const removed = removeLocker(world.ctx(station.admin), { lockerId: station.locker.id });
    expect(removed.outcome).toBe("retired");
    const doors = world.db.select().from(slots).where(eq(slots.lockerId, station.locker.id)).all();
    expect(doors.every((door) => door.retiredAt !== null && !door.inService)).toBe(true);
    expect(doors.find((door) => door.id === parcel.slot!.id)).toBeDefined();
    // No retired door is ever assigned again.
    await expectDomainError(() => reserve(world, station.courier, station.site.id), "SITE_FULL");
    expect(listSiteLockers(world.ctx(station.admin), station.site.id)[0]).toMatchObject({ retiredAt: world.clock.now });
    await expectRefused(world, station.admin, (ctx) => removeLocker(ctx, { lockerId: station.locker.id }), "CONFLICT");
  });

  it("refuses a cabinet that holds a live parcel, and so does the database", async () => {
    const station = createStation(world, { layout: [["S", "M"]] });
    await deposit(world, station.courier, station.site.id);
    const error = await expectRefused(world, station.admin, (ctx) => removeLocker(ctx, { lockerId: station.locker.id }), "CONFLICT");
    expect(error.message).toContain("holds a parcel");

    const retire = sqliteErrorOf(() => world.db.update(lockers).set({ retiredAt: 1 }).where(eq(lockers.id, station.locker.id)).run());
    expect(retire.message).toContain("live parcel");
    const deleteSlots = sqliteErrorOf(() => world.db.delete(slots).where(eq(slots.lockerId, station.locker.id)).run());
    expect(deleteSlots.message).toContain("live parcel");
    const retireSlot = sqliteErrorOf(() => world.db.update(slots).set({ retiredAt: 1, inService: false, outOfServiceReason: "x" }).where(eq(slots.lockerId, station.locker.id)).run());
    expect(retireSlot.message).toContain("live parcel");
  });

  it("the database keeps a retired door out of service, and retires a cabinet only after its doors", () => {
    const added = addLocker(world.ctx(scene.admin), { siteId: scene.station.site.id, code: "R", layout: "S" });
    expect(sqliteErrorOf(() => world.db.update(lockers).set({ retiredAt: 1 }).where(eq(lockers.id, added.id)).run()).message).toContain(
      "after all its doors",
    );
    world.db.update(slots).set({ retiredAt: 1, inService: false, outOfServiceReason: "gone" }).where(eq(slots.lockerId, added.id)).run();
    expect(sqliteErrorOf(() => world.db.update(slots).set({ inService: true }).where(eq(slots.lockerId, added.id)).run()).message).toContain(
      "stays out of service",
    );
  });

  it("another organization's cabinet is NOT_FOUND", async () => {
    await expectRefused(world, scene.admin, (ctx) => removeLocker(ctx, { lockerId: scene.other.locker.id }), "NOT_FOUND");
  });

  it("is for admins only", async () => {
    await expectAdminsOnly(world, scene, (ctx) => removeLocker(ctx, { lockerId: scene.station.locker.id }));
  });
});
