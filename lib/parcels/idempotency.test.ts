import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announceParcel } from "@/lib/parcels/announce";
import { collectParcel } from "@/lib/parcels/collect";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { reserveParcel } from "@/lib/parcels/reserve";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createCarrier, createCourier, createTestWorld, pickupCodeOf, type TestWorld } from "@/lib/testing/factories";
import { createStation, deposit, parcelRow, reserveInput, transitionsOf } from "@/lib/testing/parcels";
import { countChanges, databaseSnapshot, tableCounts } from "@/lib/testing/snapshot";

/*
 * DESIGN.md: repeating an operation that already happened (a courier's retry after a lost
 * connection) returns the earlier result; it never creates a second parcel or takes a
 * second slot.
 */

let world: TestWorld;
beforeAll(() => {
  world = createTestWorld();
});
afterAll(() => world.close());

describe("a courier's retry returns the earlier result", () => {
  it("reserving the same tracking number twice gives the same parcel and door, and opens the door once", async () => {
    const station = createStation(world);
    const input = reserveInput(station.site.id, { size: "M" });
    const first = await reserveParcel(world.ctx(station.courier), input);
    const before = tableCounts(world.db);
    const opened = world.doors.opened.length;

    const again = await reserveParcel(world.ctx(station.courier), input);

    expect(again.replayed).toBe(true);
    expect(again.doorOpened).toBe(false);
    expect(again.parcel.id).toBe(first.parcel.id);
    expect(again.parcel.slot).toEqual(first.parcel.slot);
    expect(countChanges(before, tableCounts(world.db))).toEqual({});
    expect(world.doors.opened.length).toBe(opened);
  });

  it("a retry is recognised whatever the spelling of the tracking number", async () => {
    const station = createStation(world);
    const input = reserveInput(station.site.id, { trackingNumber: "zto-77881234" });
    const first = await reserveParcel(world.ctx(station.courier), input);
    const again = await reserveParcel(world.ctx(station.courier), { ...input, trackingNumber: "  ZTO-77881234 " });
    expect(again).toMatchObject({ replayed: true, parcel: { id: first.parcel.id, trackingNumber: "ZTO-77881234" } });
    // Typed in the groups it is printed in.
    const grouped = await reserveParcel(world.ctx(station.courier), { ...input, trackingNumber: "zto-7788 1234" });
    expect(grouped).toMatchObject({ replayed: true, parcel: { id: first.parcel.id } });
  });

  it("a reserve retried after the deposit returns the deposited parcel, not a new door", async () => {
    const station = createStation(world);
    const input = reserveInput(station.site.id);
    const reserved = await reserveParcel(world.ctx(station.courier), input);
    confirmDeposit(world.ctx(station.courier), { parcelId: reserved.parcel.id });
    const before = databaseSnapshot(world.db);

    const again = await reserveParcel(world.ctx(station.courier), input);

    expect(again).toMatchObject({ replayed: true, parcel: { id: reserved.parcel.id, state: "deposited" } });
    expect(databaseSnapshot(world.db)).toEqual(before);
  });

  it("another courier of the same carrier retrying the reservation gets the same parcel", async () => {
    const station = createStation(world);
    const colleague = createCourier(world.db, station.carrier.id, [station.site.id]);
    const input = reserveInput(station.site.id);
    const first = await reserveParcel(world.ctx(station.courier), input);
    const again = await reserveParcel(world.ctx(colleague), input);
    expect(again).toMatchObject({ replayed: true, parcel: { id: first.parcel.id } });
  });

  it("confirming a deposit twice keeps the first code, deadline and message", async () => {
    const station = createStation(world);
    const reserved = await reserveParcel(world.ctx(station.courier), reserveInput(station.site.id));
    const first = confirmDeposit(world.ctx(station.courier), { parcelId: reserved.parcel.id });
    const code = pickupCodeOf(world, reserved.parcel.id);
    const row = parcelRow(world.db, reserved.parcel.id);
    const before = databaseSnapshot(world.db);
    world.clock.now += 60_000;

    const again = confirmDeposit(world.ctx(station.courier), { parcelId: reserved.parcel.id });

    expect(first.replayed).toBe(false);
    expect(again.replayed).toBe(true);
    expect(again.parcel).toEqual(first.parcel);
    expect(databaseSnapshot(world.db)).toEqual(before);
    expect(parcelRow(world.db, reserved.parcel.id).pickupCodeHash).toBe(row.pickupCodeHash);
    expect(pickupCodeOf(world, reserved.parcel.id)).toBe(code);
    expect(transitionsOf(world.db, reserved.parcel.id)).toEqual(["∅→reserved", "reserved→deposited"]);
  });

  it("confirming a deposit after the parcel was collected answers with the collected parcel", async () => {
    const station = createStation(world);
    const { parcel, code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    await collectParcel(world.ctx(station.kiosk), { code, phoneLast4 });
    const before = databaseSnapshot(world.db);
    const again = confirmDeposit(world.ctx(station.courier), { parcelId: parcel.id });
    expect(again).toMatchObject({ replayed: true, parcel: { state: "collected" } });
    expect(databaseSnapshot(world.db)).toEqual(before);
  });

  it("announcing twice returns the first announcement", () => {
    const station = createStation(world);
    const input = reserveInput(station.site.id);
    const first = announceParcel(world.ctx(station.courier), input);
    const before = tableCounts(world.db);
    const again = announceParcel(world.ctx(station.courier), input);
    expect(again).toMatchObject({ replayed: true, parcel: { id: first.parcel.id } });
    expect(countChanges(before, tableCounts(world.db))).toEqual({});
  });

  it("a tracking number whose parcel was finished can be used again for a new delivery", async () => {
    const station = createStation(world);
    const input = reserveInput(station.site.id);
    const first = await reserveParcel(world.ctx(station.courier), input);
    confirmDeposit(world.ctx(station.courier), { parcelId: first.parcel.id });
    await collectParcel(world.ctx(station.kiosk), {
      code: pickupCodeOf(world, first.parcel.id),
      phoneLast4: input.recipientPhone.slice(-4),
    });

    const second = await reserveParcel(world.ctx(station.courier), input);
    expect(second.replayed).toBe(false);
    expect(second.parcel.id).not.toBe(first.parcel.id);
  });
});

describe("a tracking number that is taken elsewhere is refused", () => {
  it("the same tracking number from another carrier is a CONFLICT and creates nothing", async () => {
    const station = createStation(world);
    const other = createCourier(world.db, createCarrier(world.db, "Other Express").id, [station.site.id]);
    const input = reserveInput(station.site.id);
    await reserveParcel(world.ctx(station.courier), input);
    const before = databaseSnapshot(world.db);

    const error = await expectDomainError(() => reserveParcel(world.ctx(other), input), "CONFLICT");

    expect(error.message).toMatch(/already announced or in a locker/);
    expect(databaseSnapshot(world.db)).toEqual(before);
  });

  it("announcing another carrier's live tracking number is refused too, since it could never be reserved", async () => {
    const station = createStation(world);
    const other = createCourier(world.db, createCarrier(world.db, "Announcing Express").id, [station.site.id]);
    const input = reserveInput(station.site.id);
    await reserveParcel(world.ctx(station.courier), input);
    const before = databaseSnapshot(world.db);

    const error = await expectDomainError(() => announceParcel(world.ctx(other), input), "CONFLICT");

    expect(error.message).toMatch(/already announced or in a locker/);
    expect(databaseSnapshot(world.db)).toEqual(before);
  });

  it("a parcel live at another site is a CONFLICT, not a second door", async () => {
    const here = createStation(world);
    const there = createStation(world, { organizationId: here.organizationId });
    const courier = createCourier(world.db, here.carrier.id, [here.site.id, there.site.id]);
    const input = reserveInput(here.site.id);
    await reserveParcel(world.ctx(courier), input);
    const before = databaseSnapshot(world.db);

    const error = await expectDomainError(() => reserveParcel(world.ctx(courier), { ...input, siteId: there.site.id }), "CONFLICT");

    expect(error.message).toMatch(/already announced or in a locker/);
    expect(databaseSnapshot(world.db)).toEqual(before);
  });

  it("announcing a tracking number that is already in a locker is a CONFLICT", async () => {
    const station = createStation(world);
    const input = reserveInput(station.site.id);
    await reserveParcel(world.ctx(station.courier), input);
    const before = databaseSnapshot(world.db);
    await expectDomainError(() => announceParcel(world.ctx(station.courier), input), "CONFLICT");
    expect(databaseSnapshot(world.db)).toEqual(before);
  });
});
