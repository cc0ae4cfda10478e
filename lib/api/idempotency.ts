import "server-only";
import crypto from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";

export type StoredResponse = { status: number; body: unknown };

export type Claim =
  | { kind: "new"; id: number }
  | { kind: "replay"; response: StoredResponse }
  | { kind: "mismatch" }
  | { kind: "in_progress" };

/** A pending claim carries status 0 until its first answer is stored. */
const PENDING = 0;
/**
 * A claim still pending after this long belongs to a process that died mid-request (a
 * crash or a kill); a retry may take it over rather than wait forever.
 */
export const ABANDONED_AFTER_MS = 30_000;

export function fingerprint(method: string, path: string, body: string): string {
  return crypto.createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
}

/**
 * Claims `key` for this token, or tells why not: the first answer exists (replay it), the
 * key came with another request (mismatch), or the first request is still running. The
 * unique index on (token, key) decides races between two copies of one request.
 */
export function claimKey(db: Db, tokenId: number, key: string, print: string, now: number): Claim {
  return writeTransaction(db, () => {
    const existing = db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.tokenId, tokenId), eq(idempotencyKeys.key, key)))
      .get();
    if (existing) {
      if (existing.fingerprint !== print) return { kind: "mismatch" };
      if (existing.status === PENDING) {
        if (now - existing.createdAt < ABANDONED_AFTER_MS) return { kind: "in_progress" };
        db.update(idempotencyKeys).set({ createdAt: now }).where(eq(idempotencyKeys.id, existing.id)).run();
        return { kind: "new", id: existing.id };
      }
      return { kind: "replay", response: { status: existing.status, body: JSON.parse(existing.body) } };
    }
    const row = db
      .insert(idempotencyKeys)
      .values({ tokenId, key, fingerprint: print, status: PENDING, body: "null", createdAt: now })
      .returning({ id: idempotencyKeys.id })
      .get();
    return { kind: "new", id: row.id };
  });
}

export function storeResponse(db: Db, claimId: number, response: StoredResponse): void {
  db.update(idempotencyKeys)
    .set({ status: response.status, body: JSON.stringify(response.body) })
    .where(eq(idempotencyKeys.id, claimId))
    .run();
}

/** An unexpected failure is not an answer: the claim is dropped so a retry can run. */
export function releaseClaim(db: Db, claimId: number): void {
  db.delete(idempotencyKeys).where(eq(idempotencyKeys.id, claimId)).run();
}

/** Keys are kept for a day, long enough for any client's retries. */
export function pruneIdempotencyKeys(db: Db, now: number): number {
  return db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, now - 24 * 3_600_000)).run().changes;
}
