/*
 * `npm run db:backup [-- --to <file>]`: a consistent copy of the live database, safe while
 * the server runs, checked before it is reported. Default: backups/locker-<time>.db beside
 * the database. The copy holds pickup codes only hashed and encrypted: restoring it needs
 * secrets.json (or the keys from your secret store) — keep that backed up too, apart.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "../db/backup";
import { openDatabase } from "../db/client";
import { env } from "../lib/env";

async function main() {
  const { values } = parseArgs({ options: { to: { type: "string" } } });
  const config = env();
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const destination = values.to ?? path.join(path.dirname(path.resolve(config.DATABASE_PATH)), "backups", `locker-${stamp}.db`);
  const db = openDatabase(config.DATABASE_PATH, { migrate: false });
  try {
    const backup = await backupDatabase(db, destination);
    console.log(`backup: ${backup.file} (${(backup.bytes / 1e6).toFixed(1)} MB), integrity ok`);
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(`backup failed: ${(error as Error).message}`);
  process.exit(1);
});
