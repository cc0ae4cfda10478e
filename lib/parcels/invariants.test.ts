import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIVE_STATES, parcels, slots, type ParcelState, type SlotSize } from "@/db/schema";
import { collectParcel } from "@/lib/parcels/collect";
import { SIZE_RANK } from "@/lib/slots/sizes";
import { createCarrier, createTestWorld, trackingNumber, type TestWorld } from "@/lib/testing/factories";
import { createStation, deposit, parcelRow, recipientPhone, type Station } from "@/lib/testing/parcels";
import { insertParcelRow } from "@/lib/testing/consent";
import { sqliteErrorOf } from "@/lib/testing/sqlite-error";

/*
 * DESIGN.md's invariants are the database's, not only the code's: these tests go around
 * the domain verbs with raw writes and expect SQLite itself to refuse them.
 */

let world: TestWorld;
beforeAll(() => {
  world = createTestWorld();
});
afterAll(() => world.close());

const TRIGGER = /slot does not fit parcel/;

const FINISHED: ParcelState[] = ["collected", "returned", "cancelled"];

type RawParcel = {
  station: Station;
  slotId?: number | null;
  state?: ParcelState;
  size?: SlotSize;
  carrierId?: number;
  trackingNumber?: string;
  siteId?: number;
  pickupCodeHash?: string | null;
};

let hashes = 0;
/** A parcels row as a careless script might write it; deposited/expired rows get a hash and deadline. */
function rawParcel(options: RawParcel): typeof parcels.$inferInsert {
  const state = options.state ?? "reserved";
  const size = options.size ?? "S";
  const needsCode = state === "deposited" || state === "expired";
  return {
    carrierId: options.carrierId ?? options.station.carrier.id,
    trackingNumber: options.trackingNumber ?? trackingNumber(),
    siteId: options.siteId ?? options.station.site.id,
    slotId: options.slotId === undefined ? null : options.slotId,
    state,
    size,
    sizeRank: SIZE_RANK[size],
    recipientPhone: recipientPhone(),
    pickupCodeHash: options.pickupCodeHash !== undefined ? options.pickupCodeHash : needsCode ? `hash-${++hashes}` : null,
    expiresAt: needsCode ? world.clock.now + 3_600_000 : null,
    createdAt: world.clock.now,
    updatedAt: world.clock.now,
  };
}

function insert(row: typeof parcels.$inferInsert) {
  return insertParcelRow(world.db, row);
}

function slotsBySize(station: Station): Record<SlotSize, number[]> {
  const result: Record<SlotSize, number[]> = { S: [], M: [], L: [], XL: [] };
  for (const slot of world.db.select().from(slots).where(eq(slots.siteId, station.site.id)).all()) result[slot.size].push(slot.id);
  return result;
}

describe("1. a slot holds at most one live parcel", () => {
  it.each(LIVE_STATES.flatMap((first) => LIVE_STATES.map((second) => [first, second] as const)))(
    "a %s parcel and a %s parcel in the same slot: UNIQUE constraint",
    (first, second) => {
      const station = createStation(world);
      const slotId = slotsBySize(station).S[0];
      insert(rawParcel({ station, slotId, state: first }));
      const failure = sqliteErrorOf(() => insert(rawParcel({ station, slotId, state: second })));
      expect(failure.code).toBe("SQLITE_CONSTRAINT_UNIQUE");
      expect(failure.message).toMatch(/parcels\.slot_id/);
    },
  );

  it("reviving a cancelled parcel into a slot that is now taken is refused", () => {
    const station = createStation(world);
    const slotId = slotsBySize(station).S[0];
    const old = insert(rawParcel({ station, slotId, state: "cancelled" }));
    insert(rawParcel({ station, slotId, state: "deposited" }));
    const failure = sqliteErrorOf(() => world.db.update(parcels).set({ state: "reserved" }).where(eq(parcels.id, old.id)).run());
    expect(failure.code).toBe("SQLITE_CONSTRAINT_UNIQUE");
    expect(parcelRow(world.db, old.id).state).toBe("cancelled");
  });

  it("moving a live parcel into an occupied slot is refused", () => {
    const station = createStation(world);
    const [first, second] = slotsBySize(station).M;
    insert(rawParcel({ station, slotId: first, state: "deposited", size: "M" }));
    const mover = insert(rawParcel({ station, slotId: second, state: "reserved", size: "M" }));
    const failure = sqliteErrorOf(() => world.db.update(parcels).set({ slotId: first }).where(eq(parcels.id, mover.id)).run());
    expect(failure.code).toBe("SQLITE_CONSTRAINT_UNIQUE");
  });

  it.each(FINISHED)("a %s parcel frees its slot for a new live parcel", (finished) => {
    const station = createStation(world);
    const slotId = slotsBySize(station).S[0];
    insert(rawParcel({ station, slotId, state: finished }));
    expect(insert(rawParcel({ station, slotId, state: "reserved" })).slotId).toBe(slotId);
  });

  it("a parcel collected through the kiosk frees its slot for the next deposit", async () => {
    const station = createStation(world, { layout: [["S"]] });
    const first = await deposit(world, station.courier, station.site.id);
    await collectParcel(world.ctx(station.kiosk), { code: first.code, phoneLast4: first.phoneLast4 });
    const second = await deposit(world, station.courier, station.site.id);
    expect(second.parcel.slot!.id).toBe(first.parcel.slot!.id);
  });
});

