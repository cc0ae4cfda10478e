import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE, dayKey, isTimeZone, localTimestamp, nextDayStart, parseDayKey, prevailingTimeZone, startOfDay } from "./time";

describe("startOfDay", () => {
  it("is midnight in Shanghai (UTC+8, no daylight saving), whatever the UTC date", () => {
    const zone = "Asia/Shanghai";
    expect(startOfDay(zone, Date.UTC(2026, 10, 26, 9, 0))).toBe(Date.UTC(2026, 10, 25, 16, 0));
    expect(startOfDay(zone, Date.UTC(2026, 10, 26, 17, 30))).toBe(Date.UTC(2026, 10, 26, 16, 0));
    expect(startOfDay(zone, Date.UTC(2026, 10, 26, 16, 0))).toBe(Date.UTC(2026, 10, 26, 16, 0));
    expect(startOfDay(zone, Date.UTC(2026, 10, 26, 15, 59, 59, 999))).toBe(Date.UTC(2026, 10, 25, 16, 0));
    expect(startOfDay("UTC", Date.UTC(2026, 10, 26, 12, 0))).toBe(Date.UTC(2026, 10, 26));
  });

  it("follows Berlin's clock across daylight saving (CET +1, CEST +2)", () => {
    const zone = "Europe/Berlin";
    // Winter: midnight is 23:00 UTC the day before; summer: 22:00 UTC.
    expect(startOfDay(zone, Date.UTC(2026, 0, 15, 12, 0))).toBe(Date.UTC(2026, 0, 14, 23, 0));
    expect(startOfDay(zone, Date.UTC(2026, 6, 15, 12, 0))).toBe(Date.UTC(2026, 6, 14, 22, 0));
    // 29 March 2026 springs forward at 02:00 (01:00 UTC): the day began at 23:00 UTC, a
    // winter midnight, though the afternoon is in summer time — and it lasts 23 hours.
    const springDay = startOfDay(zone, Date.UTC(2026, 2, 29, 15, 0));
    expect(springDay).toBe(Date.UTC(2026, 2, 28, 23, 0));
    expect(nextDayStart(zone, springDay) - springDay).toBe(23 * 3_600_000);
    // 25 October 2026 falls back at 03:00 (01:00 UTC): began at 22:00 UTC, lasts 25 hours.
    const autumnDay = startOfDay(zone, Date.UTC(2026, 9, 25, 20, 0));
    expect(autumnDay).toBe(Date.UTC(2026, 9, 24, 22, 0));
    expect(nextDayStart(zone, autumnDay) - autumnDay).toBe(25 * 3_600_000);
    // The last minute of a day still belongs to it.
    expect(startOfDay(zone, Date.UTC(2026, 9, 25, 22, 59))).toBe(autumnDay);
    expect(startOfDay(zone, Date.UTC(2026, 9, 25, 23, 0))).toBe(Date.UTC(2026, 9, 25, 23, 0));
  });
});

describe("day keys and timestamps", () => {
  it("cut days at midnight in the zone given", () => {
    const evening = Date.UTC(2026, 10, 26, 15, 59); // 23:59 in Shanghai, 16:59 in Berlin
    expect(dayKey("Asia/Shanghai", evening)).toBe("2026-11-26");
    expect(dayKey("Asia/Shanghai", evening + 60_000)).toBe("2026-11-27");
    expect(dayKey("Europe/Berlin", evening + 60_000)).toBe("2026-11-26");
    expect(parseDayKey("Asia/Shanghai", "2026-11-26")).toBe(Date.UTC(2026, 10, 25, 16, 0));
    expect(parseDayKey("Europe/Berlin", "2026-11-26")).toBe(Date.UTC(2026, 10, 25, 23, 0));
    expect(parseDayKey("Europe/Berlin", "2026-03-29")).toBe(Date.UTC(2026, 2, 28, 23, 0));
    expect(parseDayKey(DEFAULT_TIME_ZONE, "2026-02-30")).toBeNull();
    expect(parseDayKey(DEFAULT_TIME_ZONE, "26/11/2026")).toBeNull();
    expect(localTimestamp("Asia/Shanghai", Date.UTC(2026, 10, 26, 9, 5))).toBe("2026-11-26 17:05");
    expect(localTimestamp("Europe/Berlin", Date.UTC(2026, 10, 26, 9, 5))).toBe("2026-11-26 10:05");
  });
});

describe("time zone names", () => {
  it("knows IANA names and refuses others", () => {
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });

  it("reads an organization in the zone most of its sites keep, the default on a tie or none", () => {
    expect(prevailingTimeZone([])).toBe(DEFAULT_TIME_ZONE);
    expect(prevailingTimeZone(["Europe/Berlin", "Europe/Berlin", "Asia/Shanghai"])).toBe("Europe/Berlin");
    expect(prevailingTimeZone(["Europe/Berlin", "Asia/Shanghai"])).toBe(DEFAULT_TIME_ZONE);
  });
});
