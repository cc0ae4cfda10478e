import "server-only";
import crypto from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedQuery } from "@/db/prepared";
import { idempotencyKeys } from "@/db/schema";

/** A first answer as it is kept: the HTTP status and the JSON text of the body. */
export type StoredResponse = { status: number; json: string };

export type KeyState =
  | { kind: "absent" }
  | { kind: "replay"; response: StoredResponse }
  | { kind: "mismatch" }
  | { kind: "in_progress" }
  /** Pending for longer than any live request runs: its process died mid-request. */
  | { kind: "abandoned"; id: number; createdAt: number };

/** A pending claim carries status 0 until its first answer is stored. */
const PENDING = 0;
/**
 * A claim still pending after this long belongs to a process that died mid-request (a
 * crash or a kill); a retry may take it over rather than wait forever.
 */
const ABANDONED_AFTER_MS = 30_000;

/** Another copy of the request claimed the key between our look-up and our write. */
export class KeyTaken extends Error {
  constructor() {
    super("Idempotency-Key claimed by a concurrent request");
  }
}

/**
 * What makes two requests "the same" for an Idempotency-Key: the method, the path and the
 * parsed body in canonical form (keys sorted, no whitespace). A client that re-serializes
 * its JSON on retry (another key order, other spacing) is retrying, not asking anew.
 */
export function fingerprint(method: string, path: string, body: unknown): string {
  return crypto.hash("sha256", `${method} ${path}\n${canonicalJson(body)}`, "hex");
}

/** JSON with object keys sorted at every depth and no whitespace; arrays keep their order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const keyOfToken = preparedQuery((db) =>
  db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.tokenId, sql.placeholder("tokenId")), eq(idempotencyKeys.key, sql.placeholder("key"))))
    .prepare(),
);
const insertClaim = preparedQuery((db) =>
  db
    .insert(idempotencyKeys)
    .values({
      tokenId: sql.placeholder("tokenId"),
      key: sql.placeholder("key"),
      fingerprint: sql.placeholder("fingerprint"),
      status: PENDING,
      body: "null",
      createdAt: sql.placeholder("createdAt"),
    })
    .onConflictDoNothing()
    .returning({ id: idempotencyKeys.id })
    .prepare(),
);
const updateResponse = preparedQuery((db) =>
  db
    .update(idempotencyKeys)
    .set({ status: sql`${sql.placeholder("status")}`, body: sql`${sql.placeholder("body")}` })
    .where(eq(idempotencyKeys.id, sql.placeholder("id")))
    .prepare(),
);

/** What is known of `key` for this token, by a plain read: no write, no commit. */
export function lookUpKey(db: Db, tokenId: number, key: string, print: string, now: number): KeyState {
  const row = keyOfToken(db).get({ tokenId, key });
  if (!row) return { kind: "absent" };
  if (row.fingerprint !== print) return { kind: "mismatch" };
  if (row.status !== PENDING) return { kind: "replay", response: { status: row.status, json: row.body } };
  if (now - row.createdAt < ABANDONED_AFTER_MS) return { kind: "in_progress" };
  return { kind: "abandoned", id: row.id, createdAt: row.createdAt };
}

/**
 * Writes the pending claim for `key` — a new row, or the abandoned one taken over — and
 * returns its id. Meant to run inside the request's first write transaction
 * (joinFirstWrite), so the claim and the first effect commit together. The unique index
 * on (token, key) decides a race between two copies of one request: the loser gets
 * KeyTaken and its transaction rolls back whole.
 */
export function claimKey(db: Db, tokenId: number, key: string, print: string, now: number, abandoned?: { id: number; createdAt: number }): number {
  if (abandoned) {
    const taken = db
      .update(idempotencyKeys)
      .set({ createdAt: now })
      .where(and(eq(idempotencyKeys.id, abandoned.id), eq(idempotencyKeys.createdAt, abandoned.createdAt), eq(idempotencyKeys.status, PENDING)))
      .run();
    if (taken.changes !== 1) throw new KeyTaken();
    return abandoned.id;
  }
  const row = insertClaim(db).get({ tokenId, key, fingerprint: print, createdAt: now });
  if (!row) throw new KeyTaken();
  return row.id;
}

/** The first answer of a claimed key. */
export function storeResponse(db: Db, claimId: number, response: StoredResponse): void {
  updateResponse(db).run({ id: claimId, status: response.status, body: response.json });
}

/** An unexpected failure is not an answer: the claim is dropped so a retry can run. */
export function releaseClaim(db: Db, claimId: number): void {
  db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.id, claimId), eq(idempotencyKeys.status, PENDING))).run();
}

/** Keys are kept for a day, long enough for any client's retries. */
export function pruneIdempotencyKeys(db: Db, now: number): number {
  return db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, now - 24 * 3_600_000)).run().changes;
}
