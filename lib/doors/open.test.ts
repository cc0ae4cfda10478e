import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { MIGRATIONS_FOLDER } from "@/db/client";
import { writeTransaction } from "@/db/transaction";
import { collectParcel } from "@/lib/parcels/collect";
import { createTestWorld, pickupCodeOf } from "@/lib/testing/factories";
import { createStation, deposit, reserve, slotRow } from "@/lib/testing/parcels";
import { HELD_DOOR_REASON } from "./hold";
import { loadDoor, recordOpenCommand, sendOpen } from "./open";

const world = createTestWorld();
afterAll(() => world.close());

const doorRows = (slotId: number) =>
  world.db.$client.prepare("select kind, purpose, reason from door_events where slot_id = ? order by id").all(slotId) as {
    kind: string;
    purpose: string | null;
    reason: string | null;
  }[];

/** Every statement text `work` prepares (db/client.ts caches by text, so each run prepares). */
async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
  const sqlite = world.db.$client;
  const prepare = sqlite.prepare;
  const seen: string[] = [];
  sqlite.prepare = ((source: string) => {
    seen.push(source);
    return prepare.call(sqlite, source);
  }) as typeof prepare;
  try {
    await work();
  } finally {
    sqlite.prepare = prepare;
  }
  return seen;
}

describe("a door's address is read once and carried", () => {
  test("a deposit reads its door only in the assignment, and the courier's screen names the door the controller opened", async () => {
    const station = createStation(world);
    const opened = world.doors.opened.length;
    let result: Awaited<ReturnType<typeof reserve>> | undefined;
    const statements = await statementsOf(async () => {
      result = await reserve(world, station.courier, station.site.id);
    });
    const doorReads = statements.filter((text) => /from slots s join lockers l/.test(text));
    expect(doorReads).toHaveLength(1);
    expect(doorReads[0]).toMatch(/order by s\.size_rank/);
    const sent = world.doors.opened.slice(opened);
    expect(sent).toHaveLength(1);
    expect(result!.parcel.slot).toMatchObject({ label: sent[0].slotLabel, lockerCode: sent[0].lockerCode, row: sent[0].row, column: sent[0].column });
    expect(doorRows(result!.parcel.slot!.id)).toEqual([{ kind: "open_command", purpose: "deposit", reason: null }]);
  });
});

describe("what follows an open is written in one transaction with it", () => {
  test("a pickup whose door did not open records the failure and holds the door together", async () => {
    const station = createStation(world);
    const { parcel } = await deposit(world, station.courier, station.site.id);
    world.doors.failNext = 1;
    await collectParcel(world.ctx(station.kiosk), { code: pickupCodeOf(world, parcel.id), phoneLast4: parcel.recipientPhone.slice(-4) });
    expect(doorRows(parcel.slot!.id).slice(-2)).toEqual([
      { kind: "open_command", purpose: "pickup", reason: null },
      { kind: "open_failed", purpose: "pickup", reason: null },
    ]);
    expect(slotRow(world.db, parcel.slot!.id)).toMatchObject({ inService: false, outOfServiceReason: HELD_DOOR_REASON });
  });

  test("if the hold cannot be written, the failure is not written either (no half of the pair)", async () => {
    const station = createStation(world);
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const ctx = world.ctx(station.kiosk);
    const command = writeTransaction(world.db, () => recordOpenCommand(ctx, loadDoor(ctx, parcel.slot!.id), parcel.id, "pickup"));
    world.doors.failNext = 1;
    await expect(
      sendOpen(ctx, command, {
        failed: () => {
          throw new Error("disk full");
        },
      }),
    ).rejects.toThrow("disk full");
    expect(doorRows(parcel.slot!.id).map((row) => row.kind).slice(-2)).toEqual(["closed", "open_command"]);
  });

  test("the controller's reason for a failure is kept as its code, for the door's history to word", async () => {
    const station = createStation(world);
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const ctx = {
      ...world.ctx(station.admin),
      doors: { open: async () => Promise.reject(Object.assign(new Error("cabinet x is offline"), { code: "CABINET_OFFLINE" })) },
    };
    const command = writeTransaction(world.db, () => recordOpenCommand(ctx, loadDoor(ctx, parcel.slot!.id), parcel.id, "remote", "Stuck"));
    expect(await sendOpen(ctx, command)).toBe(false);
    expect(doorRows(parcel.slot!.id).slice(-2)).toEqual([
      { kind: "open_command", purpose: "remote", reason: "Stuck" },
      { kind: "open_failed", purpose: "remote", reason: "CABINET_OFFLINE" },
    ]);
  });
});

describe("migration 0010 gives every old open its purpose", () => {
  test("the strings the software wrote become purposes; an admin's words stay theirs", () => {
    const station = createStation(world);
    const slotId = (
      world.db.$client.prepare("select id from slots where locker_id = ? order by id limit 1").get(station.locker.id) as { id: number }
    ).id;
    const insert = world.db.$client.prepare(
      "insert into door_events (slot_id, site_id, parcel_id, kind, actor_user_id, actor_kind, reason, at) values (?, ?, null, ?, ?, ?, ?, ?)",
    );
    const rows: [string, number | null, string, string | null][] = [
      ["open_command", station.courier.userId, "user", null],
      ["open_command", null, "kiosk", null],
      ["open_failed", null, "kiosk", null],
      ["open_command", station.courier.userId, "user", "take back"],
      ["open_command", station.courier.userId, "device", "take back retry"],
      ["open_command", null, "kiosk", "pickup retry"],
      ["open_command", station.admin.userId, "user", "take back"],
      ["open_command", station.admin.userId, "user", "Parcel stuck"],
      ["closed", station.courier.userId, "user", null],
    ];
    const first = Number(insert.run(slotId, station.site.id, ...rows[0], 1).lastInsertRowid);
    for (const row of rows.slice(1)) insert.run(slotId, station.site.id, ...row, 1);

    const migration = fs.readFileSync(path.join(MIGRATIONS_FOLDER, "0010_door-purpose-and-cabinets.sql"), "utf8");
    const backfill = migration.slice(migration.indexOf("-- hand-written"));
    for (const statement of backfill.split("--> statement-breakpoint")) world.db.$client.exec(statement);

    const after = world.db.$client.prepare("select kind, purpose, reason from door_events where id >= ? order by id").all(first);
    expect(after).toEqual([
      { kind: "open_command", purpose: "deposit", reason: null },
      { kind: "open_command", purpose: "pickup", reason: null },
      { kind: "open_failed", purpose: "pickup", reason: null },
      { kind: "open_command", purpose: "take_back", reason: null },
      { kind: "open_command", purpose: "take_back_retry", reason: null },
      { kind: "open_command", purpose: "pickup_retry", reason: null },
      { kind: "open_command", purpose: "remote", reason: "take back" },
      { kind: "open_command", purpose: "remote", reason: "Parcel stuck" },
      { kind: "closed", purpose: null, reason: null },
    ]);
  });
});
