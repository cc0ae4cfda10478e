import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { parcels } from "@/db/schema";

type ParcelInsert = typeof parcels.$inferInsert;

const IN_A_LOCKER = new Set(["deposited", "collected", "expired", "returned"]);

/*
 * Tests that prove the database's invariants write parcel rows directly, past every verb.
 * A row that was ever in a locker needs its consent record first (the deposit trigger of
 * migration 0010 refuses it otherwise), so this writes both in one transaction: the consent
 * names the parcel's id before the parcel exists, with the foreign key checked at commit.
 */
export function insertParcelRow(db: Db, row: ParcelInsert) {
  if (!IN_A_LOCKER.has(row.state)) return db.insert(parcels).values(row).returning().get();
  return db.$client.transaction(() => {
    db.$client.pragma("defer_foreign_keys = ON");
    const { next } = db.get<{ next: number }>(sql`select coalesce(max(id), 0) + 1 as next from parcels`);
    const id = row.id ?? next;
    db.$client
      .prepare("insert into parcel_consents (parcel_id, source, reference, recorded_at) values (?, 'carrier_supplied', 'raw test row', ?)")
      .run(id, row.createdAt);
    return db.insert(parcels).values({ ...row, id }).returning().get();
  }).immediate();
}
