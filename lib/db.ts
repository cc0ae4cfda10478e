import "server-only";
import { openDatabase, type Db } from "@/db/client";
import { env } from "@/lib/env";

const holder = globalThis as unknown as { lockerDb?: Db };

/** The app's one connection, opened and migrated on first use. */
export function db(): Db {
  if (!holder.lockerDb) {
    const config = env();
    holder.lockerDb = openDatabase(config.DATABASE_PATH, { synchronous: config.DB_SYNCHRONOUS, checkpointInBackground: true, syncGroupsInBackground: true });
  }
  return holder.lockerDb;
}
