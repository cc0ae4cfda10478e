import "server-only";
import type { Db } from "@/db/client";

/*
 * "Nothing changes" made checkable: a refused operation must leave every table as it was.
 * A snapshot holds the row count of every table of ours and the full rows of the tables a
 * parcel transition touches, so a stray update (a state, a door, a code) shows up as well
 * as a stray insert.
 */

export type TableCounts = Record<string, number>;

/** The application's tables (not SQLite's own, not drizzle's migration journal). */
export function tableNames(db: Db): string[] {
  return db.$client
    .prepare(
      `select name from sqlite_master
       where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'
       order by name`,
    )
    .pluck()
    .all() as string[];
}

export function tableCounts(db: Db): TableCounts {
  const counts: TableCounts = {};
  for (const name of tableNames(db)) {
    counts[name] = db.$client.prepare(`select count(*) from "${name}"`).pluck().get() as number;
  }
  return counts;
}

export type DatabaseSnapshot = { counts: TableCounts; parcels: unknown[]; slots: unknown[] };

export function databaseSnapshot(db: Db): DatabaseSnapshot {
  return {
    counts: tableCounts(db),
    parcels: db.$client.prepare("select * from parcels order by id").all(),
    slots: db.$client.prepare("select * from slots order by id").all(),
  };
}

/** Rows added per table between two counts (only the tables that changed). */
export function countChanges(before: TableCounts, after: TableCounts): TableCounts {
  const changes: TableCounts = {};
  for (const name of Object.keys(after)) {
    const delta = after[name] - (before[name] ?? 0);
    if (delta !== 0) changes[name] = delta;
  }
  return changes;
}
