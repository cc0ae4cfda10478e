import { afterAll, describe, expect, test } from "vitest";
import { announceParcel } from "@/lib/parcels/announce";
import { createTestWorld } from "@/lib/testing/factories";
import { createStation, deposit, HOUR_MS, reserveInput } from "@/lib/testing/parcels";
import { loadForecastInput } from "./load";

const world = createTestWorld();
afterAll(() => world.close());

describe("what the forecast reads of announcements", () => {
  test("a deposit announced first carries its announcement; one announced and waiting is listed; a stale one that never came is counted as missed", async () => {
    const station = createStation(world);
    const announce = (size: "S" | "M") => {
      const input = reserveInput(station.site.id, { size });
      const { parcel } = announceParcel(world.ctx(station.courier), input);
      return { input, announcedAt: parcel.createdAt };
    };

    // Announced, never brought: four days on it is stale.
    announce("S");
    world.clock.now += 96 * HOUR_MS;
    const early = announce("M");
    world.clock.now += 12 * HOUR_MS;
    const announcedThenDeposited = await deposit(world, station.courier, station.site.id, early.input);
    world.clock.now += 60_000;
    const walkIn = await deposit(world, station.courier, station.site.id);
    world.clock.now += HOUR_MS;
    const waiting = announce("S");

    const input = loadForecastInput(world.db, station.site.id, world.clock.now)!;
    const byId = (depositedAt: number) => input.parcels.find((p) => p.depositedAt === depositedAt);
    expect(byId(announcedThenDeposited.parcel.depositedAt!)).toMatchObject({ size: "M", declaredSize: "M", announcedAt: early.announcedAt });
    expect(byId(walkIn.parcel.depositedAt!)?.announcedAt).toBeNull();
    expect(input.announced).toEqual([{ size: "S", announcedAt: waiting.announcedAt }]);
    expect(input.missedAnnouncements).toBe(1);
  });
});
