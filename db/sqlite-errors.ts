import "server-only";

/** SQLite's own error, also when drizzle wraps it (DrizzleQueryError keeps it as `cause`). */
function sqliteError(error: unknown): (Error & { code: string }) | null {
  const inner = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return inner instanceof Error && "code" in inner && typeof inner.code === "string" ? (inner as Error & { code: string }) : null;
}

/**
 * Whether `error` is SQLite refusing a duplicate in a unique index on `table.column` —
 * the index decides, not a look-up first, so two admins racing for one code cannot both
 * win.
 */
export function isUniqueViolation(error: unknown, tableColumn?: string): boolean {
  const inner = sqliteError(error);
  if (inner?.code !== "SQLITE_CONSTRAINT_UNIQUE") return false;
  return tableColumn === undefined || inner.message.includes(tableColumn);
}

/** Whether `error` is one of our triggers refusing a change (RAISE(ABORT, …)). */
export function isTriggerRefusal(error: unknown, words: string): boolean {
  const inner = sqliteError(error);
  return inner?.code === "SQLITE_CONSTRAINT_TRIGGER" && inner.message.includes(words);
}
