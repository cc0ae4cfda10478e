import { afterAll, describe, expect, test } from "vitest";
import { LIVE_STATES } from "@/db/enums";
import { cancelParcel } from "@/lib/parcels/cancel";
import { collectParcel } from "@/lib/parcels/collect";
import { expireOverdueParcels } from "@/lib/parcels/sweep";
import { createTestWorld } from "@/lib/testing/factories";
import { createStation, deposit, HOUR_MS, reserve, takeBack } from "@/lib/testing/parcels";
import { organizationForecasts, siteForecastView } from "./admin";

const world = createTestWorld();
afterAll(() => world.close());

/**
 * The charts' past occupancy the way it was counted before it read only the live and the
 * recently closed parcels (issue 19): every parcel the site ever had that was deposited (or
 * still holds its door), in its door from deposit (or reservation) until it left.
 */
function occupiedFromEveryParcel(siteId: number, size: string, at: number): number {
  const rows = world.db.$client
    .prepare(
      `select p.state, p.deposited_at as depositedAt, p.created_at as createdAt, p.closed_at as closedAt
       from parcels p join slots sl on sl.id = p.slot_id where p.site_id = ? and sl.size = ?`,
    )
    .all(siteId, size) as { state: string; depositedAt: number | null; createdAt: number; closedAt: number | null }[];
  return rows.filter((row) => {
    const live = (LIVE_STATES as readonly string[]).includes(row.state);
    if (!live && row.depositedAt === null) return false;
    const inAt = row.depositedAt ?? row.createdAt;
    const outAt = live ? null : row.closedAt;
    return inAt <= at && (outAt === null || outAt > at);
  }).length;
}

describe("the forecast charts' past day", () => {
  const station = createStation(world, { holdPeriodHours: 24, layout: [["S", "S", "M", "M"], ["L", "L", "XL"]] });
  const start = world.clock.now;
  const at = (hours: number) => (world.clock.now = start + hours * HOUR_MS);
  const collect = (parcel: { code: string; phoneLast4: string }) => collectParcel(world.ctx(station.kiosk), parcel);

  test("counts the parcels in each size's doors hour by hour as every parcel's own times say: collected, returned, cancelled, live", async () => {
    const courier = world.ctx(station.courier);
    at(-48);
    const long = await deposit(world, station.courier, station.site.id, { size: "S" });
    at(-47);
    await collect(long);
    at(-40);
    const a = await deposit(world, station.courier, station.site.id, { size: "S" });
    at(-30);
    await collect(a);
    const b = await deposit(world, station.courier, station.site.id, { size: "S" });
    const returned = await deposit(world, station.courier, station.site.id, { size: "L" });
    await deposit(world, station.courier, station.site.id, { size: "XL" });
    at(-20);
    const c = await deposit(world, station.courier, station.site.id, { size: "M" });
    at(-10);
    await collect(b);
    at(-6);
    const cancelled = await reserve(world, station.courier, station.site.id, { size: "M" });
    at(-5.5);
    await collect(c);
    at(-5);
    cancelParcel(courier, { parcelId: cancelled.parcel.id, reason: "Wrong site" });
    expireOverdueParcels(world.ctx({ kind: "system" }));
    at(-3);
    await takeBack(world, station.courier, returned.parcel.id);
    at(-2);
    await deposit(world, station.courier, station.site.id, { size: "L" });
    at(-1.5);
    await reserve(world, station.courier, station.site.id, { size: "S" });
    at(0);

    const view = siteForecastView(world.ctx(station.admin), { id: station.site.id, name: station.site.name, code: station.site.code })!;
    expect(view.charts.map((chart) => chart.size)).toEqual(["S", "M", "L", "XL"]);
    for (const chart of view.charts) {
      expect(chart.past.length).toBe(25);
      expect(chart.past.at(-1)!.at).toBe(start);
      expect(chart.past.map((point) => point.occupied)).toEqual(chart.past.map((point) => occupiedFromEveryParcel(station.site.id, chart.size, point.at)));
    }
    // Now: the reservation (S), the deposit of two hours ago (L), the expired parcel (XL).
    expect(view.charts.map((chart) => chart.past.at(-1)!.occupied)).toEqual([1, 0, 1, 1]);
    // A day ago: b (S), the parcel later returned (L), the one that expired (XL).
    expect(view.charts.map((chart) => chart.past[0].occupied)).toEqual([1, 0, 1, 1]);
    // A reservation cancelled before its door closed never held a parcel: c alone in M.
    expect(Math.max(...view.charts[1].past.map((point) => point.occupied))).toBe(1);
  });

  test("the dashboard's views count the past only for the sites with a warning, the ones it draws", async () => {
    const full = createStation(world, { organizationId: station.organizationId, name: "Full Station", layout: [["M", "M"], ["S", "L"]] });
    for (let i = 0; i < 2; i++) await deposit(world, full.courier, full.site.id, { size: "M" });
    const calm = createStation(world, { organizationId: station.organizationId, name: "Calm Station" });
    world.clock.now += HOUR_MS;

    const views = organizationForecasts(world.ctx(station.admin));
    const fullView = views.find((view) => view.siteId === full.site.id)!;
    const calmView = views.find((view) => view.siteId === calm.site.id)!;
    expect(fullView.crunches.length).toBeGreaterThan(0);
    expect(fullView.charts.find((chart) => chart.size === "M")!.past.at(-1)!.occupied).toBe(2);
    expect(calmView.crunches).toEqual([]);
    expect(calmView.charts.length).toBeGreaterThan(0);
    expect(calmView.charts.every((chart) => chart.past.length === 0)).toBe(true);
    // Its own forecast page still draws it.
    const page = siteForecastView(world.ctx(station.admin), { id: calm.site.id, name: calm.site.name, code: calm.site.code })!;
    expect(page.charts.every((chart) => chart.past.length > 0)).toBe(true);
  });
});
