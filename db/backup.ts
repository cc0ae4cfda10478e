import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Db } from "./client";

export type Backup = { file: string; bytes: number };

/**
 * A consistent copy of the database taken while it keeps serving (SQLite's online backup
 * API: writers are not stopped; the copy is of one moment), then opened and checked
 * before it is called good. Copying the file by hand under WAL can miss committed pages.
 */
export async function backupDatabase(db: Db, destination: string): Promise<Backup> {
  const file = path.resolve(destination);
  if (fs.existsSync(file)) throw new Error(`${file} exists already; a backup never overwrites`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await db.$client.backup(file);
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
