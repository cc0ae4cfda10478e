import { afterAll, describe, expect, test } from "vitest";
import { collectParcel } from "@/lib/parcels/collect";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createAdmin, createKiosk, createTestWorld, pickupCodeOf } from "@/lib/testing/factories";
import { createStation, deposit, freeSlotIds, reserve } from "@/lib/testing/parcels";
import { eq } from "drizzle-orm";
import { slots } from "@/db/schema";
import { HELD_DOOR_REASON } from "@/lib/doors/hold";
import { returnSlotToService, setSlotOutOfService } from "@/lib/slots/admin-slots";
import { DOOR_RETRY, retryCollectedDoor, retryTakeBackDoor } from "./retry-door";
import { confirmTakeBack, takeBackParcel } from "./take-back";

const world = createTestWorld();
afterAll(() => world.close());

/** A parcel collected at its station's kiosk while the lock board did not answer. */
async function collectedBehindStuckDoor() {
  const station = createStation(world);
  const { parcel } = await deposit(world, station.courier, station.site.id);
  const kiosk = world.ctx(station.kiosk);
  world.doors.failNext = 1;
  const collected = await collectParcel(kiosk, { code: pickupCodeOf(world, parcel.id), phoneLast4: parcel.recipientPhone.slice(-4) });
  expect(collected.doorOpened).toBe(false);
  return { station, parcel, kiosk };
}

const doorEvents = (parcelId: number) =>
  (world.db.$client.prepare("select kind from door_events where parcel_id = ? order by id").all(parcelId) as { kind: string }[]).map((e) => e.kind);

describe("trying a stuck door again at the kiosk", () => {
  test("a door that did not open is recorded, and the kiosk may open it again", async () => {
    const { parcel, kiosk } = await collectedBehindStuckDoor();
    expect(doorEvents(parcel.id).slice(-2)).toEqual(["open_command", "open_failed"]);
    const opened = world.doors.opened.length;
    const retried = await retryCollectedDoor(kiosk, { parcelId: parcel.id });
    expect(retried).toMatchObject({ doorOpened: true, canRetry: false, slot: { label: parcel.slot!.label } });
    expect(world.doors.opened.length).toBe(opened + 1);
    // Opened now: no further opens from the kiosk.
    await expectDomainError(() => retryCollectedDoor(kiosk, { parcelId: parcel.id }), "NOT_FOUND");
  });

  test(`at most ${DOOR_RETRY.maxOpens} opens in all, then the customer must call`, async () => {
    const { parcel, kiosk } = await collectedBehindStuckDoor();
    world.doors.failNext = 10;
    try {
      expect((await retryCollectedDoor(kiosk, { parcelId: parcel.id })).canRetry).toBe(true);
      expect((await retryCollectedDoor(kiosk, { parcelId: parcel.id })).canRetry).toBe(false);
      await expectDomainError(() => retryCollectedDoor(kiosk, { parcelId: parcel.id }), "NOT_FOUND");
    } finally {
      world.doors.failNext = 0;
    }
    expect(doorEvents(parcel.id).filter((kind) => kind === "open_command")).toHaveLength(1 + DOOR_RETRY.maxOpens);
  });

  test("only soon after the collection, only at its site, never a door that already holds another parcel", async () => {
    const late = await collectedBehindStuckDoor();
    world.clock.now += DOOR_RETRY.windowMs + 1;
    try {
      await expectDomainError(() => retryCollectedDoor(late.kiosk, { parcelId: late.parcel.id }), "NOT_FOUND");
    } finally {
      world.clock.now -= DOOR_RETRY.windowMs + 1;
    }

    const elsewhere = await collectedBehindStuckDoor();
    const otherSiteKiosk = world.ctx(createKiosk(world.db, createStation(world).site.id));
    await expectDomainError(() => retryCollectedDoor(otherSiteKiosk, { parcelId: elsewhere.parcel.id }), "NOT_FOUND");

    // An admin put the held door back and it went to the next parcel: it must not open for
    // the last customer.
    const reused = await collectedBehindStuckDoor();
    returnSlotToService(world.ctx(createAdmin(world.db, reused.station.organizationId)), { slotId: reused.parcel.slot!.id });
    let next;
    do next = await reserve(world, reused.station.courier, reused.station.site.id);
    while (next.parcel.slot!.id !== reused.parcel.slot!.id && next.parcel.slot);
    await expectDomainError(() => retryCollectedDoor(reused.kiosk, { parcelId: reused.parcel.id }), "NOT_FOUND");
  });

  test("only the kiosk that collected it: another kiosk of the same site gets the answer for an unknown request", async () => {
    const { station, parcel, kiosk } = await collectedBehindStuckDoor();
    const neighbour = world.ctx(createKiosk(world.db, station.site.id));
    const refused = await expectDomainError(() => retryCollectedDoor(neighbour, { parcelId: parcel.id }), "NOT_FOUND");
    const unknown = await expectDomainError(() => retryCollectedDoor(neighbour, { parcelId: 999_999_999 }), "NOT_FOUND");
    expect(refused.message).toBe(unknown.message);
    expect(doorEvents(parcel.id).slice(-1)).toEqual(["open_failed"]);
    // The kiosk the customer stands at still may.
    expect((await retryCollectedDoor(kiosk, { parcelId: parcel.id })).doorOpened).toBe(true);
  });

  test("a parcel collected normally, or never collected, cannot be opened again; couriers cannot call it", async () => {
    const station = createStation(world);
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const kiosk = world.ctx(station.kiosk);
    await expectDomainError(() => retryCollectedDoor(kiosk, { parcelId: parcel.id }), "NOT_FOUND");
    await collectParcel(kiosk, { code: pickupCodeOf(world, parcel.id), phoneLast4: parcel.recipientPhone.slice(-4) });
    await expectDomainError(() => retryCollectedDoor(kiosk, { parcelId: parcel.id }), "NOT_FOUND");
    await expectDomainError(() => retryCollectedDoor(world.ctx(station.courier), { parcelId: parcel.id }), "FORBIDDEN");
  });
});

