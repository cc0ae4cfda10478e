import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PARCEL_STATES, type ParcelState } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { announceParcel } from "@/lib/parcels/announce";
import { cancelParcel } from "@/lib/parcels/cancel";
import { collectParcel } from "@/lib/parcels/collect";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { extendHold, HOLD_EXTENSION_MS } from "@/lib/parcels/extend-hold";
import { assertTransition, canTransition } from "@/lib/parcels/lifecycle";
import { reportSlotFault } from "@/lib/parcels/reassign";
import { reserveParcel } from "@/lib/parcels/reserve";
import { expireOverdueParcels, RESERVATION_MS, runParcelSweep } from "@/lib/parcels/sweep";
import { confirmTakeBack, takeBackParcel } from "@/lib/parcels/take-back";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createCustomer, createTestWorld, type TestWorld } from "@/lib/testing/factories";
import {
  HOUR_MS,
  createStation,
  deposit,
  eventsOf,
  freeSlotIds,
  parcelRow,
  reserve,
  reserveInput,
  takeBack,
  transitionsOf,
} from "@/lib/testing/parcels";
import { countChanges, databaseSnapshot, tableCounts } from "@/lib/testing/snapshot";

let world: TestWorld;
beforeAll(() => {
  world = createTestWorld();
});
afterAll(() => world.close());

const system = () => world.ctx({ kind: "system" });

/** One S door only: the site is full after one reservation. */
const ONE_DOOR = [["S"]] as ["S"][];

