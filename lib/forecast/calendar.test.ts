import { afterAll, describe, expect, test } from "vitest";
import { createTranslator } from "use-intl/core";
import { crunchWarning } from "@/components/admin/forecast/words";
import { MESSAGES } from "@/lib/i18n/messages";
import { createTestWorld } from "@/lib/testing/factories";
import { adminScene, expectAdminsOnly, expectRefused } from "@/lib/testing/admin";
import { createStation, deposit, HOUR_MS } from "@/lib/testing/parcels";
import { organizationForecasts } from "./admin";
import { markCalendarDays, unmarkCalendarDay, upcomingCalendarMarks } from "./calendar";
import { loadForecastInput } from "./load";

const world = createTestWorld();
afterAll(() => world.close());
const scene = adminScene(world);
const words = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "admin.forecast.words" });
const admin = () => world.ctx(scene.admin);

// The world's clock: Thursday 26 November 2026, 17:00 in Shanghai.
describe("the forecast calendar", () => {
  test("an admin marks a sales week for one site; the forecast of that site reads it, another site's does not", () => {
    const result = markCalendarDays(admin(), { place: String(scene.station.site.id), day: "2026-11-28", days: "3", kind: "sales" });
    expect(result).toEqual({ marked: 3, first: "2026-11-28", last: "2026-11-30" });
    const marks = upcomingCalendarMarks(admin());
    expect(marks.map((m) => [m.day, m.kind, m.siteName])).toEqual([
      ["2026-11-28", "sales", scene.station.site.name],
      ["2026-11-29", "sales", scene.station.site.name],
      ["2026-11-30", "sales", scene.station.site.name],
    ]);
    expect(loadForecastInput(world.db, scene.station.site.id, world.clock.now)!.marks.get("2026-11-29")).toBe("sales");
    expect(loadForecastInput(world.db, scene.other.site.id, world.clock.now)!.marks.size).toBe(0);
  });

  test("a mark for all sites applies to each; marking the same day again changes its kind, not the count", () => {
    markCalendarDays(admin(), { place: "all", day: "2026-12-01", days: "1", kind: "sales" });
    markCalendarDays(admin(), { place: "all", day: "2026-12-01", days: "1", kind: "term_start" });
    const december = upcomingCalendarMarks(admin()).filter((m) => m.day === "2026-12-01");
    expect(december).toHaveLength(1);
    expect(december[0]).toMatchObject({ kind: "term_start", siteId: null });
    expect(loadForecastInput(world.db, scene.station.site.id, world.clock.now)!.marks.get("2026-12-01")).toBe("term_start");
  });

  test("an admin removes a mark; another organization's admin cannot", async () => {
    const [mark] = upcomingCalendarMarks(admin());
    await expectRefused(world, scene.otherAdmin, (ctx) => unmarkCalendarDay(ctx, { markId: String(mark.id) }), "NOT_FOUND");
    expect(unmarkCalendarDay(admin(), { markId: String(mark.id) })).toEqual({ day: mark.day });
    expect(upcomingCalendarMarks(admin()).some((m) => m.id === mark.id)).toBe(false);
  });

  test("refuses past days, impossible dates, too many days, another organization's site and everyone but admins", async () => {
    const mark = (raw: Record<string, string>) => (ctx: Parameters<typeof markCalendarDays>[0]) => markCalendarDays(ctx, { place: "all", days: "1", kind: "sales", ...raw });
    const past = await expectRefused(world, scene.admin, mark({ day: "2026-11-25" }), "INVALID");
    expect(past.details).toMatchObject({ fieldErrors: { day: [expect.stringContaining("today or a later day")] } });
    await expectRefused(world, scene.admin, mark({ day: "2026-02-30" }), "INVALID");
    await expectRefused(world, scene.admin, mark({ day: "2026-12-02", days: "15" }), "INVALID");
    await expectRefused(world, scene.admin, mark({ day: "2026-12-02", place: String(scene.other.site.id) }), "NOT_FOUND");
    await expectAdminsOnly(world, scene, mark({ day: "2026-12-02" }));
  });
});

describe("forecast warnings for the admin", () => {
  test("a site whose M doors are all taken shows a warning in the admin's words; other organizations' sites are not listed", async () => {
    const station = createStation(world, { organizationId: scene.station.organizationId, name: "North Dormitory Station", layout: [["M", "M"], ["S", "L"]] });
    for (let i = 0; i < 2; i++) await deposit(world, station.courier, station.site.id, { size: "M" });
    world.clock.now += HOUR_MS;
    const views = organizationForecasts(admin());
    expect(views.map((v) => v.siteId)).not.toContain(scene.other.site.id);
    const north = views.find((v) => v.siteId === station.site.id)!;
    const crunch = north.crunches.find((c) => c.size === "M")!;
    expect(crunch).toBeDefined();
    expect(crunchWarning(words, north.name, crunch, world.clock.now, north.timeZone)).toMatch(/^North Dormitory Station, size M: full now until \S*\s?\d\d:00 \(\d+ %\)$/);
    // Beside the forecast, the real occupancy of the last day: both doors taken now, none a day ago.
    const chart = north.charts.find((c) => c.size === "M")!;
    expect(chart.past[chart.past.length - 1].occupied).toBe(2);
    expect(chart.past[0].occupied).toBe(0);
    expect(north.crunches.some((c) => c.size === "S")).toBe(false);
  });

  test("a warning ahead reads like the issue's: full tomorrow 10:00–14:00 (80 %)", () => {
    const now = Date.UTC(2026, 10, 26, 9, 0); // 17:00 Shanghai
    const from = Date.UTC(2026, 10, 27, 2, 0); // tomorrow 10:00
    expect(crunchWarning(words, "North Dormitory Station", { size: "M", from, until: from + 4 * HOUR_MS, peak: 0.8 }, now, "Asia/Shanghai")).toBe(
      "North Dormitory Station, size M: full tomorrow 10:00–14:00 (80 %)",
    );
  });

  test("parcels older than their site's row (moved in, or the demo's backdated history) count as its history", async () => {
    const station = createStation(world, { organizationId: scene.station.organizationId });
    const saved = world.clock.now;
    world.clock.now = saved - 10 * 24 * HOUR_MS;
    const { parcel } = await deposit(world, station.courier, station.site.id, { size: "S" });
    world.clock.now = saved;
    const input = loadForecastInput(world.db, station.site.id, world.clock.now)!;
    expect(input.since).toBe(parcel.depositedAt);
    expect(input.since).toBeLessThan(station.site.createdAt);
  });

  test("only admins see forecasts", async () => {
    await expectAdminsOnly(world, scene, (ctx) => organizationForecasts(ctx));
  });
});
