import { afterAll, describe, expect, test } from "vitest";
import { collectParcel } from "@/lib/parcels/collect";
import { adminScene, expectAdminsOnly, expectRefused } from "@/lib/testing/admin";
import { createTestWorld, pickupCodeOf } from "@/lib/testing/factories";
import { deposit, HOUR_MS } from "@/lib/testing/parcels";
import { siteStats } from "./site-stats";

const world = createTestWorld();
afterAll(() => world.close());
const scene = adminScene(world, { layout: [["S", "S"], ["M", "L"]] });
const START = world.clock.now; // 17:00 in Shanghai

describe("a site's dwell times and door sizing", () => {
  test("shows the shares collected within days, the busiest hour and the doors last month's parcels needed", async () => {
    const site = scene.station.site.id;
    // Four days ago at 17:00: three S parcels at once (one upsized to M), collected after 2 h, 30 h and never.
    world.clock.now = START - 4 * 24 * HOUR_MS;
    const parcels = [];
    for (let i = 0; i < 3; i++) parcels.push((await deposit(world, scene.station.courier, site, { size: "S" })).parcel);
    expect(parcels[2].upsized).toBe(true);
    for (const [index, hours] of [[0, 2], [1, 30]] as const) {
      world.clock.now = START - 4 * 24 * HOUR_MS + hours * HOUR_MS;
      await collectParcel(world.ctx(scene.station.kiosk), { code: pickupCodeOf(world, parcels[index].id), phoneLast4: parcels[index].recipientPhone.slice(-4) });
    }
    world.clock.now = START;
    const stats = siteStats(world.ctx(scene.admin), String(site));
    expect(stats.collectedWithin).toEqual([
      { days: 1, share: 1 / 3 },
      { days: 2, share: 2 / 3 },
      { days: 3, share: 2 / 3 },
    ]);
    expect(stats.collectedOf).toBe(3);
    expect(stats.busiestHours[0]).toMatchObject({ hour: 17 });
    // Three S parcels at once: three S doors would have kept them all in their size.
    expect(stats.sizing.doorsNow).toEqual({ S: 2, M: 1, L: 1, XL: 0 });
    expect(stats.sizing.doorsNeeded).toEqual({ S: 3, M: 0, L: 0, XL: 0 });
    expect(stats.sizing.withDoorsNow).toMatchObject({ parcels: 3, upsized: 1, turnedAway: { S: 0, M: 0, L: 0, XL: 0 } });
    expect(stats.dwell[0]).toMatchObject({ hours: 1 });
  });

  test("another organization's site reads as absent; only admins", async () => {
    await expectRefused(world, scene.otherAdmin, (ctx) => siteStats(ctx, String(scene.station.site.id)), "NOT_FOUND");
    await expectAdminsOnly(world, scene, (ctx) => siteStats(ctx, String(scene.station.site.id)));
  });
});
