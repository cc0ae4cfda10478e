import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockers, slots, type SlotSize } from "@/db/schema";
import type { SiteFullDetails } from "@/lib/parcels/reserve";
import { distanceKm } from "@/lib/distance";
import { freeSlotsBySite, nearestSitesWithRoom } from "@/lib/slots/assignment";
import { reachOfRow } from "@/lib/slots/sizes";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createCourier, createLocker, createOrganization, createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { createStation, eventsOf, reserve, slotRow, type Station } from "@/lib/testing/parcels";
import { databaseSnapshot } from "@/lib/testing/snapshot";
import { layoutByRow } from "@/lib/sites/layout";

let world: TestWorld;
beforeAll(() => {
  world = createTestWorld();
});
afterAll(() => world.close());

const column = (...sizes: SlotSize[]) => sizes.map((size) => [size]);

function takeOutOfService(slotId: number, reason = "door sensor fault") {
  world.db.update(slots).set({ inService: false, outOfServiceReason: reason }).where(eq(slots.id, slotId)).run();
}

function slotsOf(station: Station) {
  return world.db.select().from(slots).where(eq(slots.siteId, station.site.id)).all();
}

describe("best fit", () => {
  it("gives each parcel the smallest door that fits", async () => {
    const station = createStation(world, { layout: column("XL", "L", "M", "S") });
    for (const size of ["M", "S", "XL", "L"] as const) {
      const { parcel } = await reserve(world, station.courier, station.site.id, { size });
      expect(parcel.slot!.size).toBe(size);
      expect(parcel.upsized).toBe(false);
    }
  });

  it("upsizes to the next size that has a door when the fitting size is full, and records it", async () => {
    const station = createStation(world, { layout: column("S", "M", "L", "XL") });
    const medium = await reserve(world, station.courier, station.site.id, { size: "M" });
    expect(medium.parcel.slot!.size).toBe("M");

    const upsized = await reserve(world, station.courier, station.site.id, { size: "M" });
    expect(upsized.parcel).toMatchObject({ size: "M", upsized: true, slot: { size: "L" } });
    expect(eventsOf(world.db, upsized.parcel.id)[0].detail).toMatchObject({ upsized: true, size: "M", slotSize: "L" });

    const again = await reserve(world, station.courier, station.site.id, { size: "M" });
    expect(again.parcel).toMatchObject({ upsized: true, slot: { size: "XL" } });

    // A free S door does not help an M parcel.
    const error = await expectDomainError<SiteFullDetails>(() => reserve(world, station.courier, station.site.id, { size: "M" }), "SITE_FULL");
    expect(error.details!.size).toBe("M");
    const small = await reserve(world, station.courier, station.site.id, { size: "S" });
    expect(small.parcel).toMatchObject({ upsized: false, slot: { size: "S" } });
  });

  it("fills the middle rows first, then works outwards", async () => {
    const station = createStation(world, { layout: layoutByRow(["M", "M", "M", "M", "M"], 1) });
    const rows: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { parcel } = await reserve(world, station.courier, station.site.id, { size: "M" });
      rows.push(parcel.slot!.row);
    }
    expect(rows.slice(0, 1)).toEqual([3]);
    expect(rows.slice(1, 3).sort()).toEqual([2, 4]);
    expect(rows.slice(3).sort()).toEqual([1, 5]);
  });

  it("a smaller door out of reach beats a larger one at chest height", async () => {
    // Row 1 (top) holds the only S door; row 3 (middle) holds an M door.
    const station = createStation(world, { layout: column("S", "M", "M", "M", "M") });
    const { parcel } = await reserve(world, station.courier, station.site.id, { size: "S" });
    expect(parcel.slot).toMatchObject({ size: "S", row: 1 });
  });

  it("the reach of a row grows away from the middle of the cabinet", () => {
    expect([1, 2, 3, 4, 5].map((row) => reachOfRow(row, 5))).toEqual([2, 1, 0, 1, 2]);
    expect([1, 2, 3, 4, 5, 6].map((row) => reachOfRow(row, 6))).toEqual([2, 1, 0, 0, 1, 2]);
  });

  it("breaks ties between cabinets in a stable order", async () => {
    const station = createStation(world, { layout: column("S") });
    createLocker(world.db, station.site.id, column("S"), "A");
    createLocker(world.db, station.site.id, column("S"), "Z");
    const first = await reserve(world, station.courier, station.site.id, { size: "S" });
    expect(first.parcel.slot!.lockerCode).toBe("A");
  });

  it("orders by the locker's code as the database keeps it on each door, whatever a writer puts there", async () => {
    const station = createStation(world, { layout: column("S") });
    const b = createLocker(world.db, station.site.id, column("S"), "B");
    const codesOf = (lockerId: number) => world.db.select({ code: slots.lockerCode }).from(slots).where(eq(slots.lockerId, lockerId)).all();
    expect(codesOf(b.id)).toEqual([{ code: "B" }]);
    // A wrong copy is put right, and a renamed locker takes its doors' copies with it.
    world.db.update(slots).set({ lockerCode: "0" }).where(eq(slots.lockerId, b.id)).run();
    expect(codesOf(b.id)).toEqual([{ code: "B" }]);
    world.db.update(lockers).set({ code: "0B" }).where(eq(lockers.id, b.id)).run();
    expect(codesOf(b.id)).toEqual([{ code: "0B" }]);
    const first = await reserve(world, station.courier, station.site.id, { size: "S" });
    expect(first.parcel.slot!.lockerCode).toBe("0B");
  });
});

