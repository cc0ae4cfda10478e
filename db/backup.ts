import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { keepPrivate, PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE, type Db } from "./client";

export type Backup = { file: string; bytes: number };

/**
 * A consistent copy of the database taken while it keeps serving (SQLite's online backup
 * API: writers are not stopped; the copy is of one moment), then opened and checked
 * before it is called good. Copying the file by hand under WAL can miss committed pages.
 */
export async function backupDatabase(db: Db, destination: string): Promise<Backup> {
  const file = path.resolve(destination);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_FOLDER_MODE });
  // Created here, owner-only, before SQLite writes a page into it ("wx": never an existing file).
  try {
    fs.closeSync(fs.openSync(file, "wx", PRIVATE_FILE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new Error(`${file} exists already; a backup never overwrites`);
    throw error;
  }
  await db.$client.backup(file);
  keepPrivate(file);
  const copy = new Database(file);
  try {
    // One self-contained file, not a WAL database with side files.
    copy.pragma("journal_mode = DELETE");
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`the copy at ${file} failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return { file, bytes: fs.statSync(file).size };
}

/**
 * Where `npm run db:backup` puts a copy when not told: `<backupFolder>/locker-<time>.db`.
 * Never the folder that holds secrets.json (nor one inside it): the keys that make a
 * backup's pickup codes work must not travel with every copy of that folder.
 */
export function defaultBackupFile(backupFolder: string, secretsFolder: string, now: Date): string {
  const folder = path.resolve(backupFolder);
  const secrets = path.resolve(secretsFolder);
  const relative = path.relative(secrets, folder);
  if (relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative))) {
    throw new Error(`BACKUP_DIR (${folder}) is the folder of secrets.json or inside it; choose a folder apart, e.g. ./backups`);
  }
  return path.join(folder, `locker-${now.toISOString().replace(/[:.]/g, "-")}.db`);
}