describe("every arrow of the lifecycle writes its event", () => {
  it("announce → reserve: the pre-advised parcel gets a door and keeps its id", async () => {
    const station = createStation(world);
    const courierCtx = world.ctx(station.courier);
    const input = reserveInput(station.site.id, { size: "M" });

    const announced = announceParcel(courierCtx, input);
    expect(announced.parcel.state).toBe("announced");
    expect(announced.parcel.slot).toBeNull();

    const reserved = await reserveParcel(courierCtx, input);
    expect(reserved.parcel.id).toBe(announced.parcel.id);
    expect(reserved.parcel.state).toBe("reserved");
    expect(reserved.parcel.slot?.size).toBe("M");
    expect(reserved.parcel.reservedUntil).toBe(world.clock.now + RESERVATION_MS);
    expect(reserved.doorOpened).toBe(true);
    expect(transitionsOf(world.db, announced.parcel.id)).toEqual(["∅→announced", "announced→reserved"]);
    const [, reserveEvent] = eventsOf(world.db, announced.parcel.id);
    expect(reserveEvent).toMatchObject({ slotId: reserved.parcel.slot!.id, actorKind: "user", actorUserId: station.courier.userId });
  });

  it("reserve → deposit: issues a code, starts the hold period and queues the recipient's message", async () => {
    const station = createStation(world, { holdPeriodHours: 48 });
    const reserved = await reserve(world, station.courier, station.site.id, { recipientEmail: "li.lei@example.com" });
    const before = tableCounts(world.db);

    const { parcel, replayed } = confirmDeposit(world.ctx(station.courier), { parcelId: reserved.parcel.id });

    expect(replayed).toBe(false);
    expect(parcel.state).toBe("deposited");
    expect(parcel.depositedAt).toBe(world.clock.now);
    expect(parcel.expiresAt).toBe(world.clock.now + 48 * HOUR_MS);
    expect(parcel.reservedUntil).toBeNull();
    const row = parcelRow(world.db, parcel.id);
    expect(row.pickupCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.pickupCodeCipher).toBeTruthy();
    expect(transitionsOf(world.db, parcel.id)).toEqual(["∅→reserved", "reserved→deposited"]);
    // One SMS and one email, and the door-closed confirmation.
    expect(countChanges(before, tableCounts(world.db))).toEqual({ parcel_events: 1, notifications: 2, door_events: 1 });
    const kinds = world.db.$client
      .prepare("select kind, channel from notifications where parcel_id = ? order by channel")
      .all(parcel.id);
    expect(kinds).toEqual([
      { kind: "parcel_deposited", channel: "email" },
      { kind: "parcel_deposited", channel: "sms" },
    ]);
  });

  it("deposit → collect: the right code at the kiosk opens the door and frees it", async () => {
    const station = createStation(world);
    const { parcel, code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    const freeBefore = freeSlotIds(world.db, station.site.id);
    const opened = world.doors.opened.length;

    const result = await collectParcel(world.ctx(station.kiosk), { code, phoneLast4 });

    expect(result.parcelId).toBe(parcel.id);
    expect(result.slot.label).toBe(parcel.slot!.label);
    expect(result.doorOpened).toBe(true);
    expect(world.doors.opened.slice(opened).map((door) => door.slotLabel)).toEqual([parcel.slot!.label]);
    const row = parcelRow(world.db, parcel.id);
    expect(row.state).toBe("collected");
    expect(row.closedAt).toBe(world.clock.now);
    expect(transitionsOf(world.db, parcel.id)).toEqual(["∅→reserved", "reserved→deposited", "deposited→collected"]);
    expect(eventsOf(world.db, parcel.id).at(-1)).toMatchObject({ actorKind: "kiosk", slotId: parcel.slot!.id });
    expect(freeSlotIds(world.db, station.site.id)).toEqual([...freeBefore, parcel.slot!.id].sort((a, b) => a - b));
  });

  it("deposit → expired by the sweep: exactly at the deadline, not a millisecond earlier", async () => {
    const station = createStation(world, { holdPeriodHours: 24 });
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const start = world.clock.now;
    try {
      world.clock.now = parcel.expiresAt! - 1;
      expect(runParcelSweep(system()).expired).toBe(0);
      expect(parcelRow(world.db, parcel.id).state).toBe("deposited");

      world.clock.now = parcel.expiresAt!;
      const swept = runParcelSweep(system());
      expect(swept.expired).toBe(1);
      expect(parcelRow(world.db, parcel.id).state).toBe("expired");
      const last = eventsOf(world.db, parcel.id).at(-1)!;
      expect(last).toMatchObject({ from: "deposited", to: "expired", actorKind: "system", slotId: parcel.slot!.id });
      const messages = world.db.$client
        .prepare("select kind from notifications where parcel_id = ? order by id")
        .pluck()
        .all(parcel.id);
      // The sweep a millisecond before the deadline queued the day-before reminder, once.
      expect(messages).toEqual(["parcel_deposited", "pickup_reminder", "parcel_expired"]);
      // The expired parcel still occupies its door until a courier takes it back.
      expect(freeSlotIds(world.db, station.site.id)).not.toContain(parcel.slot!.id);
      // A second sweep finds nothing more to do.
      expect(runParcelSweep(system()).expired).toBe(0);
    } finally {
      world.clock.now = start;
    }
  });

  it("deposit → expired by expireOverdueParcels, limited to the site it is given", async () => {
    const here = createStation(world, { holdPeriodHours: 1 });
    const there = createStation(world, { holdPeriodHours: 1 });
    const mine = await deposit(world, here.courier, here.site.id);
    const theirs = await deposit(world, there.courier, there.site.id);
    const start = world.clock.now;
    try {
      world.clock.now += HOUR_MS;
      const count = writeTransaction(world.db, () => expireOverdueParcels(system(), here.site.id));
      expect(count).toBe(1);
      expect(parcelRow(world.db, mine.parcel.id).state).toBe("expired");
      expect(parcelRow(world.db, theirs.parcel.id).state).toBe("deposited");
      expect(transitionsOf(world.db, mine.parcel.id).at(-1)).toBe("deposited→expired");
    } finally {
      world.clock.now = start;
    }
  });

  it("deposit → expired lazily at the kiosk: the overdue parcel's code says it expired and it stays shut", async () => {
    const station = createStation(world, { holdPeriodHours: 24 });
    const { parcel, code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    const start = world.clock.now;
    try {
      world.clock.now = parcel.expiresAt! + 1;
      const opened = world.doors.opened.length;
      const error = await expectDomainError(() => collectParcel(world.ctx(station.kiosk), { code, phoneLast4 }), "PARCEL_EXPIRED");

      expect(error.message).toContain(station.carrier.name);
      expect(world.doors.opened.length).toBe(opened);
      // The expiry is committed even though the kiosk answered with an error.
      expect(parcelRow(world.db, parcel.id).state).toBe("expired");
      expect(eventsOf(world.db, parcel.id).at(-1)).toMatchObject({ from: "deposited", to: "expired", actorKind: "kiosk" });
      const attempts = world.db.$client
        .prepare("select outcome, parcel_id as parcelId from pickup_attempts where kiosk_id = ?")
        .all(station.kiosk.kioskId);
      expect(attempts).toEqual([{ outcome: "expired", parcelId: parcel.id }]);
    } finally {
      world.clock.now = start;
    }
  });

  it("expired → returned: the courier opens the door, confirms the parcel is out, and the door is free again", async () => {
    const station = createStation(world, { holdPeriodHours: 1 });
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const start = world.clock.now;
    try {
      world.clock.now += HOUR_MS;
      runParcelSweep(system());
      const opened = world.doors.opened.length;

      const result = await takeBackParcel(world.ctx(station.courier), { parcelId: parcel.id });

      expect(result).toMatchObject({ replayed: false, doorOpened: true });
      expect(result.parcel.state).toBe("expired");
      expect(world.doors.opened.slice(opened).map((door) => door.slotLabel)).toEqual([parcel.slot!.label]);
      expect(freeSlotIds(world.db, station.site.id)).not.toContain(parcel.slot!.id);

      const confirmed = confirmTakeBack(world.ctx(station.courier), { parcelId: parcel.id });
      expect(confirmed.parcel.state).toBe("returned");
      expect(confirmed.parcel.closedAt).toBe(world.clock.now);
      expect(transitionsOf(world.db, parcel.id).slice(-2)).toEqual(["deposited→expired", "expired→returned"]);
      expect(freeSlotIds(world.db, station.site.id)).toContain(parcel.slot!.id);
      // The door's history says it opened for the take-back, and nothing it cannot know.
      const doorKinds = world.db.$client.prepare("select kind, purpose, reason from door_events where parcel_id = ? order by id").all(parcel.id);
      expect(doorKinds.slice(-2)).toEqual([
        { kind: "closed", purpose: null, reason: null },
        { kind: "open_command", purpose: "take_back", reason: null },
      ]);

      // A retry after a lost answer returns the same result without opening the door again.
      const again = await takeBackParcel(world.ctx(station.courier), { parcelId: parcel.id });
      expect(again).toMatchObject({ replayed: true, doorOpened: false });
      expect(world.doors.opened.length).toBe(opened + 1);
      expect(transitionsOf(world.db, parcel.id)).toHaveLength(4);
    } finally {
      world.clock.now = start;
    }
  });

  it("taking back a parcel that is overdue but not yet swept expires it on the spot, then returns it", async () => {
    const station = createStation(world, { holdPeriodHours: 1 });
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const start = world.clock.now;
    try {
      world.clock.now += HOUR_MS;
      const result = await takeBack(world, station.courier, parcel.id);
      expect(result.parcel.state).toBe("returned");
      expect(transitionsOf(world.db, parcel.id)).toEqual([
        "∅→reserved",
        "reserved→deposited",
        "deposited→expired",
        "expired→returned",
      ]);
    } finally {
      world.clock.now = start;
    }
  });

  it("reserved → cancelled by the courier frees the door, and a second cancel changes nothing", async () => {
    const station = createStation(world, { layout: ONE_DOOR });
    const reserved = await reserve(world, station.courier, station.site.id);
    expect(freeSlotIds(world.db, station.site.id)).toEqual([]);

    const cancelled = cancelParcel(world.ctx(station.courier), { parcelId: reserved.parcel.id, reason: "wrong parcel" });

    expect(cancelled.state).toBe("cancelled");
    expect(cancelled.closedAt).toBe(world.clock.now);
    expect(freeSlotIds(world.db, station.site.id)).toEqual([reserved.parcel.slot!.id]);
    const last = eventsOf(world.db, reserved.parcel.id).at(-1)!;
    expect(last).toMatchObject({ from: "reserved", to: "cancelled", detail: { reason: "wrong parcel" } });

    const snapshot = databaseSnapshot(world.db);
    expect(cancelParcel(world.ctx(station.courier), { parcelId: reserved.parcel.id, reason: "again" }).state).toBe("cancelled");
    expect(databaseSnapshot(world.db)).toEqual(snapshot);
  });

  it("announced → cancelled by an admin of the organization", () => {
    const station = createStation(world);
    const { parcel } = announceParcel(world.ctx(station.courier), reserveInput(station.site.id));
    const cancelled = cancelParcel(world.ctx(station.admin), { parcelId: parcel.id, reason: "never arrived" });
    expect(cancelled.state).toBe("cancelled");
    expect(transitionsOf(world.db, parcel.id)).toEqual(["∅→announced", "announced→cancelled"]);
    expect(eventsOf(world.db, parcel.id).at(-1)).toMatchObject({ actorUserId: station.admin.userId });
  });

  it("reserved → cancelled by lapse: at a full site the next courier gets the door once the reservation ran out", async () => {
    const station = createStation(world, { layout: ONE_DOOR });
    const first = await reserve(world, station.courier, station.site.id);
    const start = world.clock.now;
    try {
      world.clock.now = start + RESERVATION_MS - 1;
      await expectDomainError(() => reserve(world, station.courier, station.site.id), "SITE_FULL");

      world.clock.now = start + RESERVATION_MS;
      const second = await reserve(world, station.courier, station.site.id);

      expect(second.parcel.slot!.id).toBe(first.parcel.slot!.id);
      expect(parcelRow(world.db, first.parcel.id).state).toBe("cancelled");
      const lapse = eventsOf(world.db, first.parcel.id).at(-1)!;
      expect(lapse).toMatchObject({ from: "reserved", to: "cancelled", detail: { reason: "reservation lapsed" } });
      expect(lapse.at).toBe(start + RESERVATION_MS);

      // The first courier comes back late: the door is no longer theirs.
      const before = databaseSnapshot(world.db);
      await expectDomainError(() => confirmDeposit(world.ctx(station.courier), { parcelId: first.parcel.id }), "INVALID_TRANSITION");
      expect(databaseSnapshot(world.db)).toEqual(before);
    } finally {
      world.clock.now = start;
    }
  });

  it("a reservation refused as SITE_FULL changes nothing, not even the lapse of a stale reservation", async () => {
    const station = createStation(world, { layout: [["S", "L"]] });
    await deposit(world, station.courier, station.site.id, { size: "L" });
    const stale = await reserve(world, station.courier, station.site.id, { size: "S" });
    const start = world.clock.now;
    try {
      world.clock.now = start + RESERVATION_MS;
      const before = databaseSnapshot(world.db);
      await expectDomainError(() => reserve(world, station.courier, station.site.id, { size: "L" }), "SITE_FULL");
      expect(databaseSnapshot(world.db)).toEqual(before);
      expect(parcelRow(world.db, stale.parcel.id).state).toBe("reserved");
    } finally {
      world.clock.now = start;
    }
  });

  it("a courier a little late still closes a door nobody else has needed meanwhile", async () => {
    // The reservation ran out but was not lapsed (no sweep, no other reservation here):
    // the door is still this parcel's, and refusing would leave a parcel behind a door
    // the system thinks is empty.
    const station = createStation(world, { layout: ONE_DOOR });
    const late = await reserve(world, station.courier, station.site.id);
    const start = world.clock.now;
    try {
      world.clock.now = start + RESERVATION_MS + 60_000;
      const { parcel } = confirmDeposit(world.ctx(station.courier), { parcelId: late.parcel.id });
      expect(parcel).toMatchObject({ state: "deposited", slot: { id: late.parcel.slot!.id } });
    } finally {
      world.clock.now = start;
    }
  });

  it("the sweep lapses reservations everywhere and reports how many", async () => {
    const one = createStation(world);
    const two = createStation(world);
    const a = await reserve(world, one.courier, one.site.id);
    const b = await reserve(world, two.courier, two.site.id);
    const start = world.clock.now;
    try {
      world.clock.now += RESERVATION_MS;
      expect(runParcelSweep(system()).lapsed).toBeGreaterThanOrEqual(2);
      expect(parcelRow(world.db, a.parcel.id).state).toBe("cancelled");
      expect(parcelRow(world.db, b.parcel.id).state).toBe("cancelled");
    } finally {
      world.clock.now = start;
    }
  });

  it("extendHold moves the deadline a day later, once, and the sweep honours the new deadline", async () => {
    const station = createStation(world, { holdPeriodHours: 24 });
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const customer = createCustomer(world.db, parcel.recipientPhone);
    const start = world.clock.now;
    try {
      world.clock.now += HOUR_MS;
      const extended = extendHold(world.ctx(customer), { parcelId: parcel.id });

      expect(extended.expiresAt).toBe(parcel.expiresAt! + HOLD_EXTENSION_MS);
      expect(extended.holdExtended).toBe(true);
      expect(extended.state).toBe("deposited");
      const event = eventsOf(world.db, parcel.id).at(-1)!;
      expect(event).toMatchObject({
        kind: "hold_extended",
        from: null,
        to: null,
        actorUserId: customer.userId,
        detail: { from: parcel.expiresAt, to: parcel.expiresAt! + HOLD_EXTENSION_MS },
      });

      world.clock.now = parcel.expiresAt!;
      expect(runParcelSweep(system()).expired).toBe(0);
      expect(parcelRow(world.db, parcel.id).state).toBe("deposited");
      world.clock.now = extended.expiresAt!;
      runParcelSweep(system());
      expect(parcelRow(world.db, parcel.id).state).toBe("expired");
    } finally {
      world.clock.now = start;
    }
  });
});

describe("a transition not on the diagram is refused and changes nothing", () => {
  /** Runs `work`, expects `code`, and checks that no table and no parcel or slot row changed. */
  async function refusedWithoutChange(work: () => unknown, code: Parameters<typeof expectDomainError>[1]) {
    const before = databaseSnapshot(world.db);
    const error = await expectDomainError(work, code);
    expect(databaseSnapshot(world.db)).toEqual(before);
    return error;
  }

  it("taking back a parcel whose hold period is not over", async () => {
    const station = createStation(world);
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const opened = world.doors.opened.length;
    world.clock.now += 1;
    await refusedWithoutChange(() => takeBackParcel(world.ctx(station.courier), { parcelId: parcel.id }), "INVALID_TRANSITION");
    expect(world.doors.opened.length).toBe(opened);
  });

  it("taking back a reserved parcel or a collected one", async () => {
    const station = createStation(world);
    const reserved = await reserve(world, station.courier, station.site.id);
    await refusedWithoutChange(() => takeBackParcel(world.ctx(station.courier), { parcelId: reserved.parcel.id }), "INVALID_TRANSITION");

    const { parcel, code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    await collectParcel(world.ctx(station.kiosk), { code, phoneLast4 });
    await refusedWithoutChange(() => takeBackParcel(world.ctx(station.courier), { parcelId: parcel.id }), "INVALID_TRANSITION");
  });

  it("extending the hold a second time", async () => {
    const station = createStation(world);
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const customer = createCustomer(world.db, parcel.recipientPhone);
    extendHold(world.ctx(customer), { parcelId: parcel.id });
    const error = await refusedWithoutChange(() => extendHold(world.ctx(customer), { parcelId: parcel.id }), "CONFLICT");
    expect(error.message).toMatch(/already extended/);
    // An admin cannot grant a second extension either.
    await refusedWithoutChange(() => extendHold(world.ctx(station.admin), { parcelId: parcel.id }), "CONFLICT");
  });

  it("extending the hold after the parcel expired, swept or not", async () => {
    const station = createStation(world, { holdPeriodHours: 1 });
    const overdue = await deposit(world, station.courier, station.site.id);
    const swept = await deposit(world, station.courier, station.site.id);
    const start = world.clock.now;
    try {
      world.clock.now += HOUR_MS;
      await refusedWithoutChange(() => extendHold(world.ctx(station.admin), { parcelId: overdue.parcel.id }), "INVALID_TRANSITION");
      runParcelSweep(system());
      expect(parcelRow(world.db, swept.parcel.id).state).toBe("expired");
      const customer = createCustomer(world.db, swept.parcel.recipientPhone);
      await refusedWithoutChange(() => extendHold(world.ctx(customer), { parcelId: swept.parcel.id }), "INVALID_TRANSITION");
    } finally {
      world.clock.now = start;
    }
  });

  it("extending the hold of a parcel not yet deposited", async () => {
    const station = createStation(world);
    const reserved = await reserve(world, station.courier, station.site.id);
    await refusedWithoutChange(() => extendHold(world.ctx(station.admin), { parcelId: reserved.parcel.id }), "INVALID_TRANSITION");
  });

  it("cancelling a parcel that is already in its locker, expired or collected", async () => {
    const station = createStation(world, { holdPeriodHours: 1 });
    const deposited = await deposit(world, station.courier, station.site.id);
    await refusedWithoutChange(
      () => cancelParcel(world.ctx(station.courier), { parcelId: deposited.parcel.id, reason: "changed my mind" }),
      "INVALID_TRANSITION",
    );

    const collected = await deposit(world, station.courier, station.site.id);
    await collectParcel(world.ctx(station.kiosk), { code: collected.code, phoneLast4: collected.phoneLast4 });
    await refusedWithoutChange(
      () => cancelParcel(world.ctx(station.admin), { parcelId: collected.parcel.id, reason: "cleanup" }),
      "INVALID_TRANSITION",
    );

    const start = world.clock.now;
    try {
      world.clock.now += HOUR_MS;
      runParcelSweep(system());
      expect(parcelRow(world.db, deposited.parcel.id).state).toBe("expired");
      await refusedWithoutChange(
        () => cancelParcel(world.ctx(station.admin), { parcelId: deposited.parcel.id, reason: "cleanup" }),
        "INVALID_TRANSITION",
      );
    } finally {
      world.clock.now = start;
    }
  });

  it("confirming the deposit of a cancelled reservation", async () => {
    const station = createStation(world);
    const reserved = await reserve(world, station.courier, station.site.id);
    cancelParcel(world.ctx(station.courier), { parcelId: reserved.parcel.id, reason: "wrong parcel" });
    const error = await refusedWithoutChange(
      () => confirmDeposit(world.ctx(station.courier), { parcelId: reserved.parcel.id }),
      "INVALID_TRANSITION",
    );
    expect(error.message).toMatch(/Start the deposit again/);
  });

  it("confirming the deposit of a returned parcel", async () => {
    const station = createStation(world, { holdPeriodHours: 1 });
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const start = world.clock.now;
    try {
      world.clock.now += HOUR_MS;
      await takeBack(world, station.courier, parcel.id);
      await refusedWithoutChange(() => confirmDeposit(world.ctx(station.courier), { parcelId: parcel.id }), "INVALID_TRANSITION");
    } finally {
      world.clock.now = start;
    }
  });

  it("reporting a broken door for a parcel that is already deposited", async () => {
    const station = createStation(world);
    const { parcel } = await deposit(world, station.courier, station.site.id);
    await refusedWithoutChange(
      () => reportSlotFault(world.ctx(station.courier), { parcelId: parcel.id, reason: "door jammed" }),
      "INVALID_TRANSITION",
    );
  });

  it("the lifecycle allows exactly the arrows of DESIGN.md's diagram", () => {
    const arrows = new Set([
      "announced→reserved",
      "announced→cancelled",
      "reserved→deposited",
      "reserved→cancelled",
      "deposited→collected",
      "deposited→expired",
      "expired→returned",
    ]);
    for (const from of PARCEL_STATES) {
      for (const to of PARCEL_STATES) {
        const allowed = arrows.has(`${from}→${to}`);
        expect(canTransition(from as ParcelState, to as ParcelState), `${from}→${to}`).toBe(allowed);
        if (!allowed) expect(() => assertTransition(from, to)).toThrow(/cannot become/);
      }
    }
  });
});