describe("doors out of service", () => {
  it("are never assigned, even when they are the best fit", async () => {
    const station = createStation(world, { layout: column("S", "S", "M") });
    const [s1, s2, m] = slotsOf(station).sort((a, b) => a.row - b.row);
    takeOutOfService(s1.id);
    takeOutOfService(s2.id);

    const { parcel } = await reserve(world, station.courier, station.site.id, { size: "S" });
    expect(parcel.slot!.id).toBe(m.id);
    expect(parcel.upsized).toBe(true);

    // The two broken doors are free but unusable: the site is full.
    await expectDomainError(() => reserve(world, station.courier, station.site.id, { size: "S" }), "SITE_FULL");
    expect(freeSlotsBySite(world.ctx({ kind: "system" }), [station.site.id]).get(station.site.id)).toEqual({ S: 0, M: 0, L: 0, XL: 0 });
  });

  it("come back into use when repaired", async () => {
    const station = createStation(world, { layout: column("S") });
    const [door] = slotsOf(station);
    takeOutOfService(door.id);
    await expectDomainError(() => reserve(world, station.courier, station.site.id), "SITE_FULL");
    world.db.update(slots).set({ inService: true, outOfServiceReason: null }).where(eq(slots.id, door.id)).run();
    const { parcel } = await reserve(world, station.courier, station.site.id);
    expect(parcel.slot!.id).toBe(door.id);
    expect(slotRow(world.db, door.id).inService).toBe(true);
  });
});

describe("a full site", () => {
  // Zijingang campus, Hangzhou. 0.01° of latitude is about 1.11 km.
  const ORIGIN = { latitude: 30.3, longitude: 120.08 };
  const north = (km: number) => ({ latitude: ORIGIN.latitude + km / 111.2, longitude: ORIGIN.longitude });

  it("answers SITE_FULL with the nearest open sites of the same organization that have room, nearest first", async () => {
    const organizationId = createOrganization(world.db, "Zhejiang University").id;
    const origin = createStation(world, { organizationId, layout: column("L"), ...ORIGIN, name: "Origin" });
    const site = (km: number, layout: SlotSize[][], options: { status?: "closed"; organizationId?: number } = {}) =>
      createStation(world, { organizationId: options.organizationId ?? organizationId, layout, status: options.status, ...north(km) });

    const far = site(3.3, column("L"));
    const near = site(1.1, column("XL"));
    const middle = site(2.2, column("S", "L"));
    const farthest = site(4.4, column("L"));
    const closed = site(0.5, column("L"), { status: "closed" });
    const otherOrganization = site(0.3, column("L"), { organizationId: createOrganization(world.db, "Other Campus").id });
    const onlySmallDoors = site(0.6, column("S", "M"));
    const broken = site(0.7, column("L"));
    takeOutOfService(slotsOf(broken)[0].id);
    const alreadyFull = site(0.8, column("L"));
    await reserve(world, alreadyFull.courier, alreadyFull.site.id, { size: "L" });

    await reserve(world, origin.courier, origin.site.id, { size: "L" });
    const before = databaseSnapshot(world.db);
    const error = await expectDomainError<SiteFullDetails>(() => reserve(world, origin.courier, origin.site.id, { size: "L" }), "SITE_FULL");

    expect(databaseSnapshot(world.db)).toEqual(before);
    const alternatives = error.details!.alternatives;
    const byDistance = [near, middle, far, farthest].map((station) => station.site.id);
    expect(alternatives.length).toBeGreaterThanOrEqual(3);
    expect(alternatives.map((alternative) => alternative.siteId)).toEqual(byDistance.slice(0, alternatives.length));
    expect(alternatives[0]).toMatchObject({ code: near.site.code, name: near.site.name, free: { XL: 1 } });
    expect(alternatives[0].distanceKm).toBeCloseTo(distanceKm(ORIGIN, north(1.1)), 1);
    expect(alternatives[0].distanceKm).toBeGreaterThan(1.05);
    expect(alternatives[0].distanceKm).toBeLessThan(1.15);
    const never = [closed, otherOrganization, onlySmallDoors, broken, alreadyFull].map((station) => station.site.id);
    for (const alternative of alternatives) expect(never).not.toContain(alternative.siteId);

    // For a small parcel the site with only small doors is the nearest with room.
    const forSmall = nearestSitesWithRoom(world.ctx({ kind: "system" }), origin.site.id, 1);
    expect(forSmall[0].siteId).toBe(onlySmallDoors.site.id);
    expect(forSmall.map((alternative) => alternative.siteId)).not.toContain(otherOrganization.site.id);
    expect(forSmall.map((alternative) => alternative.siteId)).not.toContain(closed.site.id);
  });
});

describe("a closed site", () => {
  it("takes no deposits: SITE_CLOSED and nothing is written", async () => {
    const station = createStation(world, { status: "closed" });
    const before = databaseSnapshot(world.db);
    const error = await expectDomainError(() => reserve(world, station.courier, station.site.id), "SITE_CLOSED");
    expect(error.message).toContain(station.site.name);
    expect(databaseSnapshot(world.db)).toEqual(before);
  });

  it("an unknown site is NOT_FOUND", async () => {
    const station = createStation(world);
    const courier = createCourier(world.db, station.carrier.id, [station.site.id]);
    await expectDomainError(() => reserve(world, courier, 987_654), "NOT_FOUND");
  });
});
