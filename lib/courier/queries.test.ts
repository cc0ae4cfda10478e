import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { courierSites } from "@/db/schema";
import { cancelParcel } from "@/lib/parcels/cancel";
import {
  countTakeBackBySite,
  depositScreen,
  listCourierToday,
  listOpenReservations,
  listTakeBack,
} from "@/lib/courier/queries";
import { reportSlotFault } from "@/lib/parcels/reassign";
import { expireOverdueParcels, RESERVATION_MS } from "@/lib/parcels/sweep";
import { confirmTakeBack, takeBackParcel } from "@/lib/parcels/take-back";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createCourier, createCustomer, createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { createStation, deposit, HOUR_MS, reserve } from "@/lib/testing/parcels";
import { databaseSnapshot } from "@/lib/testing/snapshot";

let world: TestWorld;
let start: number;
beforeAll(() => {
  world = createTestWorld();
  start = world.clock.now;
});
afterAll(() => world.close());
// Tests move the clock; each starts from the same morning.
beforeEach(() => {
  world.clock.now = start;
});

const system = () => world.ctx({ kind: "system" });

describe("listTakeBack", () => {
  it("lists the carrier's expired parcels at the site, swept or not, most overdue first, with how long overdue", async () => {
    const station = createStation(world, { holdPeriodHours: 24 });
    const first = await deposit(world, station.courier, station.site.id);
    world.clock.now += 2 * HOUR_MS;
    const second = await deposit(world, station.courier, station.site.id);
    world.clock.now += 22 * HOUR_MS;
    const fresh = await deposit(world, station.courier, station.site.id);
    // The sweep marks the first expired; the second's deadline passes after the sweep.
    world.clock.now = start + 25 * HOUR_MS;
    expireOverdueParcels(system(), station.site.id);
    world.clock.now = start + 27 * HOUR_MS;

    const list = listTakeBack(world.ctx(station.courier), station.site.id);

    expect(list.map((p) => [p.id, p.state])).toEqual([
      [first.parcel.id, "expired"],
      [second.parcel.id, "deposited"],
    ]);
    expect(list.map((p) => p.overdueMs)).toEqual([3 * HOUR_MS, 1 * HOUR_MS]);
    expect(list[0].slot).toMatchObject({ label: first.parcel.slot!.label });
    expect(list.map((p) => p.id)).not.toContain(fresh.parcel.id);
  });

  it("leaves out other carriers' parcels, other sites' and those already taken back", async () => {
    const station = createStation(world, { holdPeriodHours: 1 });
    const rival = createStation(world, { organizationId: station.organizationId, holdPeriodHours: 1 });
    // The rival carrier's courier also serves this site.
    const rivalHere = createCourier(world.db, rival.carrier.id, [station.site.id]);
    const mine = await deposit(world, station.courier, station.site.id);
    const taken = await deposit(world, station.courier, station.site.id);
    const theirs = await deposit(world, rivalHere, station.site.id);
    await deposit(world, rival.courier, rival.site.id);
    world.clock.now += 2 * HOUR_MS;
    await takeBackParcel(world.ctx(station.courier), { parcelId: taken.parcel.id });
    // The door is open but nobody confirmed the parcel is out: it stays on the list, marked.
    expect(listTakeBack(world.ctx(station.courier), station.site.id).map((p) => [p.id, p.takeBack])).toEqual([
      [mine.parcel.id, null],
      [taken.parcel.id, { byMe: true, doorOpened: true, startedAt: world.clock.now }],
    ]);
    confirmTakeBack(world.ctx(station.courier), { parcelId: taken.parcel.id });

    expect(listTakeBack(world.ctx(station.courier), station.site.id).map((p) => p.id)).toEqual([mine.parcel.id]);
    expect(listTakeBack(world.ctx(rivalHere), station.site.id).map((p) => p.id)).toEqual([theirs.parcel.id]);
  });

  it("is NOT_FOUND for a site the courier does not serve, and refuses other roles, changing nothing", async () => {
    const station = createStation(world);
    const elsewhere = createStation(world, { organizationId: station.organizationId });
    const customer = createCustomer(world.db, "13900009999");
    const before = databaseSnapshot(world.db);

    await expectDomainError(() => listTakeBack(world.ctx(station.courier), elsewhere.site.id), "NOT_FOUND");
    await expectDomainError(() => listTakeBack(world.ctx(station.admin), station.site.id), "FORBIDDEN");
    await expectDomainError(() => listTakeBack(world.ctx(customer), station.site.id), "FORBIDDEN");
    await expectDomainError(() => listTakeBack(world.ctx({ kind: "anonymous" }), station.site.id), "UNAUTHENTICATED");
    expect(databaseSnapshot(world.db)).toEqual(before);
  });
});

