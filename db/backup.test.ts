import fs from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { openDatabase } from "@/db/client";
import { createStation, deposit } from "@/lib/testing/parcels";
import { createTestWorld } from "@/lib/testing/factories";
import { backupDatabase } from "./backup";

const world = createTestWorld();
afterAll(() => world.close());

test("a backup taken while writes go on is a whole, consistent database, and never overwrites one", async () => {
  const station = createStation(world);
  for (let i = 0; i < 5; i++) await deposit(world, station.courier, station.site.id);
  const target = path.join(path.dirname(world.file), "backups", "copy.db");

  const taking = backupDatabase(world.db, target);
  await deposit(world, station.courier, station.site.id); // the live database keeps serving
  const backup = await taking;

  expect(backup.bytes).toBeGreaterThan(0);
  // One self-contained file to copy off the machine.
  expect(fs.readdirSync(path.dirname(backup.file))).toEqual(["copy.db"]);
  const copy = openDatabase(backup.file, { migrate: false });
  try {
    const count = (db: typeof copy) => (db.$client.prepare("select count(*) as n from parcels").get() as { n: number }).n;
    expect(count(copy)).toBeGreaterThanOrEqual(5);
    expect(count(copy)).toBeLessThanOrEqual(count(world.db));
    expect(copy.$client.pragma("foreign_key_check")).toEqual([]);
  } finally {
    copy.$client.close();
  }
  await expect(backupDatabase(world.db, target)).rejects.toThrow(/exists already/);
  expect(fs.existsSync(target)).toBe(true);
});
