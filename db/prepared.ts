import "server-only";
import type { Db } from "./client";

/**
 * A query built once per connection and run many times with `sql.placeholder` values
 * (drizzle's prepared queries). Building a query from the builder costs more than SQLite
 * takes to run it; the few queries every API request runs are built once instead.
 */
export function preparedQuery<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<object, T>();
  return (db) => {
    let query = built.get(db.$client);
    if (!query) {
      query = build(db);
      built.set(db.$client, query);
    }
    return query;
  };
}
