import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parcels, reachNeeds, slots, type SlotSize } from "@/db/schema";
import { myWithinReach, setMyWithinReach } from "@/lib/consent/within-reach";
import type { NoDoorWithinReachDetails } from "@/lib/parcels/reserve";
import { reportParcelDoesNotFit, reportSlotFault, siteFullRefusal } from "@/lib/parcels/reassign";
import { addLocker } from "@/lib/sites/admin-lockers";
import { layoutByRow } from "@/lib/sites/layout";
import { defaultRowBottoms, isWithinReach, REACH_BAND_MM } from "@/lib/slots/reach";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createCourier, createCustomer, createTestWorld, createUser, asActor, type TestWorld } from "@/lib/testing/factories";
import { createStation, eventsOf, recipientPhone, reserve, slotRow, type Station } from "@/lib/testing/parcels";
import { sqliteErrorOf } from "@/lib/testing/sqlite-error";

let world: TestWorld;
beforeAll(() => {
  world = createTestWorld();
});
afterAll(() => world.close());

// Six rows of one M door: floors at 1200, 980, 760, 540, 320 and 100 mm, top row first.
const SIX_M: SlotSize[][] = layoutByRow(["M", "M", "M", "M", "M", "M"], 1);

function needsReach(phone: string) {
  const customer = createCustomer(world.db, phone);
  setMyWithinReach(world.ctx(customer), { withinReach: "on" });
  return customer;
}

function rowsOf(station: Station) {
  return world.db.select().from(slots).where(eq(slots.siteId, station.site.id)).all();
}

describe("row heights", () => {
  it("a standard cabinet's rows stand on a 100 mm plinth, each as tall as its tallest door plus 30 mm of frame", () => {
    expect(defaultRowBottoms(SIX_M)).toEqual([1200, 980, 760, 540, 320, 100]);
    expect(defaultRowBottoms([["S", "XL"], ["L", "L"]])).toEqual([520, 100]);
  });

  it("the band is 380-1220 mm inclusive; a door nobody measured is never within reach", () => {
    expect([379, 380, 1220, 1221].map(isWithinReach)).toEqual([false, true, true, false]);
    expect(isWithinReach(null)).toBe(false);
    expect(REACH_BAND_MM).toEqual({ low: 380, high: 1220 });
  });

  it("new lockers get those heights, or the admin's, per row; a blank is a row without a height", async () => {
    const station = createStation(world, { layout: SIX_M });
    expect(rowsOf(station).sort((a, b) => a.row - b.row).map((slot) => [slot.row, slot.bottomMm])).toEqual([1, 2, 3, 4, 5, 6].map((row, i) => [row, [1200, 980, 760, 540, 320, 100][i]]));

    const added = addLocker(world.ctx(station.admin), { siteId: station.site.id, code: "Q", layout: "M M\nL L", rowHeights: ["900", ""] });
    const doors = world.db.select().from(slots).where(eq(slots.lockerId, added.id)).all();
    expect(doors.map((slot) => [slot.row, slot.bottomMm])).toEqual([
      [1, 900],
      [1, 900],
      [2, null],
      [2, null],
    ]);
  });

  it("refuses heights that are not whole millimetres in range, or not one per row", async () => {
    const station = createStation(world);
    const admin = world.ctx(station.admin);
    for (const rowHeights of [["abc", "100"], ["-5", "100"], ["3001", "100"], ["12.5", "100"], ["900"]]) {
      const error = await expectDomainError(() => addLocker(admin, { siteId: station.site.id, code: "Z", layout: "M\nM", rowHeights }), "INVALID");
      expect(Object.keys((error.details as { fieldErrors: object }).fieldErrors).some((name) => name.startsWith("rowHeights"))).toBe(true);
    }
  });
});

