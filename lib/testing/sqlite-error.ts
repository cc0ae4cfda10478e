import "server-only";

export type SqliteFailure = { code: string; message: string };

/**
 * Runs a raw write that the database must refuse and returns SQLite's own error (drizzle
 * wraps it in a DrizzleQueryError whose `cause` is the better-sqlite3 SqliteError).
 */
export function sqliteErrorOf(write: () => unknown): SqliteFailure {
  try {
    write();
  } catch (error) {
    const inner = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    if (inner instanceof Error && "code" in inner && typeof inner.code === "string" && inner.code.startsWith("SQLITE_")) {
      return { code: inner.code, message: inner.message };
    }
    throw error;
  }
  throw new Error("expected SQLite to refuse the write, but it succeeded");
}
