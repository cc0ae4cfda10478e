import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { notifications, siteForecasts, sites } from "@/db/schema";
import { renderNotification } from "@/lib/notifications/templates";
import { collectParcel } from "@/lib/parcels/collect";
import { createTestWorld, pickupCodeOf } from "@/lib/testing/factories";
import { createStation, deposit, HOUR_MS } from "@/lib/testing/parcels";
import { layoutByRow } from "@/lib/sites/layout";
import { CATCH_UP_WAIT_PER_COST, currentForecast, FORECAST_REFRESH_MS, noteForecastCost, refreshSiteForecast, refreshStaleForecasts } from "./store";

const world = createTestWorld();
afterAll(() => world.close());
const system = () => world.ctx({ kind: "system" as const });

// The world's clock starts at 17:00 in Shanghai (09:00 UTC).
const START = world.clock.now;

function remindersOf(parcelId: number) {
  return world.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.parcelId, parcelId), eq(notifications.kind, "crunch_reminder")))
    .all();
}

/** A station whose four M doors all fill at 17:00 with parcels nobody collects. */
async function crowdedStation() {
  const station = createStation(world, { layout: layoutByRow(["M", "M", "L", "S", "XL"], 2) });
  const saved = world.clock.now;
  world.clock.now = START;
  const parcels = [];
  for (let i = 0; i < 4; i++) {
    parcels.push((await deposit(world, station.courier, station.site.id, { size: "M", recipientEmail: `m${i}@test.example` })).parcel);
    world.clock.now += 60_000;
  }
  world.clock.now = saved;
  return { station, parcels };
}

describe("collect-today reminders when a crunch is forecast", () => {
  test("none in the quiet hours; then one per parcel for the longest waiting, by text and email, and never twice", async () => {
    const { station, parcels } = await crowdedStation();
    // 06:00 next morning in Shanghai: the doors are still full, but it is too early to write.
    world.clock.now = START + 13 * HOUR_MS;
    expect(refreshSiteForecast(system(), station.site.id)).toBe(0);
    expect(remindersOf(parcels[0].id)).toHaveLength(0);

    // 09:00: four M doors, a tenth of them rounded up is one — the parcel that waited longest.
    world.clock.now = START + 16 * HOUR_MS;
    expect(refreshSiteForecast(system(), station.site.id)).toBe(1);
    const sent = remindersOf(parcels[0].id);
    expect(sent.map((n) => n.channel).sort()).toEqual(["email", "sms"]);
    expect(remindersOf(parcels[1].id)).toHaveLength(0);

    // The next round an hour later asks the next-longest waiting, never the first again.
    world.clock.now += HOUR_MS;
    expect(refreshSiteForecast(system(), station.site.id)).toBe(1);
    expect(remindersOf(parcels[0].id)).toHaveLength(2);
    expect(remindersOf(parcels[1].id)).toHaveLength(2);
  });

  test("no reminder while no crunch is forecast, however long a parcel has waited", async () => {
    const station = createStation(world, { layout: layoutByRow(["M", "M", "M", "M", "M"], 4) });
    world.clock.now = START;
    const { parcel } = await deposit(world, station.courier, station.site.id, { size: "M" });
    world.clock.now = START + 40 * HOUR_MS; // 09:00 two days on
    expect(refreshSiteForecast(system(), station.site.id)).toBe(0);
    expect(remindersOf(parcel.id)).toHaveLength(0);
  });

  test("the message asks politely, gives the door and code, and is skipped once the parcel is collected", async () => {
    const { station, parcels } = await crowdedStation();
    world.clock.now = START + 16 * HOUR_MS;
    refreshSiteForecast(system(), station.site.id);
    const sms = remindersOf(parcels[0].id).find((n) => n.channel === "sms")!;
    const rendering = renderNotification(system(), sms);
    if (rendering.action !== "send") throw new Error("expected a message");
    // A recipient with no account hears the site's language: the demo campus's Chinese.
    expect(rendering.message.text).toContain("请今天取走");
    expect(rendering.message.text).toMatch(/取件码 \d{6}/);
    // A site whose default is English words it in English.
    world.db.update(sites).set({ defaultLocale: "en" }).where(eq(sites.id, station.site.id)).run();
    const english = renderNotification(system(), sms);
    if (english.action !== "send") throw new Error("expected a message");
    expect(english.message.text).toContain("please collect");
    expect(english.message.text).toMatch(/pickup code \d{6}/);

    await collectParcel(world.ctx(station.kiosk), { code: pickupCodeOf(world, parcels[0].id), phoneLast4: parcels[0].recipientPhone.slice(-4) });
    expect(renderNotification(system(), sms)).toMatchObject({ action: "skip" });
  });
});

