/*
 * The year-sized site of the page benchmarks (bench/pages.ts, bench/dashboard.ts): a
 * 500-door station on the demo campus with a year of collected parcels.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { courierSites, organizations, slots, users } from "../db/schema";
import { encryptPickupCode, hashPickupCode } from "../lib/pickup-codes/code";
import { insertLocker, insertSite, layoutByRow } from "../lib/sites/layout";
import { keys } from "./support";

const DAY = 86_400_000;

/**
 * A 500-door station on the demo campus with a year of collected parcels (150 a day, one
 * a week for Alice), written straight into the tables: the domain verbs would take an hour
 * for 55,000 parcels, and the pages only read them.
 */
export function addBigSite(db: Db, now: number): number {
  const campus = db.select().from(organizations).orderBy(organizations.id).get()!;
  const site = insertSite(db, {
    organizationId: campus.id,
    code: "BIG",
    name: "Big Station",
    address: "1 Benchmark Road",
    latitude: 30.31,
    longitude: 120.09,
  });
  for (const code of "ABCDEFGHIJ") insertLocker(db, { siteId: site.id, code, layout: layoutByRow(["S", "S", "S", "M", "M", "M", "M", "L", "L", "XL"], 5) });
  const courier = db.select().from(users).where(eq(users.email, "zto.courier@demo.campus")).get()!;
  const alice = db.select().from(users).where(eq(users.email, "alice@demo.campus")).get()!;
  db.insert(courierSites).values({ userId: courier.id, siteId: site.id }).run();
  const doors = db.select({ id: slots.id, size: slots.size, rank: slots.sizeRank }).from(slots).where(eq(slots.siteId, site.id)).all();

  const sqlite = db.$client;
  const insertParcel = sqlite.prepare(
    `insert into parcels (id, carrier_id, tracking_number, site_id, slot_id, state, size, size_rank, recipient_phone, courier_id,
       pickup_code_hash, pickup_code_cipher, deposited_at, expires_at, closed_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'collected', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertConsent = sqlite.prepare("insert into parcel_consents (parcel_id, source, attested_by_user_id, recorded_at) values (?, 'standing', ?, ?)");
  const insertEvent = sqlite.prepare(
    "insert into parcel_events (parcel_id, at, kind, from_state, to_state, actor_user_id, actor_kind, site_id, slot_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  let id = (sqlite.prepare("select coalesce(max(id), 0) as id from parcels").get() as { id: number }).id + 1_000;
  let serial = 0;
  const day = sqlite.transaction((start: number) => {
    for (let i = 0; i < 150; i++) {
      const door = doors[(serial * 7) % doors.length];
      const depositedAt = start + 8 * 3_600_000 + i * 240_000;
      const collectedAt = depositedAt + (2 + (serial % 30)) * 3_600_000;
      const phone = i === 0 && serial % 7 === 0 ? alice.phone! : `158${String(serial % 5_000).padStart(8, "0")}`;
      const code = String(100_000 + (serial % 900_000));
      // Consent first: the database refuses a deposited parcel without one (migration 0013).
      insertConsent.run(id, courier.id, depositedAt);
      insertParcel.run(id, courier.carrierId, `BIG${serial}X`, site.id, door.id, door.size, door.rank, phone, courier.id, hashPickupCode(keys, site.id, code),
        encryptPickupCode(keys, code), depositedAt, depositedAt + 72 * 3_600_000, collectedAt, depositedAt - 60_000, collectedAt);
      insertEvent.run(id, depositedAt - 60_000, "reserved", null, "reserved", courier.id, "user", site.id, door.id);
      insertEvent.run(id, depositedAt, "deposited", "reserved", "deposited", courier.id, "user", site.id, door.id);
      insertEvent.run(id, collectedAt, "collected", "deposited", "collected", null, "kiosk", site.id, door.id);
      id++;
      serial++;
    }
  });
  // parcel_consents names its parcel before the parcel exists: foreign keys are checked at
  // the end of each day's transaction instead of per row (the pragma lasts one transaction).
  for (let back = 365; back >= 1; back--) {
    sqlite.pragma("defer_foreign_keys = ON");
    day(now - back * DAY);
  }
  return site.id;
}
