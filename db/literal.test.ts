import { expect, test } from "vitest";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { equalsLiteral } from "./literal";
import { parcels } from "./schema";

test("a state is written into the statement's text, and only an enum-like word is", () => {
  const query = new SQLiteSyncDialect().sqlToQuery(equalsLiteral(parcels.state, "deposited"));
  expect(query).toEqual({ sql: `"parcels"."state" = 'deposited'`, params: [] });
  expect(() => equalsLiteral(parcels.state, "x' or 1=1 --")).toThrow(/not an enum value/);
});