describe("trying a stuck door again after a take-back", () => {
  const HOUR_MS = 3_600_000;

  /** An expired parcel taken back by its courier while the lock board did not answer. */
  async function takenBackBehindStuckDoor() {
    const station = createStation(world, { holdPeriodHours: 1 });
    const { parcel } = await deposit(world, station.courier, station.site.id);
    world.clock.now += HOUR_MS;
    world.doors.failNext = 1;
    const result = await takeBackParcel(world.ctx(station.courier), { parcelId: parcel.id });
    expect(result).toMatchObject({ doorOpened: false, parcel: { state: "expired" } });
    return { station, parcel, courier: world.ctx(station.courier) };
  }

  test("the courier who took it back may open the door again, until it opens", async () => {
    const { parcel, courier } = await takenBackBehindStuckDoor();
    world.doors.failNext = 1;
    try {
      expect(await retryTakeBackDoor(courier, { parcelId: parcel.id })).toMatchObject({ doorOpened: false, canRetry: true });
    } finally {
      world.doors.failNext = 0;
    }
    const opened = world.doors.opened.length;
    expect(await retryTakeBackDoor(courier, { parcelId: parcel.id })).toMatchObject({
      doorOpened: true,
      canRetry: false,
      slot: { label: parcel.slot!.label },
    });
    expect(world.doors.opened.length).toBe(opened + 1);
    expect(doorEvents(parcel.id).slice(-2)).toEqual(["open_failed", "open_command"]);
    await expectDomainError(() => retryTakeBackDoor(courier, { parcelId: parcel.id }), "NOT_FOUND");
    // Opened at the retry: now the courier may confirm the parcel is out.
    expect(confirmTakeBack(courier, { parcelId: parcel.id }).parcel.state).toBe("returned");
  });

  test("until the door opens, the courier cannot confirm the parcel is out, and the door stays taken", async () => {
    const { station, parcel, courier } = await takenBackBehindStuckDoor();
    await expectDomainError(() => confirmTakeBack(courier, { parcelId: parcel.id }), "INVALID_TRANSITION");
    expect(freeSlotIds(world.db, station.site.id)).not.toContain(parcel.slot!.id);
  });

  test("not for another carrier's courier, a kiosk, or once the moment has passed", async () => {
    const { parcel, courier } = await takenBackBehindStuckDoor();
    const stranger = world.ctx(createStation(world).courier);
    await expectDomainError(() => retryTakeBackDoor(stranger, { parcelId: parcel.id }), "NOT_FOUND");
    await expectDomainError(() => retryTakeBackDoor(world.ctx(createStation(world).kiosk), { parcelId: parcel.id }), "UNAUTHENTICATED");
    world.clock.now += DOOR_RETRY.windowMs + 1;
    await expectDomainError(() => retryTakeBackDoor(courier, { parcelId: parcel.id }), "NOT_FOUND");
  });

  test("a door that opened at the take-back is not opened again", async () => {
    const station = createStation(world, { holdPeriodHours: 1 });
    const { parcel } = await deposit(world, station.courier, station.site.id);
    world.clock.now += HOUR_MS;
    await takeBackParcel(world.ctx(station.courier), { parcelId: parcel.id });
    await expectDomainError(() => retryTakeBackDoor(world.ctx(station.courier), { parcelId: parcel.id }), "NOT_FOUND");
  });
});

describe("a door that did not open for a pickup is held out of service", () => {
  const slotOf = (slotId: number) => world.db.select().from(slots).where(eq(slots.id, slotId)).get()!;

  test("after a collection, no courier is sent there until it opens at a retry", async () => {
    const { station, parcel, kiosk } = await collectedBehindStuckDoor();
    expect(slotOf(parcel.slot!.id)).toMatchObject({ inService: false, outOfServiceReason: HELD_DOOR_REASON });
    expect(freeSlotIds(world.db, station.site.id)).not.toContain(parcel.slot!.id);
    await retryCollectedDoor(kiosk, { parcelId: parcel.id });
    expect(slotOf(parcel.slot!.id)).toMatchObject({ inService: true, outOfServiceReason: null });
  });

  test("a take-back needs no hold (its parcel still fills the door); a reason an admin gave is never lifted by a retry", async () => {
    const station = createStation(world, { holdPeriodHours: 1 });
    const { parcel } = await deposit(world, station.courier, station.site.id);
    world.clock.now += 3_600_000;
    world.doors.failNext = 1;
    await takeBackParcel(world.ctx(station.courier), { parcelId: parcel.id });
    expect(slotOf(parcel.slot!.id)).toMatchObject({ inService: true, outOfServiceReason: null });
    expect(freeSlotIds(world.db, station.site.id)).not.toContain(parcel.slot!.id);

    const admin = world.ctx(createAdmin(world.db, station.organizationId));
    setSlotOutOfService(admin, { slotId: parcel.slot!.id, reason: "Hinge loose" });
    await retryTakeBackDoor(world.ctx(station.courier), { parcelId: parcel.id });
    expect(slotOf(parcel.slot!.id)).toMatchObject({ inService: false, outOfServiceReason: "Hinge loose" });
  });
});
