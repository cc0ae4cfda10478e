import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export type OpenOptions = {
  /** FULL survives power loss as well as a process crash; NORMAL only a process crash. */
  synchronous?: "FULL" | "NORMAL";
  busyTimeoutMs?: number;
  migrate?: boolean;
};

/**
 * Opens (and by default migrates) the SQLite database at `file`. WAL lets readers go on
 * while one writer commits; the busy timeout makes a second writer wait for the lock
 * instead of failing at once.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${options.synchronous ?? "FULL"}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  cacheStatements(sqlite);
  const db = drizzle({ client: sqlite, schema }) as Db;
  if (options.migrate ?? true) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
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
