import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { lockers, slots } from "@/db/schema";
import { collectParcel } from "@/lib/parcels/collect";
import { adminScene, auditRows, expectAdminsOnly, expectRefused, type AdminScene } from "@/lib/testing/admin";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { createStation, deposit, reserve } from "@/lib/testing/parcels";
import { sqliteErrorOf } from "@/lib/testing/sqlite-error";
import { listAuditTrail } from "@/lib/admin/audit-trail";
import { setMyWithinReach } from "@/lib/consent/within-reach";
import { createCustomer } from "@/lib/testing/factories";
import { recipientPhone } from "@/lib/testing/parcels";
import { addLocker, listSiteLockers, removeLocker, setRowHeights } from "./admin-lockers";
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

describe("setRowHeights", () => {
  // Six rows of one M door: floors at 1200, 980, 760, 540, 320 and 100 mm, top row first.
  const SIX_M = layoutByRow(["M", "M", "M", "M", "M", "M"], 1);
  const STANDARD = ["1200", "980", "760", "540", "320", "100"];

  function needsReach() {
    const phone = recipientPhone();
    setMyWithinReach(world.ctx(createCustomer(world.db, phone)), { withinReach: "on" });
    return phone;
  }

  const fieldErrors = (error: { details?: unknown }) => (error.details as { fieldErrors: Record<string, string[]> }).fieldErrors;

  it("sets each row's height, shows them on the site's cabinets, and records the rows that changed", () => {
    const station = createStation(world, { layout: SIX_M });
    const result = setRowHeights(world.ctx(station.admin), { lockerId: station.locker.id, rowHeights: ["1150", "980", "760", "540", "", "100"] });
    expect(result).toMatchObject({
      lockerId: station.locker.id,
      siteId: station.site.id,
      changed: [
        { row: 1, fromMm: 1200, toMm: 1150 },
        { row: 5, fromMm: 320, toMm: null },
      ],
    });
    expect(listSiteLockers(world.ctx(station.admin), station.site.id)[0].rowHeightsMm).toEqual([1150, 980, 760, 540, null, 100]);
    const doors = world.db.select().from(slots).where(eq(slots.lockerId, station.locker.id)).all();
    expect(doors.find((door) => door.row === 1)!.bottomMm).toBe(1150);
    expect(auditRows(world, station.organizationId).at(-1)).toMatchObject({
      action: "locker.row_heights_set",
      subject: `locker:${station.locker.id}`,
      detail: { code: station.locker.code, rows: result.changed, siteId: station.site.id },
    });
    const [entry] = listAuditTrail(world.ctx(station.admin), {}).entries;
    expect(entry.summary).toBe(`Changed the row heights of locker ${station.locker.code}: row 1 1200 mm → 1150 mm, row 5 320 mm → not measured`);
    expect(listAuditTrail(world.ctx(station.admin), {}, "zh-CN").entries[0].summary).toContain("第 5 排 320 毫米 → 未测量");

    // Nothing changed: nothing is written.
    const audits = auditRows(world, station.organizationId).length;
    expect(setRowHeights(world.ctx(station.admin), { lockerId: station.locker.id, rowHeights: ["1150", "980", "760", "540", "", "100"] }).changed).toEqual([]);
    expect(auditRows(world, station.organizationId)).toHaveLength(audits);
  });

  it("the new heights decide who gets which door", async () => {
    const station = createStation(world, { layout: SIX_M });
    const phone = needsReach();
    // Only row 6 in the band now.
    setRowHeights(world.ctx(station.admin), { lockerId: station.locker.id, rowHeights: ["2000", "1800", "1600", "1400", "1300", "600"] });
    const { parcel } = await reserve(world, station.courier, station.site.id, { size: "M", recipientPhone: phone });
    expect(parcel.slot!.row).toBe(6);
  });

  it("refuses to move a live within-reach parcel's row out of the band, naming the door and the parcel; the database refuses too", async () => {
    const station = createStation(world, { layout: SIX_M });
    const phone = needsReach();
    const { parcel, code, phoneLast4 } = await deposit(world, station.courier, station.site.id, { size: "M", recipientPhone: phone });
    expect(parcel).toMatchObject({ withinReach: true, slot: { row: 3 } });
    // Anyone else's parcel does not hold its row.
    await reserve(world, station.courier, station.site.id, { size: "M" });

    for (const height of ["300", "1300", ""]) {
      const rowHeights = [...STANDARD];
      rowHeights[2] = height;
      const error = await expectRefused(world, station.admin, (ctx) => setRowHeights(ctx, { lockerId: station.locker.id, rowHeights }), "CONFLICT");
      expect(Object.keys(fieldErrors(error))).toEqual(["rowHeights.2"]);
      expect(fieldErrors(error)["rowHeights.2"][0]).toBe(
        `Door ${parcel.slot!.label} holds parcel ${parcel.trackingNumber}, whose recipient needs a door within reach: keep this row between 380 and 1220 mm until the parcel leaves.`,
      );
    }
    const slotId = parcel.slot!.id;
    expect(sqliteErrorOf(() => world.db.update(slots).set({ bottomMm: 200 }).where(eq(slots.id, slotId)).run()).message).toContain("needs a door within reach");
    expect(sqliteErrorOf(() => world.db.update(slots).set({ bottomMm: null }).where(eq(slots.id, slotId)).run()).message).toContain("needs a door within reach");

    // Within the band it may move; once the parcel is collected, anywhere.
    const moved = [...STANDARD];
    moved[2] = "900";
    expect(setRowHeights(world.ctx(station.admin), { lockerId: station.locker.id, rowHeights: moved }).changed).toEqual([{ row: 3, fromMm: 760, toMm: 900 }]);
    await collectParcel(world.ctx(station.kiosk), { code, phoneLast4 });
    moved[2] = "300";
    expect(setRowHeights(world.ctx(station.admin), { lockerId: station.locker.id, rowHeights: moved }).changed).toEqual([{ row: 3, fromMm: 900, toMm: 300 }]);
  });

  it("a refusal of the database's trigger (a parcel that slipped past the check) is the same field error, never a 500", async () => {
    const station = createStation(world, { layout: SIX_M });
    await deposit(world, station.courier, station.site.id, { size: "M", recipientPhone: needsReach() });
    const rowHeights = [...STANDARD];
    rowHeights[2] = "300";
    // The verb's own look for such parcels (its first `all`) finds none, as if one arrived after it.
    const all = vi.spyOn(world.db, "all").mockImplementationOnce(() => []);
    try {
      const error = await expectRefused(world, station.admin, (ctx) => setRowHeights(ctx, { lockerId: station.locker.id, rowHeights }), "CONFLICT");
      expect(fieldErrors(error).rowHeights[0]).toContain("keep its row between 380 and 1220 mm");
    } finally {
      all.mockRestore();
    }
  });

  it("refuses heights that are not whole millimetres in range, or not one per row", async () => {
    const station = createStation(world, { layout: SIX_M });
    const admin = station.admin;
    const lockerId = station.locker.id;
    for (const [bad, words] of [
      ["abc", "whole millimetres"],
      ["-5", ""],
      ["3001", ""],
      ["12.5", "whole millimetres"],
    ] as const) {
      const rowHeights = [...STANDARD];
      rowHeights[1] = bad;
      const error = await expectRefused(world, admin, (ctx) => setRowHeights(ctx, { lockerId, rowHeights }), "INVALID");
      expect(fieldErrors(error)["rowHeights.1"][0]).toContain(words);
    }
    const error = await expectRefused(world, admin, (ctx) => setRowHeights(ctx, { lockerId, rowHeights: ["900", "800"] }), "INVALID");
    expect(fieldErrors(error).rowHeights[0]).toBe("Give one height per row: the layout has 6 rows, the heights 2.");
  });

  it("refuses a retired cabinet", async () => {
    const added = addLocker(world.ctx(scene.admin), { siteId: scene.station.site.id, code: "H", layout: "S" });
    world.db.update(slots).set({ retiredAt: 1, inService: false, outOfServiceReason: "gone" }).where(eq(slots.lockerId, added.id)).run();
    world.db.update(lockers).set({ retiredAt: 1 }).where(eq(lockers.id, added.id)).run();
    await expectRefused(world, scene.admin, (ctx) => setRowHeights(ctx, { lockerId: added.id, rowHeights: ["500"] }), "CONFLICT");
  });

  it("another organization's cabinet is NOT_FOUND", async () => {
    await expectRefused(world, scene.admin, (ctx) => setRowHeights(ctx, { lockerId: scene.other.locker.id, rowHeights: ["500", "100"] }), "NOT_FOUND");
    await expectRefused(world, scene.otherAdmin, (ctx) => setRowHeights(ctx, { lockerId: scene.station.locker.id, rowHeights: ["500", "100"] }), "NOT_FOUND");
  });

  it("is for admins only", async () => {
    await expectAdminsOnly(world, scene, (ctx) => setRowHeights(ctx, { lockerId: scene.station.locker.id, rowHeights: ["500", "100"] }));
  });
});
