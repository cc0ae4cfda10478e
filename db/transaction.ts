import "server-only";
import type Database from "better-sqlite3";
import type { Db } from "./client";
import { commitGroup, groupAwaitsMembers, runInGroup, wantsGroup } from "./group-commit";

type Joiner = { join: () => void; committed: boolean };
const joiners = new WeakMap<Db, Joiner>();

/**
 * Runs `work` in one write transaction that takes SQLite's write lock at BEGIN
 * (BEGIN IMMEDIATE), so two writers never both read "slot free" and then race to
 * write. better-sqlite3 is synchronous: `work` must not await. A callback that returns a
 * promise would commit before its awaited writes run, so it is refused and rolled back.
 * Nested calls become savepoints. Inside an API request (db/group-commit.ts) the writes
 * are a savepoint of the turn's shared transaction instead, and commit with it; any other
 * caller first commits a group left open, then commits on its own.
 */
export function writeTransaction<T>(db: Db, work: () => T): T {
  const client = db.$client;
  const between = groupAwaitsMembers(client);
  if (between && !wantsGroup()) commitGroup(client);
  const nested = client.inTransaction && !(between && wantsGroup());
  const joiner = nested ? undefined : joiners.get(db);
  const pending = joiner && !joiner.committed ? joiner : undefined;
  const transaction = transactionOf(client);
  const run = () => {
    pending?.join();
    const result = work();
    if (result instanceof Promise || (typeof result === "object" && result !== null && "then" in result)) {
      throw new TypeError("writeTransaction: the callback must be synchronous");
    }
    return result;
  };
  if (nested) return transaction(run) as T;
  const result = (wantsGroup() ? runInGroup(client, () => transaction(run)) : transaction.immediate(run)) as T;
  if (pending) pending.committed = true;
  return result;
}

type Transaction = Database.Transaction<(work: () => unknown) => unknown>;
const transactions = new WeakMap<Database.Database, Transaction>();

/**
 * better-sqlite3's transaction wrapper, made once per connection: it builds four functions
 * and their properties each time it is asked for one, which every API request did several
 * times. The work to run is its argument instead.
 */
function transactionOf(client: Database.Database): Transaction {
  let transaction = transactions.get(client);
  if (!transaction) {
    transaction = client.transaction((work: () => unknown) => work());
    transactions.set(client, transaction);
  }
  return transaction;
}

/**
 * A view of `db` whose first committed write transaction also runs `join` inside it, so
 * a record of the request (an idempotency claim) commits together with the request's
 * first effect or not at all. A transaction that rolls back takes `join`'s writes with
 * it; the next one runs `join` again. `committed()` says whether it ever committed.
 */
export function joinFirstWrite(db: Db, join: () => void): { db: Db; committed: () => boolean } {
  const view = Object.create(db) as Db;
  const joiner: Joiner = { join, committed: false };
  joiners.set(view, joiner);
  return { db: view, committed: () => joiner.committed };
}
