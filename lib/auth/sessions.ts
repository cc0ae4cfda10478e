import "server-only";
import crypto from "node:crypto";
import { and, eq, gt, isNotNull, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedQuery } from "@/db/prepared";
import { userSessions, type Role } from "@/db/schema";
import { sessionLifetimeMs } from "./session-policy";

/*
 * A signed-in session is a row, not only a cookie. The cookie (an encrypted JWT) names its
 * row; a request counts as signed in only while the row is open. A JWT alone cannot be
 * taken back: without the row, a copied cookie would outlive signing out, a password change
 * and a deactivation by 30 days (12 hours for staff).
 */

/** Opens the row for a new sign-in and returns its id (random: it is as good as the cookie). */
export function startSession(db: Db, userId: number, role: Role, now: number): string {
  const id = crypto.randomBytes(24).toString("base64url");
  // The user's long-over sessions are no use to anybody; drop them while we are here.
  db.delete(userSessions).where(and(eq(userSessions.userId, userId), lt(userSessions.expiresAt, now))).run();
  db.insert(userSessions).values({ id, userId, createdAt: now, expiresAt: now + sessionLifetimeMs(role) }).run();
  return id;
}

const openSession = preparedQuery((db) =>
  db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(
      and(
        eq(userSessions.id, sql.placeholder("id")),
        eq(userSessions.userId, sql.placeholder("userId")),
        isNull(userSessions.endedAt),
        gt(userSessions.expiresAt, sql.placeholder("now")),
      ),
    )
    .prepare(),
);

/** Whether this session of this user is still open (not ended, not expired). Every request asks. */
export function sessionIsOpen(db: Db, sessionId: unknown, userId: number, now: number): boolean {
  if (typeof sessionId !== "string" || sessionId === "") return false;
  return openSession(db).get({ id: sessionId, userId, now }) !== undefined;
}

/** Ends one session (signing out). Ending an ended or unknown one changes nothing. */
export function endSession(db: Db, sessionId: unknown, now: number): void {
  if (typeof sessionId !== "string" || sessionId === "") return;
  db.update(userSessions).set({ endedAt: now }).where(and(eq(userSessions.id, sessionId), isNull(userSessions.endedAt))).run();
}

/**
 * Ends every open session of a user — but `keep`, the one asking, when given (a password
 * change keeps the device it was made on). Runs inside the caller's transaction when there
 * is one, so the change and the ending commit together.
 */
export function endUserSessions(db: Db, userId: number, now: number, keep?: string): void {
  db.update(userSessions)
    .set({ endedAt: now })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt), keep ? ne(userSessions.id, keep) : undefined))
    .run();
}

/**
 * Deletes the rows no request can use any more: ended or past their end. A missing row
 * reads as signed out, exactly as an ended one does, so nothing is lost. The background
 * round calls it; without it a person who never signs in again leaves rows for ever.
 */
export function pruneSessions(db: Db, now: number): number {
  return db
    .delete(userSessions)
    .where(or(isNotNull(userSessions.endedAt), lt(userSessions.expiresAt, now)))
    .run().changes;
}
