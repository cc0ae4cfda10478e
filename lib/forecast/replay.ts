import { SIZES, type SlotSize } from "@/db/enums";

/*
 * Replaying a month of arrivals against a mix of doors, at the level of door sizes: the
 * same rule as the network's assignment (lib/slots/assignment.ts: the smallest free size
 * that fits, a bigger one when it is full, turned away when none is) without the rows and
 * reach that only decide *which* door of a size. In memory, so the admin's sizing answer
 * costs milliseconds; bench/assignment.ts replays through the real verbs and SQLite, and
 * replay.test.ts checks the two agree on what is turned away and upsized.
 */

export type ReplayArrival = { size: SlotSize; at: number; leavesAt: number };

export type ReplayResult = { parcels: number; turnedAway: Record<SlotSize, number>; upsized: number };

export function replayBestFit(arrivals: readonly ReplayArrival[], doors: Record<SlotSize, number>): ReplayResult {
  const inDoors: Record<SlotSize, number[]> = { S: [], M: [], L: [], XL: [] };
  const result: ReplayResult = { parcels: arrivals.length, turnedAway: { S: 0, M: 0, L: 0, XL: 0 }, upsized: 0 };
  const sorted = [...arrivals].sort((a, b) => a.at - b.at);
  for (const arrival of sorted) {
    let placed = false;
    for (const size of SIZES.slice(SIZES.indexOf(arrival.size))) {
      inDoors[size] = inDoors[size].filter((leavesAt) => leavesAt > arrival.at);
      if (inDoors[size].length < doors[size]) {
        inDoors[size].push(arrival.leavesAt);
        if (size !== arrival.size) result.upsized++;
        placed = true;
        break;
      }
    }
    if (!placed) result.turnedAway[arrival.size]++;
  }
  return result;
}

/**
 * The doors of each size that would have taken every one of `arrivals` in a door of its
 * own size: the most parcels of each size in doors at once. With these, the replay turns
 * nobody away and upsizes nobody; fewer of a size and some parcel has to go up or away.
 */
export function doorsForEveryArrival(arrivals: readonly ReplayArrival[]): Record<SlotSize, number> {
  const peak: Record<SlotSize, number> = { S: 0, M: 0, L: 0, XL: 0 };
  for (const size of SIZES) {
    const changes = arrivals
      .filter((a) => a.size === size)
      .flatMap((a) => [
        { at: a.at, delta: 1 },
        { at: a.leavesAt, delta: -1 },
      ])
      // A door freed at the same instant another parcel arrives is free for it.
      .sort((a, b) => a.at - b.at || a.delta - b.delta);
    let current = 0;
    for (const change of changes) {
      current += change.delta;
      peak[size] = Math.max(peak[size], current);
    }
  }
  return peak;
}