describe("countTakeBackBySite", () => {
  it("counts what is due per served site, and nothing at sites the courier stopped serving", async () => {
    const here = createStation(world, { holdPeriodHours: 1 });
    const there = createStation(world, { organizationId: here.organizationId, holdPeriodHours: 1 });
    const courier = createCourier(world.db, here.carrier.id, [here.site.id, there.site.id]);
    await deposit(world, courier, here.site.id);
    await deposit(world, courier, here.site.id);
    await deposit(world, courier, there.site.id);
    expect(countTakeBackBySite(world.ctx(courier))).toEqual(new Map());

    world.clock.now += 2 * HOUR_MS;
    expect(countTakeBackBySite(world.ctx(courier))).toEqual(new Map([[here.site.id, 2], [there.site.id, 1]]));

    world.db.delete(courierSites).where(eq(courierSites.siteId, there.site.id)).run();
    expect(countTakeBackBySite(world.ctx(courier))).toEqual(new Map([[here.site.id, 2]]));
    await expectDomainError(() => countTakeBackBySite(world.ctx(here.admin)), "FORBIDDEN");
  });
});

describe("listOpenReservations", () => {
  it("lists the courier's own doors still held for them at the site, not a colleague's, not lapsed or closed ones", async () => {
    const station = createStation(world);
    const colleague = createCourier(world.db, station.carrier.id, [station.site.id]);
    const old = await reserve(world, station.courier, station.site.id);
    world.clock.now += RESERVATION_MS - 60_000;
    const open = await reserve(world, station.courier, station.site.id);
    await deposit(world, station.courier, station.site.id);
    await reserve(world, colleague, station.site.id);
    const cancelled = await reserve(world, station.courier, station.site.id);
    cancelParcel(world.ctx(station.courier), { parcelId: cancelled.parcel.id, reason: "wrong site" });

    expect(listOpenReservations(world.ctx(station.courier), station.site.id).map((p) => p.id)).toEqual([
      old.parcel.id,
      open.parcel.id,
    ]);
    world.clock.now += 60_000;
    // The first reservation's time is up: its door is no longer held, even before a sweep.
    expect(listOpenReservations(world.ctx(station.courier), station.site.id).map((p) => p.id)).toEqual([open.parcel.id]);
  });

  it("is NOT_FOUND at a site the courier does not serve", async () => {
    const station = createStation(world);
    const elsewhere = createStation(world, { organizationId: station.organizationId });
    await expectDomainError(() => listOpenReservations(world.ctx(station.courier), elsewhere.site.id), "NOT_FOUND");
  });
});

describe("depositScreen", () => {
  it("shows the parcel with the cabinet around its door", async () => {
    const station = createStation(world, { layout: [["S", "S"], ["M", "M"]] });
    const reserved = await reserve(world, station.courier, station.site.id, { size: "M", recipientEmail: "Ann@Example.com" });

    const screen = depositScreen(world.ctx(station.courier), reserved.parcel.id);

    expect(screen.parcel).toMatchObject({ id: reserved.parcel.id, state: "reserved" });
    expect(screen.recipientEmail).toBe("ann@example.com");
    expect(screen.locker).toMatchObject({ code: station.locker.code, rows: 2, columns: 2 });
    expect(screen.locker!.doors).toHaveLength(4);
    expect(screen.locker!.doors).toContainEqual({
      label: screen.parcel.slot!.label,
      row: screen.parcel.slot!.row,
      column: screen.parcel.slot!.column,
      size: "M",
    });
  });

  it("is NOT_FOUND for another carrier's parcel and refuses customers", async () => {
    const station = createStation(world);
    const rival = createStation(world, { organizationId: station.organizationId });
    const rivalHere = createCourier(world.db, rival.carrier.id, [station.site.id]);
    const reserved = await reserve(world, station.courier, station.site.id);
    await expectDomainError(() => depositScreen(world.ctx(rivalHere), reserved.parcel.id), "NOT_FOUND");
    await expectDomainError(() => depositScreen(world.ctx(station.admin), reserved.parcel.id), "FORBIDDEN");
  });
});

