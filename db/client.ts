import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";
import { checkpointInBackground } from "./checkpointer";
import { syncGroupsInBackground } from "./group-commit";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export type OpenOptions = {
  /** FULL survives power loss as well as a process crash; NORMAL only a process crash. */
  synchronous?: "FULL" | "NORMAL";
  busyTimeoutMs?: number;
  migrate?: boolean;
  /** WAL checkpoints in a worker thread instead of inside this connection's commits (db/checkpointer.ts). */
  checkpointInBackground?: boolean;
  /** With synchronous=FULL: API requests' group commits are synced off the event loop (db/group-commit.ts). */
  syncGroupsInBackground?: boolean;
};

/**
 * Opens (and by default migrates) the SQLite database at `file`. WAL lets readers go on
 * while one writer commits; the busy timeout makes a second writer wait for the lock
 * instead of failing at once.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const onDisk = file !== ":memory:" && file !== "";
  if (onDisk) createPrivateFile(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  if (onDisk) keepPrivate(file);
  sqlite.pragma(`synchronous = ${options.synchronous ?? "FULL"}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  // Every API request's writes are a savepoint of the turn's transaction (decision 0017),
  // and each write statement with a RAISE trigger keeps a statement journal. Both hold the
  // pages they change in SQLite's sub-journal, which spills to a temporary file after 64 KiB:
  // two writes to that file per page touched, every request. In memory they are copies.
  // Nothing durable lives there (a crash needs only the WAL), so synchronous=FULL loses nothing.
  sqlite.pragma("temp_store = MEMORY");
  cacheStatements(sqlite);
  const db = drizzle({ client: sqlite, schema }) as Db;
  if (options.migrate ?? true) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  if (options.checkpointInBackground && onDisk) checkpointInBackground(sqlite, path.resolve(file), options.synchronous ?? "FULL");
  if (options.syncGroupsInBackground && onDisk && (options.synchronous ?? "FULL") === "FULL") syncGroupsInBackground(sqlite);
  return db;
}

/** Owner-only: the database holds phone numbers, names and the hashes of pickup codes. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_FOLDER_MODE = 0o700;

/**
 * Creates `file` empty and owner-only unless it exists, and the folders above it owner-only
 * where we create them (a folder that exists already, /srv or the working directory, is
 * not ours to change). SQLite gives its -wal, -shm and -journal files the mode of the
 * database file, so they are born 0600 too.
 */
export function createPrivateFile(file: string): void {
  const resolved = path.resolve(file);
  fs.mkdirSync(path.dirname(resolved), { recursive: true, mode: PRIVATE_FOLDER_MODE });
  fs.closeSync(fs.openSync(/*turbopackIgnore: true*/ resolved, "a", PRIVATE_FILE_MODE));
}

/**
 * Narrows a database file and its side files to owner-only: the file may predate this rule
 * (created 0644 by an earlier version), and a copy made by hand may not have kept the mode.
 */
export function keepPrivate(file: string): void {
  for (const candidate of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      // turbopackIgnore: a run-time path, not a file of the project to trace into the build.
      if ((fs.statSync(/*turbopackIgnore: true*/ candidate).mode & 0o777) !== PRIVATE_FILE_MODE) fs.chmodSync(/*turbopackIgnore: true*/ candidate, PRIVATE_FILE_MODE);
    } catch (error) {
      // Gone, or not ours to change (a file another account owns and lets us write).
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "EPERM") throw error;
    }
  }
}

/**
 * drizzle prepares every query afresh, and preparing was the largest single cost of an API
 * request in the profile (bench/load.ts). The same SQL text gets the same compiled
 * statement back. Statements keep their raw/pluck/expand mode between uses, so the mode is
 * reset before each hand-out; better-sqlite3 is synchronous, so no two callers share one
 * statement at the same moment.
 */
function cacheStatements(sqlite: Database.Database, limit = 1000): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      statement = prepare(source);
      if (cache.size >= limit) cache.delete(cache.keys().next().value!);
      cache.set(source, statement);
    } else if (statement.reader) {
      statement.raw(false).pluck(false).expand(false);
    }
    return statement;
  }) as typeof sqlite.prepare;
}
