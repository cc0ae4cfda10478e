import { describe, expect, test } from "vitest";
import type { SlotSize } from "@/db/enums";
import { arrivalModel, weekdayFactors, type ArrivalParcel } from "./arrivals";
import { zoneClock } from "./zone-clock";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const clock = zoneClock("UTC");
// Thursday 26 November 2026, 00:00 UTC: a whole day ahead, nothing of it seen yet.
const NOW = Date.UTC(2026, 10, 26);

/** 56 days of history, `perDay(day, weekday)` parcels at 10:00 UTC each day, all of size `size(i)`. */
function history(perDay: (day: number, weekday: number) => number, size: (day: number, i: number) => SlotSize = () => "M"): ArrivalParcel[] {
  const parcels: ArrivalParcel[] = [];
  for (let back = 56; back >= 1; back--) {
    const day = clock.day(NOW) - back;
    const n = perDay(back, clock.weekday(day));
    for (let i = 0; i < n; i++) parcels.push({ size: size(back, i), depositedAt: day * DAY + 10 * HOUR + i * 1000 });
  }
  return parcels;
}

function expectedDay(model: ReturnType<typeof arrivalModel>, size: SlotSize, day: number): number {
  let n = 0;
  for (let h = 0; h < 24; h++) n += model.expected(size, day * DAY + h * HOUR);
  return n;
}

describe("the arrivals expected", () => {
  test("keep a weekday's own volume when eight weeks agree on it: a rural Sunday stays quiet", () => {
    // 40 a day on weekdays, 6 on Sundays, 16 on Saturdays.
    const perDay = (_: number, wd: number) => (wd === 0 ? 6 : wd === 6 ? 16 : 40);
    const model = arrivalModel(history(perDay), { from: NOW - 57 * DAY, now: NOW, marks: new Map(), clock });
    const today = clock.day(NOW); // Thursday
    const sunday = today + 3;
    expect(expectedDay(model, "M", today)).toBeCloseTo(40, -0.5);
    // Shrinking each weekday two days' worth towards the average made it 11.
    expect(expectedDay(model, "M", sunday)).toBeLessThan(7.5);
    expect(expectedDay(model, "M", sunday)).toBeGreaterThan(4.5);
  });

  test("weekday factors lean on the average only as far as their own noise goes", () => {
    const mean = 20;
    // Monday seen on one day only, at twice the average; the other weekdays on eight days each, at the average, varying a little.
    const ns = [8, 1, 8, 8, 8, 8, 8];
    const sums = ns.map((n, wd) => (wd === 1 ? 40 : n * mean));
    const squares = ns.map((n, wd) => (wd === 1 ? 1600 : n * mean * mean * 1.01));
    const factors = weekdayFactors(sums, squares, ns, mean);
    expect(factors[0]).toBeCloseTo(1, 2);
    expect(factors[1]).toBeGreaterThan(1);
    expect(factors[1]).toBeLessThan(1.9);
    expect(weekdayFactors(sums, squares, ns, 0)).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  test("a door size that takes few parcels is read from the whole window, not only the last two weeks", () => {
    // 20 a day; every tenth parcel needs an XL door, but by chance none in the last 14 days.
    const size = (back: number, i: number): SlotSize => (back > 14 && i % 10 === 0 ? "XL" : "M");
    const model = arrivalModel(history(() => 20, size), { from: NOW - 57 * DAY, now: NOW, marks: new Map(), clock });
    const today = clock.day(NOW);
    const xl = expectedDay(model, "XL", today);
    expect(xl).toBeGreaterThan(0.5);
    expect(xl).toBeLessThan(2);
    expect(xl + expectedDay(model, "M", today)).toBeCloseTo(20, -0.5);
  });
});
