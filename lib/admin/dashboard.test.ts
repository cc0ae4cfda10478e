import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { collectParcel } from "@/lib/parcels/collect";
import { expireOverdueParcels } from "@/lib/parcels/sweep";
import { openSlotRemotely, setSlotOutOfService } from "@/lib/slots/admin-slots";
import { adminScene, expectAdminsOnly, type AdminScene } from "@/lib/testing/admin";
import { createTestWorld, type TestWorld } from "@/lib/testing/factories";
import { createStation, deposit, reserve } from "@/lib/testing/parcels";
import { layoutByRow } from "@/lib/sites/layout";
import { DELIVERY_POLICY, deliverDueNotifications } from "@/lib/notifications/worker";
import type { MessageTransport } from "@/lib/notifications/transport";
import { median, organizationDashboard } from "./dashboard";

let world: TestWorld;
let scene: AdminScene;
const HOUR = 3_600_000;
beforeAll(() => {
  world = createTestWorld();
  scene = adminScene(world, { layout: layoutByRow(["S", "M", "L"], 4) });
});
afterAll(() => world.close());

describe("organizationDashboard", () => {
  it("shows each site's doors by size and state, and the parcels waiting, expiring today and expired", async () => {
    const { station } = scene;
    const start = world.clock.now;
    // Hold 72 h from three days ago: expires within today (the clock is 17:00 in Hangzhou).
    world.clock.now = start - 72 * HOUR + 2 * HOUR;
    await deposit(world, station.courier, station.site.id, { size: "S" });
    world.clock.now = start - 80 * HOUR;
    await deposit(world, station.courier, station.site.id, { size: "M" });
    world.clock.now = start;
    expireOverdueParcels(world.ctx({ kind: "system" }));
    await deposit(world, station.courier, station.site.id, { size: "L" });
    await reserve(world, station.courier, station.site.id, { size: "S" });
    const broken = world.db.$client.prepare("select id from slots where locker_id = ? and size = 'L' order by id desc limit 1").pluck().get(station.locker.id) as number;
    setSlotOutOfService(world.ctx(scene.admin), { slotId: broken, reason: "Lock fault" });

    const dashboard = organizationDashboard(world.ctx(scene.admin));
    expect(dashboard.sites.map((s) => s.id)).toEqual([station.site.id]);
    const site = dashboard.sites[0];
    expect(site.bySize.S).toEqual({ free: 2, reserved: 1, occupied: 1, outOfService: 0, total: 4 });
    expect(site.bySize.M).toEqual({ free: 3, reserved: 0, occupied: 1, outOfService: 0, total: 4 });
    expect(site.bySize.L).toEqual({ free: 2, reserved: 0, occupied: 1, outOfService: 1, total: 4 });
    expect(site.bySize.XL.total).toBe(0);
    expect(site.doors).toEqual({ free: 7, reserved: 1, occupied: 3, outOfService: 1, total: 12 });
    expect(site).toMatchObject({ waiting: 2, expiringToday: 1, expired: 1 });
  });

  it("counts deposits and collections per day over 14 days, and the median wait", async () => {
    const station = createStation(world, { organizationId: scene.station.organizationId, layout: layoutByRow(["M"], 6) });
    const start = world.clock.now;
    const waits = [1, 3, 10];
    for (const [index, hours] of waits.entries()) {
      world.clock.now = start - (index + 1) * 24 * HOUR;
      const parcel = await deposit(world, station.courier, station.site.id);
      world.clock.now += hours * HOUR;
      await collectParcel(world.ctx(station.kiosk), { code: parcel.code, phoneLast4: parcel.phoneLast4 });
    }
    // Older than the window: not counted.
    world.clock.now = start - 20 * 24 * HOUR;
    await deposit(world, station.courier, station.site.id);
    world.clock.now = start;

    const dashboard = organizationDashboard(world.ctx(scene.admin));
    expect(dashboard.activity).toHaveLength(14);
    expect(dashboard.activity.at(-1)!.day).toBe("2026-11-26");
    expect(dashboard.activity[0].day).toBe("2026-11-13");
    const byDay = Object.fromEntries(dashboard.activity.map((d) => [d.day, [d.deposits, d.collections]]));
    expect(byDay["2026-11-25"]).toEqual([1, 1]);
    expect(byDay["2026-11-24"]).toEqual([1, 2]);
    // 17:00 + 10 h crosses midnight: deposited on the 23rd, collected on the 24th. The
    // first test's two older parcels were deposited on the 23rd too.
    expect(byDay["2026-11-23"]).toEqual([3, 0]);
    expect(dashboard.activity.reduce((sum, d) => sum + d.deposits, 0)).toBe(3 + 3);
    expect(dashboard.medianWaitMs).toBe(3 * HOUR);
    expect(dashboard.collectedInWindow).toBe(3);
  });

  it("never counts another organization's sites or parcels", async () => {
    await deposit(world, scene.other.courier, scene.other.site.id);
    const theirs = organizationDashboard(world.ctx(scene.otherAdmin));
    expect(theirs.sites.map((s) => s.id)).toEqual([scene.other.site.id]);
    expect(theirs.sites[0].waiting).toBe(1);
    expect(theirs.activity.reduce((sum, d) => sum + d.deposits, 0)).toBe(1);
    expect(theirs.medianWaitMs).toBeNull();
  });

  it("lists the doors that did not open in the last 24 hours, most recent first, of this organization only", async () => {
    const start = world.clock.now;
    try {
      world.doors.failNext = 1;
      const first = await reserve(world, scene.station.courier, scene.station.site.id);
      expect(first.doorOpened).toBe(false);
      world.clock.now += HOUR;
      world.doors.failNext = 2;
      const second = await reserve(world, scene.station.courier, scene.station.site.id);
      await openSlotRemotely(world.ctx(scene.admin), { slotId: second.parcel.slot!.id, reason: "Checking the lock" });
      world.doors.failNext = 1;
      await reserve(world, scene.other.courier, scene.other.site.id);

      const stuck = organizationDashboard(world.ctx(scene.admin)).stuckDoors;
      expect(stuck.map((door) => [door.label, door.failures])).toEqual([
        [second.parcel.slot!.label, 2],
        [first.parcel.slot!.label, 1],
      ]);
      expect(stuck[0]).toMatchObject({ siteId: scene.station.site.id, slotId: second.parcel.slot!.id, lastAt: world.clock.now });

      world.clock.now += 24 * HOUR;
      expect(organizationDashboard(world.ctx(scene.admin)).stuckDoors.map((door) => door.label)).toEqual([second.parcel.slot!.label]);
    } finally {
      world.doors.failNext = 0;
      world.clock.now = start;
    }
  });

  it("lists the organization's parcel messages that failed for good, newest first, for a week", async () => {
    const start = world.clock.now;
    const refusing: MessageTransport = {
      name: "refusing",
      send: () => Promise.reject(new Error("the SMS gateway refused the message: 503 quota exceeded")),
    };
    // The worker logs each message it gives up on; this test gives up on purpose.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const system = world.ctx({ kind: "system" });
    const giveUpAtOnce = { ...DELIVERY_POLICY, maxAttempts: 1 };
    try {
      // Whatever earlier tests queued is delivered first, so only these fail.
      await deliverDueNotifications(system, { name: "accepting", send: () => Promise.resolve() }, { ...DELIVERY_POLICY, batchSize: 1_000 });
      const ours = await deposit(world, scene.station.courier, scene.station.site.id);
      const theirs = await deposit(world, scene.other.courier, scene.other.site.id);
      world.clock.now += 1_000;
      const later = await deposit(world, scene.station.courier, scene.station.site.id);
      const report = await deliverDueNotifications(system, refusing, giveUpAtOnce);
      expect(report.failed).toBeGreaterThanOrEqual(3);

      const undelivered = organizationDashboard(world.ctx(scene.admin)).undeliveredMessages;
      expect(undelivered.filter((m) => m.channel === "sms").map((m) => m.trackingNumber)).toEqual([
        later.parcel.trackingNumber,
        ours.parcel.trackingNumber,
      ]);
      expect(undelivered[0]).toMatchObject({
        parcelId: later.parcel.id,
        siteName: scene.station.site.name,
        kind: "parcel_deposited",
        recipient: later.parcel.recipientPhone,
        lastError: "the SMS gateway refused the message: 503 quota exceeded",
      });
      expect(undelivered.map((m) => m.parcelId)).not.toContain(theirs.parcel.id);
      expect(organizationDashboard(world.ctx(scene.otherAdmin)).undeliveredMessages.map((m) => m.parcelId)).toContain(theirs.parcel.id);

      world.clock.now += 7 * 24 * HOUR;
      expect(organizationDashboard(world.ctx(scene.admin)).undeliveredMessages).toEqual([]);
    } finally {
      world.clock.now = start;
      quiet.mockRestore();
    }
  });

  it("is for admins only", async () => {
    await expectAdminsOnly(world, scene, (ctx) => organizationDashboard(ctx));
  });
});

