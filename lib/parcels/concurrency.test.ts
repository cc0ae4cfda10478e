import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIVE_STATES_SQL } from "@/db/schema";
import { SIZE_RANK } from "@/lib/slots/sizes";
import { createCourier, createTestWorld, trackingNumber, type TestWorld } from "@/lib/testing/factories";
import { createStation, deposit, eventsOf, freeSlotIds, recipientPhone } from "@/lib/testing/parcels";
import { runInWorkers, WORKER_START_MS, type WorkerOutcome } from "@/lib/testing/workers";
import { layoutByRow } from "@/lib/sites/layout";

/*
 * DESIGN.md: invariants 1, 3 and 4 hold under concurrent requests, not just in a sequential
 * test. Each worker is its own OS process with its own connection to the same database
 * file, as several server processes (or a server and a script) would be.
 */

let world: TestWorld;
beforeAll(() => {
  world = createTestWorld();
});
afterAll(() => world.close());

const WORKERS = 4;

type Ok = Extract<WorkerOutcome, { outcome: "ok" }>;
const oks = (outcomes: WorkerOutcome[]) => outcomes.filter((o): o is Ok => o.outcome === "ok");
const failures = (outcomes: WorkerOutcome[]) => outcomes.filter((o) => o.outcome !== "ok");

function slotsWithTwoLiveParcels(): unknown[] {
  return world.db.$client
    .prepare(
      `select slot_id, count(*) as n from parcels
       where state in ${LIVE_STATES_SQL} group by slot_id having n > 1`,
    )
    .all();
}

describe("couriers depositing at the same nearly full site at once", () => {
  it("fill exactly the free doors, one parcel per door, and the rest hear SITE_FULL", async () => {
    // 16 doors, 4 already holding parcels: 12 free.
    const station = createStation(world, { layout: layoutByRow(["S", "M", "L", "XL"], 4) });
    for (let i = 0; i < 4; i++) await deposit(world, station.courier, station.site.id, { size: "XL" });
    expect(freeSlotIds(world.db, station.site.id)).toHaveLength(12);
    const couriers = Array.from({ length: WORKERS }, () => createCourier(world.db, station.carrier.id, [station.site.id]));
    const perWorker = 6;

    const results = await runInWorkers(
      world,
      couriers.map((courier, w) => ({
        kind: "deposit" as const,
        actor: courier,
        input: { siteId: station.site.id, size: "S" as const, recipientPhone: recipientPhone() },
        trackingNumbers: Array.from({ length: perWorker }, (_, i) => `RACE-${station.site.id}-${w}-${i}`),
      })),
    );
    const outcomes = results.flat();

    expect(outcomes).toHaveLength(WORKERS * perWorker);
    // No SQLITE_BUSY, no constraint error, nothing unexpected: only deposits and SITE_FULL.
    expect(outcomes.filter((o) => o.outcome === "error")).toEqual([]);
    expect(failures(outcomes).map((o) => ("code" in o ? o.code : o.outcome))).toEqual(Array(12).fill("SITE_FULL"));
    const deposited = oks(outcomes);
    expect(deposited).toHaveLength(12);
    expect(new Set(deposited.map((o) => o.slotId)).size).toBe(12);

    // Every deposit a courier saw acknowledged is in the database, deposited, in the door they were told.
    for (const ack of deposited) {
      const row = world.db.$client
        .prepare("select state, slot_id as slotId, tracking_number as trackingNumber, pickup_code_hash as hash from parcels where id = ?")
        .get(ack.parcelId) as { state: string; slotId: number; trackingNumber: string; hash: string | null };
      expect(row).toMatchObject({ state: "deposited", slotId: ack.slotId, trackingNumber: ack.trackingNumber });
      expect(row.hash).toBeTruthy();
      expect(eventsOf(world.db, ack.parcelId).map((event) => `${event.from ?? "∅"}→${event.to}`)).toEqual([
        "∅→reserved",
        "reserved→deposited",
      ]);
    }
    expect(slotsWithTwoLiveParcels()).toEqual([]);
    expect(freeSlotIds(world.db, station.site.id)).toEqual([]);
    const codes = world.db.$client
      .prepare("select count(distinct pickup_code_hash) as distinctCodes, count(*) as live from parcels where site_id = ? and state = 'deposited'")
      .get(station.site.id);
    expect(codes).toEqual({ distinctCodes: 16, live: 16 });
    // Every refused tracking number left no parcel behind.
    const refused = failures(outcomes).map((o) => o.trackingNumber);
    const leftovers = world.db.$client
      .prepare(`select count(*) from parcels where tracking_number in (${refused.map(() => "?").join(", ")})`)
      .pluck()
      .get(...refused);
    expect(leftovers).toBe(0);
  }, WORKER_START_MS + 30_000);

  it("a retried reservation racing itself from several processes yields one parcel in one door", async () => {
    const station = createStation(world);
    const couriers = Array.from({ length: WORKERS }, () => createCourier(world.db, station.carrier.id, [station.site.id]));
    const number = trackingNumber();

    const results = await runInWorkers(
      world,
      couriers.map((courier) => ({
        kind: "reserve" as const,
        actor: courier,
        input: { siteId: station.site.id, size: "M" as const, recipientPhone: "13900001111" },
        trackingNumbers: [number, number, number],
      })),
    );
    const outcomes = results.flat();

    expect(failures(outcomes)).toEqual([]);
    expect(new Set(oks(outcomes).map((o) => o.parcelId)).size).toBe(1);
    expect(new Set(oks(outcomes).map((o) => o.slotId)).size).toBe(1);
    expect(oks(outcomes).filter((o) => !o.replayed)).toHaveLength(1);
    const rows = world.db.$client.prepare("select state from parcels where tracking_number = ?").pluck().all(number);
    expect(rows).toEqual(["reserved"]);
  }, WORKER_START_MS + 30_000);
});

