import { describe, expect, test } from "vitest";
import { SIZES, type SlotSize } from "@/db/enums";
import { announcementModel, arrivalsAhead, type AnnouncedParcel, type HistoryParcel } from "./announcements";
import { arrivalModel } from "./arrivals";
import { zoneClock } from "./zone-clock";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const clock = zoneClock("UTC");
// Thursday 26 November 2026, 00:00 UTC: today's 10:00 round is ahead, nothing of today seen yet.
const NOW = Date.UTC(2026, 10, 26);
const FROM = NOW - 57 * DAY;

/**
 * 56 days of 20 M parcels a day deposited at 10:00 UTC; every other one (when `announced`)
 * announced `leadHours` before, and `declared(i)` the size its carrier declared.
 */
function history(options: { announced: boolean; leadHours?: number; declared?: (i: number) => SlotSize }): HistoryParcel[] {
  const parcels: HistoryParcel[] = [];
  for (let back = 56; back >= 1; back--) {
    for (let i = 0; i < 20; i++) {
      const depositedAt = NOW - back * DAY + 10 * HOUR + i * 1000;
      const announcedAt = options.announced && i % 2 === 0 ? depositedAt - (options.leadHours ?? 12) * HOUR : null;
      parcels.push({ size: "M", declaredSize: options.declared?.(i), depositedAt, announcedAt });
    }
  }
  return parcels;
}

function ahead(parcels: HistoryParcel[], waiting: AnnouncedParcel[], missed = 0) {
  const arrivals = arrivalModel(parcels, { from: FROM, now: NOW, marks: new Map(), clock });
  const announcements = announcementModel(parcels, { from: FROM, now: NOW, clock, missed });
  return { arrivals, announcements, hours: arrivalsAhead(arrivals, announcements, waiting, { now: NOW, hourStart: NOW, hours: 48 }) };
}

const sum = (values: Float64Array, from = 0, to = values.length) => values.slice(from, to).reduce((a, b) => a + b, 0);

/** `count` M parcels announced yesterday at 22:00, 12 hours before today's round. */
const announcedLastNight = (count: number, size: SlotSize = "M"): AnnouncedParcel[] =>
  Array.from({ length: count }, () => ({ size, announcedAt: NOW - 2 * HOUR }));

describe("announced parcels in the arrivals expected", () => {
  test("the share and the lead are learned from the site's deposits: half announced, 12 hours ahead", () => {
    const announcements = announcementModel(history({ announced: true }), { from: FROM, now: NOW, clock, missed: 0 });
    expect(announcements.announcedShare).toBeCloseTo(0.5, 5);
    // Today's 10:00 round, 10 hours away: half of it is announced by now.
    expect(announcements.knownShare(NOW + 10 * HOUR)).toBeCloseTo(0.5, 5);
    // Tomorrow's, 34 hours away: none of it yet (the lead is 12 hours).
    expect(announcements.knownShare(NOW + 34 * HOUR)).toBe(0);
    // Announced at 22:00: it comes at 10:00, twelve hours on.
    const hours = announcements.depositHours(NOW - 2 * HOUR, NOW, 48);
    expect(hours[10]).toBeCloseTo(1, 5);
    expect(sum(hours)).toBeCloseTo(1, 5);
  });

  test("announced parcels are counted once: the history's part is cut by the share already known", () => {
    const { hours } = ahead(history({ announced: true }), announcedLastNight(10));
    const medium = hours.M;
    // Today's round: 10 announced + 10 of the history's 20 not announced, not 10 + 20.
    expect(sum(medium.announced, 0, 24)).toBeCloseTo(10, 5);
    expect(sum(medium.unannounced, 0, 24)).toBeCloseTo(10, 0);
    expect(sum(medium.announced, 0, 24) + sum(medium.unannounced, 0, 24)).toBeCloseTo(20, 0);
    // Tomorrow nothing is announced yet, so the history counts whole.
    expect(sum(medium.unannounced, 24, 48)).toBeCloseTo(20, 0);
  });

  test("more announced than the history expects known by now raises the rest of the days ahead too", () => {
    const usual = ahead(history({ announced: true }), announcedLastNight(10)).hours.M;
    const busy = ahead(history({ announced: true }), announcedLastNight(16)).hours.M;
    expect(sum(busy.announced, 0, 24)).toBeCloseTo(16, 5);
    expect(sum(busy.unannounced, 24, 48)).toBeGreaterThan(sum(usual.unannounced, 24, 48));
  });

  test("an announcement older than any lead the site has seen is not expected; missed announcements thin the others", () => {
    const parcels = history({ announced: true });
    const { announcements } = ahead(parcels, []);
    expect(sum(announcements.depositHours(NOW - 20 * HOUR, NOW, 48))).toBe(0);
    // One announcement in five never came: a fresh one comes four times in five.
    const thinned = announcementModel(parcels, { from: FROM, now: NOW, clock, missed: 135 });
    expect(thinned.missedShare).toBeCloseTo(0.2, 2);
    expect(sum(thinned.depositHours(NOW - 2 * HOUR, NOW, 48))).toBeCloseTo(0.8, 2);
  });

  test("an announced parcel goes to the doors parcels of its declared size went to", () => {
    // Every other S parcel got an M door (the S doors were full).
    const declared = (i: number): SlotSize => (i % 4 === 0 ? "S" : i % 4 === 2 ? "S" : "M");
    const parcels = history({ announced: true, declared }).map((p, i) => (p.declaredSize === "S" && i % 4 === 0 ? { ...p, size: "S" as const } : p));
    const { hours, announcements } = ahead(parcels, announcedLastNight(10, "S"));
    expect(announcements.doorsOf("S").S).toBeCloseTo(0.5, 5);
    expect(sum(hours.S.announced)).toBeCloseTo(5, 5);
    expect(sum(hours.M.announced)).toBeCloseTo(5, 5);
  });

  test("share 0: the history's expectation is taken whole, exactly as before announcements were learned", () => {
    const parcels = history({ announced: false });
    const { hours, arrivals } = ahead(parcels, []);
    for (const size of SIZES) {
      for (let u = 0; u < 48; u++) expect(hours[size].unannounced[u]).toBe(arrivals.expected(size, NOW + u * HOUR));
      expect(sum(hours[size].announced)).toBe(0);
    }
  });

  test("share 0 with parcels announced: they are a floor under the next day, not added on top", () => {
    const parcels = history({ announced: false });
    expect(sum(ahead(parcels, announcedLastNight(10)).hours.M.unannounced, 0, 24)).toBeCloseTo(20, 0);
    const floor = ahead(parcels, announcedLastNight(30)).hours.M;
    expect(sum(floor.unannounced, 0, 24)).toBeCloseTo(30, 5);
    expect(sum(floor.announced)).toBe(0);
  });
});
