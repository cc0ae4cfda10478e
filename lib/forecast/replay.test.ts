import { afterAll, describe, expect, test } from "vitest";
import type { SlotSize } from "@/db/enums";
import { isDomainError } from "@/lib/errors";
import { collectParcel } from "@/lib/parcels/collect";
import { createTestWorld, pickupCodeOf } from "@/lib/testing/factories";
import { createStation, deposit, HOUR_MS } from "@/lib/testing/parcels";
import { doorsForEveryArrival, replayBestFit, type ReplayArrival } from "./replay";

const world = createTestWorld();
afterAll(() => world.close());
const T0 = world.clock.now;

// Two S doors, one M, one L: small enough that the trace below fills and upsizes.
const trace: ReplayArrival[] = (
  [
    ["S", 0, 5],
    ["S", 1, 6],
    ["S", 2, 7], // both S taken: up to M
    ["S", 3, 4], // S and M taken: up to L
    ["M", 3.5, 8], // M and L taken: turned away
    ["L", 4.5, 9],
    ["S", 5.5, 9],
    ["XL", 6, 9], // no XL door at all: turned away
  ] as [SlotSize, number, number][]
).map(([size, at, leaves]) => ({ size, at: T0 + at * HOUR_MS, leavesAt: T0 + leaves * HOUR_MS }));

describe("the size-level replay", () => {
  test("turns away and upsizes exactly as the real verbs do on the same arrivals", async () => {
    const station = createStation(world, { layout: [["S", "S"], ["M", "L"]] });
    const real = { turnedAway: { S: 0, M: 0, L: 0, XL: 0 } as Record<SlotSize, number>, upsized: 0 };
    const leaving: { at: number; parcelId: number; phone: string }[] = [];
    for (const arrival of trace) {
      leaving.sort((a, b) => a.at - b.at);
      while (leaving.length && leaving[0].at <= arrival.at) {
        const gone = leaving.shift()!;
        world.clock.now = gone.at;
        await collectParcel(world.ctx(station.kiosk), { code: pickupCodeOf(world, gone.parcelId), phoneLast4: gone.phone.slice(-4) });
      }
      world.clock.now = arrival.at;
      try {
        const { parcel } = await deposit(world, station.courier, station.site.id, { size: arrival.size });
        if (parcel.upsized) real.upsized++;
        leaving.push({ at: arrival.leavesAt, parcelId: parcel.id, phone: parcel.recipientPhone });
      } catch (error) {
        if (!isDomainError(error) || error.code !== "SITE_FULL") throw error;
        real.turnedAway[arrival.size]++;
      }
    }
    const replayed = replayBestFit(trace, { S: 2, M: 1, L: 1, XL: 0 });
    expect(replayed.turnedAway).toEqual(real.turnedAway);
    expect(replayed.upsized).toBe(real.upsized);
    expect(replayed.turnedAway).toEqual({ S: 0, M: 1, L: 0, XL: 1 });
    expect(replayed.upsized).toBe(2);
  });

  test("the doors it proposes take every arrival in its own size, and one fewer of a size does not", () => {
    const doors = doorsForEveryArrival(trace);
    expect(doors).toEqual({ S: 4, M: 1, L: 1, XL: 1 });
    expect(replayBestFit(trace, doors)).toMatchObject({ turnedAway: { S: 0, M: 0, L: 0, XL: 0 }, upsized: 0 });
    const fewer = replayBestFit(trace, { ...doors, S: doors.S - 1 });
    expect(fewer.upsized + Object.values(fewer.turnedAway).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
