/*
 * `npm run db:backup [-- --to <file>]`: a consistent copy of the live database, safe while
 * the server runs, checked before it is reported, owner-only (0600). Default:
 * $BACKUP_DIR/locker-<time>.db (./backups), never the folder of secrets.json. The copy holds
 * pickup codes only hashed and encrypted: restoring it needs secrets.json (or the keys from
 * your secret store) — keep that backed up too, apart.
 */
import { parseArgs } from "node:util";
import { backupDatabase, defaultBackupFile } from "../db/backup";
import { openDatabase } from "../db/client";
import { env, secretsFolder } from "../lib/env";

async function main() {
  const { values } = parseArgs({ options: { to: { type: "string" } } });
  const config = env();
  const destination = values.to ?? defaultBackupFile(config.BACKUP_DIR, secretsFolder(config.DATABASE_PATH), new Date());
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