describe("days in site time and the median", () => {
  it("reads a site's day in the site's own time zone", async () => {
    const start = world.clock.now;
    const berlin = createStation(world, { timeZone: "Europe/Berlin", holdPeriodHours: 24 });
    // Deposited at 20:00 UTC on the 25th: due at 20:00 UTC on the 26th, which is 21:00 on the
    // 26th in Berlin (today there) but already 04:00 on the 27th in Shanghai.
    world.clock.now = Date.UTC(2026, 10, 25, 20, 0);
    await deposit(world, berlin.courier, berlin.site.id);
    world.clock.now = Date.UTC(2026, 10, 26, 12, 0);
    const noon = organizationDashboard(world.ctx(berlin.admin));
    expect(noon.sites[0]).toMatchObject({ waiting: 1, expiringToday: 1 });
    expect(noon.today).toBe("2026-11-26");
    expect(noon.activity.at(-1)).toEqual({ day: "2026-11-26", deposits: 0, collections: 0 });
    expect(noon.activity.at(-2)).toEqual({ day: "2026-11-25", deposits: 1, collections: 0 });

    // 17:30 UTC is 18:30 in Berlin, still the 26th there (01:30 on the 27th in Shanghai).
    world.clock.now = Date.UTC(2026, 10, 26, 17, 30);
    expect(organizationDashboard(world.ctx(berlin.admin)).today).toBe("2026-11-26");
    world.clock.now = start;
  });

  it("picks the median wait in the database: the middle one of an odd count, the mean of the middle two of an even one", async () => {
    const start = world.clock.now;
    const station = createStation(world, { layout: layoutByRow(["M"], 6) });
    const admin = world.ctx(station.admin);
    // Collected in the window after 5, 1, 9 and 2 hours (out of order), one outside it.
    for (const [daysAgo, hours] of [[20, 1], [5, 5], [4, 1], [3, 9], [2, 2]]) {
      world.clock.now = start - daysAgo * 24 * HOUR;
      const parcel = await deposit(world, station.courier, station.site.id);
      world.clock.now += hours * HOUR;
      await collectParcel(world.ctx(station.kiosk), { code: parcel.code, phoneLast4: parcel.phoneLast4 });
      world.clock.now = start;
      if (daysAgo === 3) expect(organizationDashboard(admin)).toMatchObject({ medianWaitMs: 5 * HOUR, collectedInWindow: 3 });
    }
    // 1, 2, 5, 9 hours: between 2 and 5.
    expect(organizationDashboard(admin)).toMatchObject({ medianWaitMs: 3.5 * HOUR, collectedInWindow: 4 });
  });

  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([1, 2, 10])).toBe(2);
    expect(median([1, 2, 4, 10])).toBe(3);
  });
});
