import { afterAll, describe, expect, test } from "vitest";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createCourier, createCustomer, createTestWorld } from "@/lib/testing/factories";
import { createStation, deposit, eventsOf, freeSlotIds, HOUR_MS, parcelRow, reserve, transitionsOf } from "@/lib/testing/parcels";
import { databaseSnapshot } from "@/lib/testing/snapshot";
import { confirmTakeBack, takeBackParcel } from "./take-back";

const world = createTestWorld();
afterAll(() => world.close());

const ONE_DOOR = [["S"]] as ["S"][];

/** A one-door station whose only parcel has expired, ready to be taken back. */
async function expiredInTheOnlyDoor() {
  const station = createStation(world, { holdPeriodHours: 1, layout: ONE_DOOR });
  const { parcel } = await deposit(world, station.courier, station.site.id);
  world.clock.now += HOUR_MS;
  return { station, parcel, courier: world.ctx(station.courier) };
}

describe("opening the door for a take-back", () => {
  test("leaves the parcel expired and its door taken, with an event saying the door opened for it", async () => {
    const { station, parcel, courier } = await expiredInTheOnlyDoor();
    const opened = world.doors.opened.length;

    const result = await takeBackParcel(courier, { parcelId: parcel.id });

    expect(result).toMatchObject({ replayed: false, doorOpened: true, parcel: { state: "expired", closedAt: null } });
    expect(world.doors.opened.slice(opened).map((door) => door.slotLabel)).toEqual([parcel.slot!.label]);
    expect(parcelRow(world.db, parcel.id)).toMatchObject({ state: "expired", slotId: parcel.slot!.id });
    expect(freeSlotIds(world.db, station.site.id)).toEqual([]);
    expect(transitionsOf(world.db, parcel.id).at(-1)).toBe("deposited→expired");
    expect(eventsOf(world.db, parcel.id).slice(-2)).toMatchObject([
      { kind: "take_back_started", from: null, to: null, actorUserId: station.courier.userId },
      { kind: "door_opened", detail: { for: "take back", slot: parcel.slot!.label } },
    ]);
  });

  test("a reserve while the take-back is under way, or after it, cannot get the door until the courier confirms", async () => {
    const { station, parcel, courier } = await expiredInTheOnlyDoor();
    // The open command is on its way to the controller (committed, not yet answered).
    const opening = takeBackParcel(courier, { parcelId: parcel.id });
    await expectDomainError(() => reserve(world, station.courier, station.site.id), "SITE_FULL");
    expect((await opening).doorOpened).toBe(true);
    await expectDomainError(() => reserve(world, station.courier, station.site.id), "SITE_FULL");

    confirmTakeBack(courier, { parcelId: parcel.id });

    const next = await reserve(world, station.courier, station.site.id);
    expect(next.parcel.slot!.id).toBe(parcel.slot!.id);
  });
});

describe("confirming the parcel is out", () => {
  test("returns the parcel and frees its door in one step, with its event", async () => {
    const { station, parcel, courier } = await expiredInTheOnlyDoor();
    await takeBackParcel(courier, { parcelId: parcel.id });

    const result = confirmTakeBack(courier, { parcelId: parcel.id });

    expect(result).toMatchObject({ replayed: false, parcel: { state: "returned", closedAt: world.clock.now } });
    expect(freeSlotIds(world.db, station.site.id)).toEqual([parcel.slot!.id]);
    expect(eventsOf(world.db, parcel.id).at(-1)).toMatchObject({
      kind: "returned",
      from: "expired",
      to: "returned",
      actorUserId: station.courier.userId,
      slotId: parcel.slot!.id,
    });
  });

  test("a retry returns the earlier result and writes nothing", async () => {
    const { parcel, courier } = await expiredInTheOnlyDoor();
    await takeBackParcel(courier, { parcelId: parcel.id });
    const first = confirmTakeBack(courier, { parcelId: parcel.id });
    const before = databaseSnapshot(world.db);
    world.clock.now += 60_000;

    const again = confirmTakeBack(courier, { parcelId: parcel.id });

    expect(again).toEqual({ ...first, replayed: true });
    expect(databaseSnapshot(world.db)).toEqual(before);
  });

  test("is refused before the door was opened for it, and for a parcel not expired", async () => {
    const { station, parcel, courier } = await expiredInTheOnlyDoor();
    const error = await expectDomainError(() => confirmTakeBack(courier, { parcelId: parcel.id }), "INVALID_TRANSITION");
    expect(error.message).toMatch(/Open the door/);

    const other = createStation(world);
    const waiting = await deposit(world, other.courier, other.site.id);
    await expectDomainError(() => confirmTakeBack(world.ctx(other.courier), { parcelId: waiting.parcel.id }), "INVALID_TRANSITION");
    expect(parcelRow(world.db, parcel.id).state).toBe("deposited");
    expect(freeSlotIds(world.db, station.site.id)).toEqual([]);
  });

  test("another carrier's courier sees no such parcel; a colleague must open the door themselves; other roles are refused", async () => {
    const { station, parcel, courier } = await expiredInTheOnlyDoor();
    await takeBackParcel(courier, { parcelId: parcel.id });
    const rival = world.ctx(createStation(world, { organizationId: station.organizationId }).courier);
    const colleague = world.ctx(createCourier(world.db, station.carrier.id, [station.site.id]));
    const customer = world.ctx(createCustomer(world.db, parcel.recipientPhone));
    const before = databaseSnapshot(world.db);

    await expectDomainError(() => takeBackParcel(rival, { parcelId: parcel.id }), "NOT_FOUND");
    await expectDomainError(() => confirmTakeBack(rival, { parcelId: parcel.id }), "NOT_FOUND");
    const error = await expectDomainError(() => confirmTakeBack(colleague, { parcelId: parcel.id }), "FORBIDDEN");
    expect(error.message).toMatch(/Another courier opened the door/);
    await expectDomainError(() => confirmTakeBack(world.ctx(station.admin), { parcelId: parcel.id }), "FORBIDDEN");
    await expectDomainError(() => confirmTakeBack(customer, { parcelId: parcel.id }), "FORBIDDEN");
    await expectDomainError(() => confirmTakeBack(world.ctx(station.kiosk), { parcelId: parcel.id }), "UNAUTHENTICATED");
    expect(databaseSnapshot(world.db)).toEqual(before);

    // Once the colleague opened the door themselves, the confirmation is theirs to give.
    await takeBackParcel(colleague, { parcelId: parcel.id });
    await expectDomainError(() => confirmTakeBack(courier, { parcelId: parcel.id }), "FORBIDDEN");
    expect(confirmTakeBack(colleague, { parcelId: parcel.id }).parcel.state).toBe("returned");
  });
});
