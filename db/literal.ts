import { sql, type Column, type SQL } from "drizzle-orm";

/**
 * `column = 'value'` with the value written into the statement's text, not bound: SQLite
 * uses a partial index (`… WHERE state = 'deposited'`) only when the query's own text implies
 * the index's condition, which a bound value never does. For the states and kinds of our
 * enums, never for input.
 */
export function equalsLiteral(column: Column, value: string): SQL {
  if (!/^[a-z_]+$/.test(value)) throw new Error(`equalsLiteral: "${value}" is not an enum value`);
  return sql`${column} = ${sql.raw(`'${value}'`)}`;
}
