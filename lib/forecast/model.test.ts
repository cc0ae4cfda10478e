import { describe, expect, test } from "vitest";
import type { CalendarDayKind, SlotSize } from "@/db/enums";
import type { AnnouncedParcel } from "./announcements";
import { DEFAULT_LIFT } from "./arrivals";
import { forecastSite, HORIZON_HOURS, type ForecastInput, type ForecastParcel } from "./model";
import { crunchesOf, likelyFullBy } from "./warnings";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Thursday 26 November 2026, 09:00 in Shanghai (01:00 UTC).
const NOW = Date.UTC(2026, 10, 26, 1, 0);

function input(overrides: Partial<ForecastInput> = {}): ForecastInput {
  return {
    now: NOW,
    timeZone: "Asia/Shanghai",
    holdPeriodHours: 72,
    capacity: { S: 20, M: 20, L: 10, XL: 4 },
    parcels: [],
    announced: [],
    missedAnnouncements: 0,
    marks: new Map(),
    since: NOW - 90 * DAY,
    ...overrides,
  };
}

/** `days` of steady history: `perDay` M parcels a day at 10:00 and 15:00 Shanghai, each collected after `waitHours`. */
function steadyHistory(days: number, perDay: number, waitHours: number, size: SlotSize = "M"): ForecastParcel[] {
  const parcels: ForecastParcel[] = [];
  const midnight = Date.UTC(2026, 10, 25, 16, 0); // 26 Nov 00:00 in Shanghai
  for (let d = days; d >= 1; d--) {
    for (let i = 0; i < perDay; i++) {
      const at = midnight - d * DAY + (i % 2 === 0 ? 10 : 15) * HOUR + i * 60_000;
      parcels.push({ size, depositedAt: at, closedAt: at + waitHours * HOUR });
    }
  }
  return parcels;
}

/** `count` parcels of `size` announced an hour ago. */
function waiting(size: SlotSize, count: number): AnnouncedParcel[] {
  return Array.from({ length: count }, () => ({ size, announcedAt: NOW - HOUR }));
}

const sizeOf = (forecast: ReturnType<typeof forecastSite>, size: SlotSize) => forecast.sizes.find((s) => s.size === size)!;

describe("the forecast", () => {
  test("starts from the doors occupied now and runs 48 local hours ahead", () => {
    const live: ForecastParcel[] = Array.from({ length: 5 }, (_, i) => ({ size: "S", depositedAt: NOW - (i + 1) * HOUR, closedAt: null }));
    const forecast = forecastSite(input({ parcels: live }));
    const small = sizeOf(forecast, "S");
    expect(small.occupiedNow).toBe(5);
    expect(small.points).toHaveLength(HORIZON_HOURS + 1);
    expect(small.points[0]).toMatchObject({ at: NOW, mean: 5, low: 5, high: 5 });
    expect(small.points[1].at).toBe(NOW + HOUR);
    // With no history, parcels are assumed to leave (the starting curve), so the level falls.
    expect(small.points[24].mean).toBeLessThan(5);
    expect(forecast.basis.dwellMeasured).toBe(false);
  });

  test("hours are the site's own: in Kolkata (+05:30) they start at half past in UTC", () => {
    const forecast = forecastSite(input({ timeZone: "Asia/Kolkata", now: Date.UTC(2026, 10, 26, 1, 10) }));
    expect(new Date(forecast.sizes[0].points[1].at).toISOString()).toBe("2026-11-26T01:30:00.000Z");
  });

  test("a steady site is forecast near its steady level, inside a band that holds it", () => {
    // 20 M parcels a day, each staying 20 hours: about 16 in doors at any time of day.
    const history = steadyHistory(28, 20, 20);
    const live = history.filter((p) => p.closedAt! > NOW).map((p) => ({ ...p, closedAt: null }));
    const past = history.filter((p) => p.closedAt! <= NOW);
    const forecast = forecastSite(input({ parcels: [...past, ...live] }));
    const medium = sizeOf(forecast, "M");
    expect(forecast.basis.dwellMeasured).toBe(true);
    const tomorrowSameHour = medium.points[24];
    expect(tomorrowSameHour.mean).toBeGreaterThan(medium.occupiedNow - 3);
    expect(tomorrowSameHour.mean).toBeLessThan(medium.occupiedNow + 3);
    expect(tomorrowSameHour.low).toBeLessThanOrEqual(medium.occupiedNow);
    expect(tomorrowSameHour.high).toBeGreaterThanOrEqual(medium.occupiedNow);
    // Nothing arrives in S doors in this history: they stay empty.
    expect(sizeOf(forecast, "S").points.every((p) => p.mean === 0)).toBe(true);
  });

  test("a marked sales day lifts the arrivals expected on it", () => {
    const history = steadyHistory(28, 20, 20).filter((p) => p.closedAt! <= NOW);
    const capacity = { S: 20, M: 100, L: 10, XL: 4 };
    const plain = forecastSite(input({ parcels: history, capacity }));
    const marks = new Map<string, CalendarDayKind>([["2026-11-27", "sales"]]);
    const lifted = forecastSite(input({ parcels: history, capacity, marks }));
    // Friday 27 November, 18:00 Shanghai: after both of the day's rounds.
    const at = Date.UTC(2026, 10, 27, 10, 0);
    const plainPoint = sizeOf(plain, "M").points.find((p) => p.at === at)!;
    const liftedPoint = sizeOf(lifted, "M").points.find((p) => p.at === at)!;
    expect(liftedPoint.mean).toBeGreaterThan(plainPoint.mean * 1.3);
    expect(lifted.basis.lifts.sales).toBe(DEFAULT_LIFT.sales);
  });

  test("announced parcels raise the next day's arrivals when history expects fewer", () => {
    const plain = forecastSite(input());
    const announced = forecastSite(input({ announced: waiting("L", 12) }));
    expect(sizeOf(plain, "L").points[12].mean).toBe(0);
    expect(sizeOf(announced, "L").points[12].mean).toBeGreaterThan(3);
  });

  test("a size whose doors are all taken and stay taken is a crunch from now, and says so first", () => {
    // Four XL doors, four parcels that arrived an hour ago; the starting curve keeps most a while.
    const live: ForecastParcel[] = Array.from({ length: 4 }, () => ({ size: "XL", depositedAt: NOW - HOUR, closedAt: null }));
    const forecast = forecastSite(input({ parcels: live, announced: waiting("XL", 6) }));
    const crunches = crunchesOf(forecast);
    expect(crunches[0]).toMatchObject({ size: "XL", from: NOW });
    expect(crunches[0].until).toBeGreaterThan(NOW + HOUR);
    expect(crunches[0].peak).toBe(1);
    expect(likelyFullBy(forecast)).toEqual({ at: NOW, size: "XL" });
    // Room to spare elsewhere: no crunch for S.
    expect(crunches.some((c) => c.size === "S")).toBe(false);
  });

  test("no doors of a size: no forecast of full, however much is announced", () => {
    const forecast = forecastSite(input({ capacity: { S: 0, M: 20, L: 10, XL: 4 }, announced: waiting("S", 30) }));
    expect(crunchesOf(forecast).some((c) => c.size === "S")).toBe(false);
    expect(sizeOf(forecast, "S").points.every((p) => p.mean === 0 && p.pFull === 0)).toBe(true);
  });
});