describe("assignment for a recipient who needs a door within reach", () => {
  it("picks only doors in the band, middle first, records it on the parcel and its event, and says when none is free", async () => {
    const station = createStation(world, { layout: SIX_M });
    const phone = recipientPhone();
    needsReach(phone);
    const rows: number[] = [];
    for (let i = 0; i < 4; i++) {
      const { parcel } = await reserve(world, station.courier, station.site.id, { size: "M", recipientPhone: phone });
      expect(parcel.withinReach).toBe(true);
      expect(isWithinReach(slotRow(world.db, parcel.slot!.id).bottomMm)).toBe(true);
      expect(eventsOf(world.db, parcel.id)[0].detail).toMatchObject({ withinReach: true });
      rows.push(parcel.slot!.row);
    }
    // Rows 3 and 4 are the middle; 5 (320 mm) and 6 (100 mm) lie below the band.
    expect(rows).toEqual([3, 4, 2, 1]);

    const before = world.db.select().from(parcels).all().length;
    const error = await expectDomainError<NoDoorWithinReachDetails>(
      () => reserve(world, station.courier, station.site.id, { size: "M", recipientPhone: phone }),
      "NO_DOOR_WITHIN_REACH",
    );
    expect(error.details).toEqual({ size: "M", withinReachMm: { low: 380, high: 1220 }, alternatives: [] });
    expect(world.db.select().from(parcels).all().length).toBe(before);
  });

  it("upsizes within the band rather than taking a fitting door out of it", async () => {
    // S at 100 mm (out), L above it at 210 mm (out), XL at 630 mm (in).
    const station = createStation(world, { layout: layoutByRow(["XL", "L", "S"], 1) });
    const phone = recipientPhone();
    needsReach(phone);
    const { parcel } = await reserve(world, station.courier, station.site.id, { size: "S", recipientPhone: phone });
    expect(parcel).toMatchObject({ upsized: true, withinReach: true, slot: { size: "XL" } });
  });

  it("never picks a door of a row without a height", async () => {
    const station = createStation(world, { layout: SIX_M });
    world.db
      .update(slots)
      .set({ bottomMm: null })
      .where(and(eq(slots.lockerId, station.locker.id)))
      .run();
    const phone = recipientPhone();
    needsReach(phone);
    await expectDomainError(() => reserve(world, station.courier, station.site.id, { size: "S", recipientPhone: phone }), "NO_DOOR_WITHIN_REACH");
    // Nobody else minds.
    const { parcel } = await reserve(world, station.courier, station.site.id, { size: "S" });
    expect(parcel.withinReach).toBe(false);
  });

  it("a full site is still SITE_FULL for such a recipient when no door of the size exists anywhere", async () => {
    const station = createStation(world, { layout: layoutByRow(["S"], 1) });
    const phone = recipientPhone();
    needsReach(phone);
    // No M door at all: the band changes nothing, but the recipient's need is what is said.
    await expectDomainError(() => reserve(world, station.courier, station.site.id, { size: "M", recipientPhone: phone }), "NO_DOOR_WITHIN_REACH");
    await expectDomainError(() => reserve(world, station.courier, station.site.id, { size: "M" }), "SITE_FULL");
  });

  it("a jammed door moves the parcel to another door in the band", async () => {
    const station = createStation(world, { layout: SIX_M });
    const phone = recipientPhone();
    needsReach(phone);
    const { parcel } = await reserve(world, station.courier, station.site.id, { size: "M", recipientPhone: phone });
    const moved = await reportSlotFault(world.ctx(station.courier), { parcelId: parcel.id, reason: "Door jammed" });
    expect(moved.outcome).toBe("moved");
    if (moved.outcome !== "moved") return;
    expect(moved.parcel.withinReach).toBe(true);
    expect(isWithinReach(slotRow(world.db, moved.parcel.slot!.id).bottomMm)).toBe(true);
  });

  it("a jammed door with no other door in the band left cancels the reservation as NO_DOOR_WITHIN_REACH, never SITE_FULL", async () => {
    const station = createStation(world, { layout: SIX_M });
    const phone = recipientPhone();
    needsReach(phone);
    const reserved = [];
    for (let i = 0; i < 4; i++) reserved.push(await reserve(world, station.courier, station.site.id, { size: "M", recipientPhone: phone }));
    const last = reserved[3].parcel;

    // Rows 5 and 6 are free, but below the band.
    const result = await reportSlotFault(world.ctx(station.courier), { parcelId: last.id, reason: "Door jammed" });

    expect(result).toMatchObject({ outcome: "no_door_within_reach", size: "M", withinReachMm: REACH_BAND_MM, alternatives: [], parcel: { id: last.id, state: "cancelled" } });
    if (result.outcome === "moved") return;
    const refusal = siteFullRefusal(result);
    expect(refusal).toMatchObject({ code: "NO_DOOR_WITHIN_REACH", key: "noDoorWithinReachReservationCancelled", details: { size: "M", withinReachMm: REACH_BAND_MM } });
    expect(eventsOf(world.db, last.id).at(-1)).toMatchObject({ kind: "cancelled", detail: { outcome: "no free door", withinReach: true } });
  });

  it("a parcel that does not fit, with no larger door in the band, is NO_DOOR_WITHIN_REACH too; anyone else gets the larger door", async () => {
    // S at 100 mm, L at 210 mm (both out), M at 630 mm (in).
    const layout = layoutByRow(["M", "L", "S"], 1);
    const station = createStation(world, { layout });
    const phone = recipientPhone();
    needsReach(phone);
    const { parcel } = await reserve(world, station.courier, station.site.id, { size: "M", recipientPhone: phone });
    expect(parcel.slot!.size).toBe("M");

    const result = await reportParcelDoesNotFit(world.ctx(station.courier), { parcelId: parcel.id });
    expect(result).toMatchObject({ outcome: "no_door_within_reach", size: "L", parcel: { state: "cancelled" } });

    const other = createStation(world, { layout });
    const reservedOther = await reserve(world, other.courier, other.site.id, { size: "M" });
    const moved = await reportParcelDoesNotFit(world.ctx(other.courier), { parcelId: reservedOther.parcel.id });
    expect(moved).toMatchObject({ outcome: "moved", parcel: { size: "L", withinReach: false } });
  });

  it("names the nearest sites with a free door of the size in the band, counting only such doors", async () => {
    const station = createStation(world, { layout: layoutByRow(["M"], 1) });
    const org = { organizationId: station.organizationId };
    // Floors at 1200, 980, 760, 540, 320 and 100 mm: four M doors in the band.
    const inBand = createStation(world, { ...org, layout: SIX_M, latitude: 30.27, longitude: 120.12 });
    // Floors at 320 and 100 mm: room, but none of it within reach.
    createStation(world, { ...org, layout: layoutByRow(["M", "M"], 1), latitude: 30.26, longitude: 120.12 });
    const phone = recipientPhone();
    needsReach(phone);

    // The site's only door is at 100 mm.
    const error = await expectDomainError<NoDoorWithinReachDetails>(
      () => reserve(world, station.courier, station.site.id, { size: "M", recipientPhone: phone }),
      "NO_DOOR_WITHIN_REACH",
    );
    expect(error.details!.alternatives.map((site) => [site.siteId, site.free])).toEqual([[inBand.site.id, { S: 0, M: 4, L: 0, XL: 0 }]]);

    // The same sites answer a reassignment that finds no door in the band.
    const { parcel } = await reserve(world, inBand.courier, inBand.site.id, { size: "M", recipientPhone: phone });
    for (let i = 0; i < 3; i++) await reserve(world, inBand.courier, inBand.site.id, { size: "M", recipientPhone: phone });
    const result = await reportSlotFault(world.ctx(inBand.courier), { parcelId: parcel.id, reason: "Door jammed" });
    expect(result.outcome).toBe("no_door_within_reach");
    expect(result.outcome !== "moved" && result.alternatives.map((site) => site.siteId)).toEqual([]);
  });

  it("the database refuses a within-reach parcel in a door outside the band", async () => {
    const station = createStation(world, { layout: SIX_M });
    const phone = recipientPhone();
    needsReach(phone);
    const { parcel } = await reserve(world, station.courier, station.site.id, { size: "M", recipientPhone: phone });
    const low = rowsOf(station).find((slot) => slot.row === 6)!;
    const failure = sqliteErrorOf(() => world.db.update(parcels).set({ slotId: low.id }).where(eq(parcels.id, parcel.id)).run());
    expect(failure.message).toContain("slot is not within reach");
  });
});

