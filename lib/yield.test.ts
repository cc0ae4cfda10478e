import { describe, expect, test } from "vitest";
import { FairShare } from "./yield";

/** A FairShare on a hand-moved clock, whose turns given away are `requestsMs` long each. */
function onTestClock(requestsMs: () => number) {
  let clock = 0;
  let yields = 0;
  const turns = new FairShare({
    share: 0.2,
    minSliceMs: 4,
    maxSliceMs: 10,
    now: () => clock,
    yieldTurn: async () => {
      yields++;
      clock += requestsMs();
    },
  });
  return { turns, work: (ms: number) => void (clock += ms), yields: () => yields, clock: () => clock };
}

/** Work in 0.5 ms units (a message), pausing between them, until `totalMs` of work is done. */
async function workFor(t: ReturnType<typeof onTestClock>, totalMs: number) {
  for (let done = 0; done < totalMs; done += 0.5) {
    t.work(0.5);
    await t.turns.pause();
  }
}

describe("FairShare", () => {
  test("keeps its turn until the turn is used up, then lets requests run", async () => {
    const t = onTestClock(() => 0);
    t.work(3.5);
    await t.turns.pause();
    expect(t.yields()).toBe(0);
    t.work(0.5);
    await t.turns.pause();
    expect(t.yields()).toBe(1);
  });

  test("with an idle loop it works in short turns, nearly all the time", async () => {
    const t = onTestClock(() => 0.25);
    await workFor(t, 100);
    expect(t.turns.turnMs).toBe(4);
    expect(t.yields()).toBe(25);
    expect(100 / t.clock()).toBeGreaterThan(0.9);
  });

  test("when requests hold the loop longer, its turns grow to keep its share, up to the longest turn", async () => {
    // Requests held the loop 20 ms: a 5 ms turn is 20 % of the 25.
    const busy = onTestClock(() => 20);
    await workFor(busy, 100);
    expect(busy.turns.turnMs).toBe(5);
    expect(100 / busy.clock()).toBeCloseTo(0.2, 2);

    // 200 ms: the turn stops at 10 ms, so no request waits longer than that for it.
    const saturated = onTestClock(() => 200);
    await workFor(saturated, 100);
    expect(saturated.turns.turnMs).toBe(10);

    // With a fixed 4 ms turn, 100 ms of work behind 20 ms turns of requests took 600 ms, not 500.
    expect(busy.clock()).toBeLessThan(520);
  });

  test("a wait for a commit or I/O counts as a turn given away", async () => {
    const t = onTestClock(() => 0);
    const committed = t.turns.waitFor(async () => {
      t.work(30); // the requests that ran while the commit was on its way
      return "durable";
    });
    await expect(committed).resolves.toBe("durable");
    expect(t.turns.turnMs).toBe(7.5);
  });
});
