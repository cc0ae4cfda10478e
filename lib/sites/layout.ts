import "server-only";
import { lockers, sites, slots, type SlotSize } from "@/db/schema";
import type { Db } from "@/db/client";
import { writeTransaction } from "@/db/transaction";
import { reachOfRow, SIZE_RANK } from "@/lib/slots/sizes";
import { defaultRowBottoms } from "@/lib/slots/reach";

/*
 * Building sites and cabinets. These write without asking who is asking: the admin verbs
 * (which authorize) and the seed and test factories call them.
 */

export type NewSite = {
  organizationId: number;
  code: string;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  openingHours?: string;
  holdPeriodHours?: number;
  status?: "open" | "closed";
  timeZone?: string;
};

export function insertSite(db: Db, site: NewSite, now = Date.now()) {
  return db
    .insert(sites)
    .values({ openingHours: "Open 24 hours", holdPeriodHours: 72, ...site, createdAt: now })
    .returning()
    .get();
}

/** A cabinet's doors, row by row from the top; each row lists its doors' sizes. */
export type LockerLayout = SlotSize[][];

/** A layout of `rows` rows of `columns` doors, each row all one size. */
export function layoutByRow(rowSizes: SlotSize[], columns: number): LockerLayout {
  return rowSizes.map((size) => Array.from({ length: columns }, () => size));
}

/**
 * Inserts a locker and its doors. Door labels read like the cabinet: locker code, then the
 * door's number counted down each column from the top left ("B-07"). `rowBottomsMm`: each
 * row's height above the ground (top row first; null = not measured); left out, a standard
 * cabinet's (lib/slots/reach.ts).
 */
export function insertLocker(
  db: Db,
  locker: { siteId: number; code: string; controllerId?: string; layout: LockerLayout; rowBottomsMm?: (number | null)[] },
  now = Date.now(),
) {
  return writeTransaction(db, () => {
    const rows = locker.layout.length;
    const bottoms = locker.rowBottomsMm && locker.rowBottomsMm.length > 0 ? locker.rowBottomsMm : defaultRowBottoms(locker.layout);
    const columns = Math.max(...locker.layout.map((row) => row.length));
    const created = db
      .insert(lockers)
      .values({
        siteId: locker.siteId,
        code: locker.code,
        controllerId: locker.controllerId ?? `sim-${locker.siteId}-${locker.code}`,
        rows,
        columns,
        createdAt: now,
      })
      .returning()
      .get();
    const doors = locker.layout.flatMap((sizes, r) =>
      sizes.map((size, c) => ({
        siteId: locker.siteId,
        lockerId: created.id,
        row: r + 1,
        column: c + 1,
        label: `${locker.code}-${String(c * rows + r + 1).padStart(2, "0")}`,
        size,
        sizeRank: SIZE_RANK[size],
        reach: reachOfRow(r + 1, rows),
        bottomMm: bottoms[r] ?? null,
        createdAt: now,
      })),
    );
    // Chunked: SQLite caps the number of bound parameters in one statement.
    for (let i = 0; i < doors.length; i += 50) db.insert(slots).values(doors.slice(i, i + 50)).run();
    return created;
  });
}
