import "server-only";
import fs from "node:fs";

/**
 * Commits written to a WAL file so far: frames whose header carries the database size
 * after a commit, with the file's current salts (older frames are leftovers of a reset).
 * Counts every commit's fsync only if nothing checkpointed the WAL meanwhile: the caller
 * turns wal_autocheckpoint off for the measured stretch.
 */
export function walCommits(databaseFile: string): number {
  const wal = fs.readFileSync(`${databaseFile}-wal`);
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let commits = 0;
  for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) {
    if (wal.readUInt32BE(offset + 8) !== salt1 || wal.readUInt32BE(offset + 12) !== salt2) break;
    if (wal.readUInt32BE(offset + 4) !== 0) commits++;
  }
  return commits;
}