describe("raw writers racing past the code go no further than the database allows", () => {
  it("exactly one of several processes wins the same door, the same tracking number and the same code", async () => {
    const station = createStation(world, { layout: layoutByRow(["M", "M", "M", "M"], 4) });
    const doors = world.db.$client.prepare("select id from slots where site_id = ? order by id").pluck().all(station.site.id) as number[];
    const contestedDoor = doors[0];
    const contestedNumber = trackingNumber();
    const now = world.clock.now;
    const row = (slotId: number, tracking: string, state: "reserved" | "deposited", hash: string | null) => ({
      carrierId: station.carrier.id,
      trackingNumber: tracking,
      siteId: station.site.id,
      slotId,
      state,
      size: "M" as const,
      sizeRank: SIZE_RANK.M,
      recipientPhone: recipientPhone(),
      pickupCodeHash: hash,
      expiresAt: state === "deposited" ? now + 3_600_000 : null,
      createdAt: now,
      updatedAt: now,
    });

    const results = await runInWorkers(
      world,
      Array.from({ length: WORKERS }, (_, w) => ({
        kind: "raw-insert" as const,
        actor: station.courier,
        rows: [
          row(contestedDoor, `DOOR-${station.site.id}-${w}`, "reserved", null),
          row(doors[1 + w], contestedNumber, "reserved", null),
          row(doors[5 + w], `CODE-${station.site.id}-${w}`, "deposited", "the-same-code-hash"),
        ],
      })),
    );

    for (const race of [0, 1, 2]) {
      const outcomes = results.map((outcomes) => outcomes[race]);
      expect(oks(outcomes), `race ${race}`).toHaveLength(1);
      expect(failures(outcomes).map((o) => ("code" in o ? o.code : undefined))).toEqual(Array(WORKERS - 1).fill("SQLITE_CONSTRAINT_UNIQUE"));
    }
    expect(slotsWithTwoLiveParcels()).toEqual([]);
    const sameNumber = world.db.$client.prepare("select count(*) from parcels where tracking_number = ?").pluck().get(contestedNumber);
    expect(sameNumber).toBe(1);
  }, WORKER_START_MS + 30_000);
});
