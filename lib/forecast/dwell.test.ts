import { describe, expect, test } from "vitest";
import { dwellCurves, survivalAt, type DwellParcel } from "./dwell";
import { zoneClock } from "./zone-clock";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const clock = zoneClock("UTC");
// Thursday 26 November 2026, 00:00 UTC.
const NOW = Date.UTC(2026, 10, 26);

/** `days` days of `perDay` parcels arriving at `hour` (UTC) and leaving `waitHours` later. */
function arrivingAt(hour: number, waitHours: number, days: number, perDay: number): DwellParcel[] {
  const parcels: DwellParcel[] = [];
  for (let d = days; d >= 2; d--)
    for (let i = 0; i < perDay; i++) {
      const at = NOW - d * DAY + hour * HOUR + i * 60_000;
      parcels.push({ depositedAt: at, closedAt: at + waitHours * HOUR });
    }
  return parcels;
}

describe("the dwell-time curves", () => {
  test("are the site's own for each hour of arrival, not for a block of hours", () => {
    // 16:00 parcels are gone in three hours; 19:00 parcels wait the night (14 hours).
    const parcels = [...arrivingAt(16, 3, 30, 5), ...arrivingAt(19, 14, 30, 5)];
    const dwell = dwellCurves(parcels, NOW - 56 * DAY, NOW, 72, clock);
    expect(dwell.measured).toBe(true);
    expect(survivalAt(dwell.curves[16], 5)).toBeLessThan(0.05);
    expect(survivalAt(dwell.curves[19], 5)).toBeGreaterThan(0.95);
    expect(survivalAt(dwell.curves[19], 15)).toBeLessThan(0.05);
  });

  test("an hour with few parcels of its own leans on its neighbours and the whole site", () => {
    // 150 parcels at 10:00 wait 20 h; a single one at 11:00 left after an hour.
    const parcels = [...arrivingAt(10, 20, 30, 5), ...arrivingAt(11, 1, 3, 1)];
    const dwell = dwellCurves(parcels, NOW - 56 * DAY, NOW, 72, clock);
    // Two parcels say little against 150: the 11:00 curve stays mostly the 10:00 one's.
    expect(survivalAt(dwell.curves[11], 5)).toBeGreaterThan(0.6);
    // With nothing of its own (03:00), an hour takes the site's curve.
    expect(survivalAt(dwell.curves[3], 5)).toBeCloseTo(survivalAt(dwell.pooled, 5), 1);
  });

  test("parcels still waiting count as waiting at least this long (censored), not as collected", () => {
    // 40 parcels collected after 2 h; 40 deposited 30 h ago are still there.
    const done = arrivingAt(8, 2, 10, 4);
    const waiting: DwellParcel[] = Array.from({ length: 40 }, (_, i) => ({ depositedAt: NOW - 30 * HOUR + i * 1000, closedAt: null }));
    const dwell = dwellCurves([...done, ...waiting], NOW - 56 * DAY, NOW, 72, clock);
    expect(survivalAt(dwell.pooled, 10)).toBeGreaterThan(0.45);
  });
});
