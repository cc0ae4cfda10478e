import "server-only";

export type SqliteFailure = { code: string; message: string };

/**
 * Runs a raw write that the database must refuse and returns SQLite's own error — the
 * better-sqlite3 SqliteError, also when a drizzle driver wraps it as a DrizzleQueryError's
 * `cause`.
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
