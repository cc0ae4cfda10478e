import { afterAll, expect, test } from "vitest";
import { SimulatedDoorController } from "@/lib/cabinet/door-controller";
import { appContext } from "@/lib/app-context";
import { createTestWorld } from "@/lib/testing/factories";
import { createStation, deposit } from "@/lib/testing/parcels";
import { courierFullWarnings } from "./courier";
import { clearStoredForecasts, refreshStaleForecasts } from "./store";

const world = createTestWorld();
afterAll(() => world.close());

/** What the background round stores, from scratch (the round itself catches a fresh one up only once its cost allows). */
async function storeForecasts() {
  clearStoredForecasts(world.db);
  await refreshStaleForecasts(appContext({ kind: "system" }, { db: world.db, now: () => world.clock.now, doors: new SimulatedDoorController(), keys: world.keys }));
}

test("a site full in one size is named by that size; a site full in every size says so rather than name one", async () => {
  const station = createStation(world, { layout: [["S", "S"], ["M"]] });
  const courier = world.ctx(station.courier);
  await deposit(world, station.courier, station.site.id, { size: "S" });
  await deposit(world, station.courier, station.site.id, { size: "S" });
  await storeForecasts();
  expect(courierFullWarnings(courier, [station.site.id]).get(station.site.id)).toMatchObject({ size: "S", everySizeFull: false });

  await deposit(world, station.courier, station.site.id, { size: "M" });
  await storeForecasts();
  expect(courierFullWarnings(courier, [station.site.id]).get(station.site.id)).toMatchObject({ at: world.clock.now, everySizeFull: true });
});