describe("recipients without the preference", () => {
  it("are assigned as before: middle rows first, whatever their height", async () => {
    const station = createStation(world, { layout: SIX_M });
    const rows: number[] = [];
    for (let i = 0; i < 6; i++) {
      const { parcel } = await reserve(world, station.courier, station.site.id, { size: "M" });
      expect(parcel.withinReach).toBe(false);
      rows.push(parcel.slot!.row);
    }
    expect(rows).toEqual([3, 4, 2, 5, 1, 6]);
    await expectDomainError(() => reserve(world, station.courier, station.site.id, { size: "M" }), "SITE_FULL");
  });
});

describe("the preference", () => {
  it("a customer turns it on and off; off deletes the row", () => {
    const phone = recipientPhone();
    const customer = createCustomer(world.db, phone);
    const ctx = world.ctx(customer);
    expect(myWithinReach(ctx)).toBe(false);
    setMyWithinReach(ctx, { withinReach: "on" });
    expect(myWithinReach(ctx)).toBe(true);
    setMyWithinReach(ctx, {});
    expect(myWithinReach(ctx)).toBe(false);
    expect(world.db.select().from(reachNeeds).where(eq(reachNeeds.phone, phone)).get()).toBeUndefined();
  });

  it("is the customer's own: other roles and customers without a confirmed phone are refused", async () => {
    const station = createStation(world);
    await expectDomainError(() => setMyWithinReach(world.ctx(createCourier(world.db, station.carrier.id, [station.site.id])), { withinReach: "on" }), "FORBIDDEN");
    await expectDomainError(() => setMyWithinReach(world.ctx(station.admin), { withinReach: "on" }), "FORBIDDEN");
    const unconfirmed = asActor(createUser(world.db, { role: "customer" }));
    await expectDomainError(() => setMyWithinReach(world.ctx(unconfirmed), { withinReach: "on" }), "FORBIDDEN");
    await expectDomainError(() => setMyWithinReach(world.ctx(createCustomer(world.db, recipientPhone())), { withinReach: "yes" }), "INVALID");
  });
});