describe("stored forecasts", () => {
  test("the background round refreshes stale forecasts and leaves fresh ones for later", async () => {
    const station = createStation(world);
    world.clock.now = START + 100 * HOUR_MS;
    const first = await refreshStaleForecasts(system());
    expect(first.refreshed).toBeGreaterThanOrEqual(1);
    const row = world.db.select().from(siteForecasts).where(eq(siteForecasts.siteId, station.site.id)).get()!;
    expect(row.computedAt).toBe(world.clock.now);
    expect((await refreshStaleForecasts(system())).refreshed).toBe(0);
    world.clock.now += FORECAST_REFRESH_MS + 1;
    expect((await refreshStaleForecasts(system())).refreshed).toBe(first.refreshed);
  });

  test("the round lets waiting requests run between two sites' forecasts", async () => {
    createStation(world);
    createStation(world);
    createStation(world);
    world.clock.now = START + 300 * HOUR_MS;
    const storedNow = () => world.db.select().from(siteForecasts).all().filter((row) => row.computedAt === world.clock.now).length;
    // A request that arrived as the round began: it is served a site or two in, not after
    // the last (nor, as when the round held the event loop throughout, after the round).
    let storedWhenServed = -1;
    const round = refreshStaleForecasts(system());
    setImmediate(() => (storedWhenServed = storedNow()));
    const { refreshed } = await round;
    expect(refreshed).toBeGreaterThanOrEqual(3);
    expect(storedWhenServed).toBeGreaterThan(0);
    expect(storedWhenServed).toBeLessThan(refreshed);
    expect(storedNow()).toBe(refreshed);
  });

  test("a reader trusts a fresh stored forecast; the next round catches it up once the doors moved", async () => {
    const station = createStation(world);
    world.clock.now = START + 200 * HOUR_MS;
    refreshSiteForecast(system(), station.site.id);
    const stored = currentForecast(world.db, station.site.id, world.clock.now)!;
    expect(stored.computedAt).toBe(world.clock.now);
    world.clock.now += 60_000;
    await deposit(world, station.courier, station.site.id, { size: "M" });
    // A page view computes nothing: the stored row serves.
    expect(currentForecast(world.db, station.site.id, world.clock.now)!.computedAt).toBe(stored.computedAt);
    // The round sees the doors moved and refreshes this site, though its row is young.
    await refreshStaleForecasts(system());
    const fresh = currentForecast(world.db, station.site.id, world.clock.now)!;
    expect(fresh.computedAt).toBe(world.clock.now);
    expect(fresh.sizes.find((s) => s.size === "M")!.occupiedNow).toBe(1);
    // Nothing moved since: the next round leaves it.
    world.clock.now += 60_000;
    await refreshStaleForecasts(system());
    expect(currentForecast(world.db, station.site.id, world.clock.now)!.computedAt).toBe(fresh.computedAt);
  });

  test("a costly forecast is caught up as often as its cost allows, not every round its doors moved", async () => {
    const station = createStation(world);
    world.clock.now = START + 400 * HOUR_MS;
    refreshSiteForecast(system(), station.site.id);
    const storedAt = world.clock.now;
    // As long as a year-sized station's takes: caught up 30 s after it was computed.
    noteForecastCost(world.db, station.site.id, 30);
    const waits = 30 * CATCH_UP_WAIT_PER_COST;
    world.clock.now += 5_000;
    await deposit(world, station.courier, station.site.id, { size: "M" });
    const computedAt = () => currentForecast(world.db, station.site.id, world.clock.now)!.computedAt;
    await refreshStaleForecasts(system());
    expect(computedAt()).toBe(storedAt);
    world.clock.now = storedAt + waits - 1;
    await refreshStaleForecasts(system());
    expect(computedAt()).toBe(storedAt);
    world.clock.now = storedAt + waits;
    await refreshStaleForecasts(system());
    expect(computedAt()).toBe(world.clock.now);
    expect(currentForecast(world.db, station.site.id, world.clock.now)!.sizes.find((s) => s.size === "M")!.occupiedNow).toBe(1);
  });
});
