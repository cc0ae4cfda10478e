import "server-only";
import type { Db } from "./client";

/**
 * Runs `work` in one write transaction that takes SQLite's write lock at BEGIN
 * (BEGIN IMMEDIATE), so two writers never both read "slot free" and then race to
 * write. better-sqlite3 is synchronous: `work` must not await. A callback that returns a
 * promise would commit before its awaited writes run, so it is refused and rolled back.
 * Nested calls become savepoints.
 */
export function writeTransaction<T>(db: Db, work: () => T): T {
  const run = db.$client.transaction(() => {
    const result = work();
    if (result instanceof Promise || (typeof result === "object" && result !== null && "then" in result)) {
      throw new TypeError("writeTransaction: the callback must be synchronous");
    }
    return result;
  });
  return db.$client.inTransaction ? run() : run.immediate();
}