describe("2 and 5. a parcel only goes into an in-service slot of its site that is big enough", () => {
  it.each([
    ["M", "S"],
    ["L", "M"],
    ["XL", "L"],
    ["XL", "S"],
  ] as const)("inserting a %s parcel into an %s slot is aborted by the trigger", (parcelSize, slotSize) => {
    const station = createStation(world, { layout: [["S", "M", "L", "XL"]] });
    const failure = sqliteErrorOf(() => insert(rawParcel({ station, slotId: slotsBySize(station)[slotSize][0], size: parcelSize })));
    expect(failure.code).toBe("SQLITE_CONSTRAINT_TRIGGER");
    expect(failure.message).toMatch(TRIGGER);
  });

  it("a parcel may go into a slot of its size or larger", () => {
    const station = createStation(world, { layout: [["S", "M", "L", "XL"]] });
    const doors = slotsBySize(station);
    expect(insert(rawParcel({ station, slotId: doors.M[0], size: "M" })).slotId).toBe(doors.M[0]);
    expect(insert(rawParcel({ station, slotId: doors.XL[0], size: "S" })).slotId).toBe(doors.XL[0]);
  });

  it("inserting a parcel into another site's slot is aborted", () => {
    const here = createStation(world);
    const there = createStation(world);
    const failure = sqliteErrorOf(() => insert(rawParcel({ station: here, slotId: slotsBySize(there).XL[0] })));
    expect(failure.message).toMatch(TRIGGER);
  });

  it("inserting a parcel into an out-of-service slot is aborted", () => {
    const station = createStation(world);
    const slotId = slotsBySize(station).S[0];
    world.db.update(slots).set({ inService: false, outOfServiceReason: "lock broken" }).where(eq(slots.id, slotId)).run();
    const failure = sqliteErrorOf(() => insert(rawParcel({ station, slotId })));
    expect(failure.message).toMatch(TRIGGER);
  });

  it("moving a parcel to a too-small, foreign or out-of-service slot is aborted and leaves it where it was", () => {
    const station = createStation(world);
    const other = createStation(world);
    const doors = slotsBySize(station);
    const parcel = insert(rawParcel({ station, slotId: doors.M[0], size: "M" }));
    const broken = doors.L[0];
    world.db.update(slots).set({ inService: false, outOfServiceReason: "glass cracked" }).where(eq(slots.id, broken)).run();

    for (const target of [doors.S[0], slotsBySize(other).L[0], broken]) {
      const failure = sqliteErrorOf(() => world.db.update(parcels).set({ slotId: target }).where(eq(parcels.id, parcel.id)).run());
      expect(failure.message).toMatch(TRIGGER);
    }
    expect(parcelRow(world.db, parcel.id).slotId).toBe(doors.M[0]);
  });

  it("re-declaring a parcel bigger than its slot, or moving it to another site, is aborted", () => {
    const station = createStation(world);
    const other = createStation(world);
    const parcel = insert(rawParcel({ station, slotId: slotsBySize(station).M[0], size: "M" }));
    expect(
      sqliteErrorOf(() => world.db.update(parcels).set({ size: "L", sizeRank: 3 }).where(eq(parcels.id, parcel.id)).run()).message,
    ).toMatch(TRIGGER);
    expect(
      sqliteErrorOf(() => world.db.update(parcels).set({ siteId: other.site.id }).where(eq(parcels.id, parcel.id)).run()).message,
    ).toMatch(TRIGGER);
    expect(parcelRow(world.db, parcel.id)).toMatchObject({ size: "M", siteId: station.site.id });
  });

  it("a door that breaks while a parcel is inside keeps the parcel, and the kiosk still opens it", async () => {
    const station = createStation(world, { layout: [["S"]] });
    const { parcel, code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    world.db.update(slots).set({ inService: false, outOfServiceReason: "display flickers" }).where(eq(slots.id, parcel.slot!.id)).run();
    const result = await collectParcel(world.ctx(station.kiosk), { code, phoneLast4 });
    expect(result.slot.id).toBe(parcel.slot!.id);
    expect(parcelRow(world.db, parcel.id).state).toBe("collected");
  });
});

describe("3. a pickup code is unique among the live parcels of its site", () => {
  it("two live parcels of one site with the same code hash: UNIQUE constraint", () => {
    const station = createStation(world);
    const [first, second] = slotsBySize(station).M;
    insert(rawParcel({ station, slotId: first, state: "deposited", pickupCodeHash: "same-code" }));
    const failure = sqliteErrorOf(() => insert(rawParcel({ station, slotId: second, state: "expired", pickupCodeHash: "same-code" })));
    expect(failure.code).toBe("SQLITE_CONSTRAINT_UNIQUE");
    expect(failure.message).toMatch(/parcels\.site_id, parcels\.pickup_code_hash/);
  });

  it("giving a live parcel another live parcel's code by update is refused", () => {
    const station = createStation(world);
    const [first, second] = slotsBySize(station).M;
    insert(rawParcel({ station, slotId: first, state: "deposited", pickupCodeHash: "code-a" }));
    const other = insert(rawParcel({ station, slotId: second, state: "deposited", pickupCodeHash: "code-b" }));
    const failure = sqliteErrorOf(() =>
      world.db.update(parcels).set({ pickupCodeHash: "code-a" }).where(eq(parcels.id, other.id)).run(),
    );
    expect(failure.code).toBe("SQLITE_CONSTRAINT_UNIQUE");
  });

  it("the same code may be live at two sites, and reused at one site once its parcel is finished", () => {
    const here = createStation(world);
    const there = createStation(world);
    const [first, second] = slotsBySize(here).M;
    const finished = insert(rawParcel({ station: here, slotId: first, state: "collected", pickupCodeHash: "reused" }));
    const reusedHere = insert(rawParcel({ station: here, slotId: second, state: "deposited", pickupCodeHash: "reused" }));
    const liveThere = insert(rawParcel({ station: there, slotId: slotsBySize(there).M[0], state: "deposited", pickupCodeHash: "reused" }));
    const holders = world.db
      .select({ id: parcels.id, siteId: parcels.siteId, state: parcels.state })
      .from(parcels)
      .where(eq(parcels.pickupCodeHash, "reused"))
      .orderBy(parcels.id)
      .all();
    expect(holders).toEqual([
      { id: finished.id, siteId: here.site.id, state: "collected" },
      { id: reusedHere.id, siteId: here.site.id, state: "deposited" },
      { id: liveThere.id, siteId: there.site.id, state: "deposited" },
    ]);
  });
});

describe("4. a carrier's tracking number names at most one live parcel", () => {
  it.each(["announced", ...LIVE_STATES] as ParcelState[])("a second live parcel while one is %s: UNIQUE constraint", (state) => {
    const station = createStation(world);
    const [first, second] = slotsBySize(station).M;
    const number = trackingNumber();
    insert(rawParcel({ station, trackingNumber: number, state, slotId: state === "announced" ? null : first }));
    const failure = sqliteErrorOf(() => insert(rawParcel({ station, trackingNumber: number, state: "reserved", slotId: second })));
    expect(failure.code).toBe("SQLITE_CONSTRAINT_UNIQUE");
    expect(failure.message).toMatch(/parcels\.carrier_id, parcels\.tracking_number/);
  });

  it("the same number at another site counts too", () => {
    const here = createStation(world);
    const there = createStation(world);
    const number = trackingNumber();
    insert(rawParcel({ station: here, trackingNumber: number, slotId: slotsBySize(here).S[0] }));
    const failure = sqliteErrorOf(() =>
      insert(rawParcel({ station: there, carrierId: here.carrier.id, trackingNumber: number, slotId: slotsBySize(there).S[0] })),
    );
    expect(failure.code).toBe("SQLITE_CONSTRAINT_UNIQUE");
  });

  it("another carrier's parcel, or a finished one, may share the number", () => {
    const station = createStation(world);
    const [first, second, third] = [...slotsBySize(station).M, ...slotsBySize(station).L];
    const number = trackingNumber();
    insert(rawParcel({ station, trackingNumber: number, state: "returned", slotId: first }));
    insert(rawParcel({ station, trackingNumber: number, state: "deposited", slotId: second }));
    const otherCarrier = createCarrier(world.db, "Another Express");
    const othersParcel = insert(rawParcel({ station, carrierId: otherCarrier.id, trackingNumber: number, slotId: third }));
    const holders = world.db
      .select({ carrierId: parcels.carrierId, state: parcels.state })
      .from(parcels)
      .where(eq(parcels.trackingNumber, number))
      .orderBy(parcels.id)
      .all();
    expect(holders).toEqual([
      { carrierId: station.carrier.id, state: "returned" },
      { carrierId: station.carrier.id, state: "deposited" },
      { carrierId: otherCarrier.id, state: "reserved" },
    ]);
    expect(othersParcel).toMatchObject({ carrierId: otherCarrier.id, trackingNumber: number, state: "reserved", slotId: third });
  });
});

describe("the timeline is append-only", () => {
  it("an event row cannot be edited or deleted", async () => {
    const station = createStation(world);
    const { parcel } = await deposit(world, station.courier, station.site.id);
    const client = world.db.$client;
    expect(() => client.prepare("update parcel_events set to_state = 'collected' where parcel_id = ?").run(parcel.id)).toThrow(
      /append-only/,
    );
    expect(() => client.prepare("delete from parcel_events where parcel_id = ?").run(parcel.id)).toThrow(/append-only/);
    expect(client.prepare("select count(*) from parcel_events where parcel_id = ?").pluck().get(parcel.id)).toBe(2);
  });
});