describe("listCourierToday", () => {
  it("lists what the courier did since midnight, latest first, with the state now", async () => {
    // 09:00 UTC is 17:00 at the sites; yesterday ended at 16:00 UTC the day before.
    const station = createStation(world, { holdPeriodHours: 1 });
    world.clock.now = start - 18 * HOUR_MS;
    const yesterday = await deposit(world, station.courier, station.site.id);
    world.clock.now = start - 30 * 60_000;
    const deposited = await deposit(world, station.courier, station.site.id);
    const faulty = await reserve(world, station.courier, station.site.id);
    await reportSlotFault(world.ctx(station.courier), { parcelId: faulty.parcel.id, reason: "door stuck" });
    const cancelled = await reserve(world, station.courier, station.site.id);
    cancelParcel(world.ctx(station.courier), { parcelId: cancelled.parcel.id, reason: "wrong site" });
    world.clock.now = start;
    await takeBackParcel(world.ctx(station.courier), { parcelId: yesterday.parcel.id });

    // The door is open, nothing confirmed: not taken back yet.
    const opened = listCourierToday(world.ctx(station.courier));
    expect(opened.entries[0]).toMatchObject({ activity: "take-back-unconfirmed", parcel: { id: yesterday.parcel.id, state: "expired" } });
    expect(opened).toMatchObject({ takenBack: 0, takeBackUnconfirmed: 1 });

    confirmTakeBack(world.ctx(station.courier), { parcelId: yesterday.parcel.id });
    const day = listCourierToday(world.ctx(station.courier));

    expect(day.since).toBe(Date.UTC(2026, 10, 25, 16, 0));
    expect(day.entries.map((e) => [e.parcel.id, e.activity, e.parcel.state])).toEqual([
      [yesterday.parcel.id, "take-back", "returned"],
      [cancelled.parcel.id, "cancelled", "cancelled"],
      [faulty.parcel.id, "deposit", "reserved"],
      [deposited.parcel.id, "deposit", "deposited"],
    ]);
    expect(day.entries[0].at).toBe(start);
    expect(day).toMatchObject({ deposited: 1, takenBack: 1, takeBackUnconfirmed: 0 });
  });

  it("starts each site's today at midnight in the site's own time zone", async () => {
    // Clock 09:00 UTC on 26 Nov: the Berlin site's day began at 23:00 UTC on the 25th,
    // the Shanghai site's at 16:00 UTC on the 25th.
    const berlin = createStation(world, { timeZone: "Europe/Berlin" });
    const shanghai = createStation(world, { organizationId: berlin.organizationId });
    const courier = createCourier(world.db, berlin.carrier.id, [berlin.site.id, shanghai.site.id]);
    world.clock.now = Date.UTC(2026, 10, 25, 20, 0); // 21:00 on the 25th in Berlin, 04:00 on the 26th in Shanghai
    const lateInBerlin = await deposit(world, courier, berlin.site.id);
    const earlyInShanghai = await deposit(world, courier, shanghai.site.id);
    world.clock.now = Date.UTC(2026, 10, 26, 0, 30); // 01:30 on the 26th in Berlin
    const todayInBerlin = await deposit(world, courier, berlin.site.id);
    world.clock.now = start;

    const day = listCourierToday(world.ctx(courier));
    expect(day.entries.map((entry) => entry.parcel.id)).toEqual([todayInBerlin.parcel.id, earlyInShanghai.parcel.id]);
    expect(day.entries.map((entry) => entry.parcel.id)).not.toContain(lateInBerlin.parcel.id);
    expect(day.since).toBe(Date.UTC(2026, 10, 25, 16, 0));
  });

  it("leaves out a colleague's work, and parcels at sites the courier no longer serves", async () => {
    const station = createStation(world);
    const other = createStation(world, { organizationId: station.organizationId });
    const courier = createCourier(world.db, station.carrier.id, [station.site.id, other.site.id]);
    const colleague = createCourier(world.db, station.carrier.id, [station.site.id]);
    const mine = await deposit(world, courier, station.site.id);
    await deposit(world, courier, other.site.id);
    await deposit(world, colleague, station.site.id);
    world.db.delete(courierSites).where(eq(courierSites.siteId, other.site.id)).run();

    const day = listCourierToday(world.ctx(courier));

    expect(day.entries.map((e) => e.parcel.id)).toEqual([mine.parcel.id]);
    expect(listCourierToday(world.ctx(createCourier(world.db, station.carrier.id, [station.site.id]))).entries).toEqual([]);
    await expectDomainError(() => listCourierToday(world.ctx(station.admin)), "FORBIDDEN");
  });
});
