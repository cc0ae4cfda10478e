import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import type { Db } from "./client";

/*
 * Group commit (decision 0017). API requests that arrive in the same turn of the event loop
 * write in one SQLite transaction and share its COMMIT, the fsync that is most of what a
 * write costs under synchronous=FULL. Each request's writes run in a SAVEPOINT of that
 * transaction, so a request that fails is rolled back alone; each answer, and each door
 * command, waits for the COMMIT that holds its writes (`durable`). Nothing leaves the
 * process before it is on disk, so a crash can lose only what nobody was told.
 */

type Group = {
  /** Resolves once the group's COMMIT returned; rejects when the group was rolled back. */
  done: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
  /** > 0 while a member's own work runs: writes then nest as savepoints of that member. */
  depth: number;
};

/** One request's part: the groups its writes went into, each of which must commit. */
type Member = { joined: Group[] };

const groups = new WeakMap<Database.Database, Group>();
const members = new AsyncLocalStorage<Member>();

/**
 * A connection whose groups are made durable off the event loop (decision 0017, "The fsync
 * off the event loop"): the group's COMMIT runs at synchronous=NORMAL, which writes the WAL
 * without syncing it, and then an fdatasync of the WAL file on libuv's thread pool makes it
 * durable before any member is answered. Meanwhile the event loop serves the next requests,
 * whose group commits once that sync is done. Every other commit of the connection stays at
 * synchronous=FULL and syncs inside COMMIT as before.
 */
type BackgroundSync = {
  sync: () => Promise<void>;
  /** The newest sync not yet done; the next group commits after it. */
  inFlight: Promise<void> | null;
  /** A sync that failed: the OS may have dropped the pages, so nothing is acknowledged any more. */
  failed: Error | null;
};
const backgroundSyncs = new WeakMap<Database.Database, BackgroundSync>();

/**
 * fdatasync of the connection's WAL file, through a handle of our own opened once. SQLite
 * keeps its WAL file open for as long as the connection is, and never replaces it meanwhile;
 * should someone delete it by hand, SQLite goes on writing the deleted file through its own
 * handle, and so does this one sync it. (An fstat before each sync, to reopen a replaced
 * file, blocked the event loop while the checkpointer or the next COMMIT held the file:
 * 1 % of the main thread at bench:load's peak, and reopening would have synced the wrong file.)
 */
export function walFileSync(client: Database.Database): () => Promise<void> {
  const wal = `${path.resolve(client.name)}-wal`;
  let fd: number | null = null;
  return () =>
    new Promise<void>((resolve, reject) => {
      try {
        fd ??= fs.openSync(wal, "r");
      } catch (error) {
        reject(error as Error);
        return;
      }
      fs.fdatasync(fd, (error) => (error ? reject(error) : resolve()));
    });
}

/**
 * Makes `client`'s groups durable off the event loop (see BackgroundSync). For a connection
 * opened with synchronous=FULL, the app's own; `sync` is replaceable for tests.
 */
export function syncGroupsInBackground(client: Database.Database, sync: () => Promise<void> = walFileSync(client)): void {
  backgroundSyncs.set(client, { sync, inFlight: null, failed: null });
}

// Prepared on every call, on purpose: SQLite applies `PRAGMA synchronous = …` when the
// statement is compiled, so a statement prepared once and run again changes nothing (the
// group-sync test "a group is committed without a sync…" fails with one).
function setSynchronous(client: Database.Database, level: "NORMAL" | "FULL"): void {
  client.prepare(`PRAGMA synchronous = ${level}`).run();
}

/** Runs `work` (one API request) with its writes grouped with those of its neighbours. */
export function inCommitGroup<T>(work: () => Promise<T>): Promise<T> {
  return members.run({ joined: [] }, work);
}

/** Whether the caller asked to be grouped (an API request), rather than to commit at once. */
export function wantsGroup(): boolean {
  return members.getStore() !== undefined;
}

function openGroup(client: Database.Database): Group {
  const background = backgroundSyncs.get(client);
  // The safety level cannot change inside a transaction: set for the group's COMMIT now.
  if (background) setSynchronous(client, "NORMAL");
  try {
    client.exec("BEGIN IMMEDIATE");
  } catch (error) {
    if (background) setSynchronous(client, "FULL");
    throw error;
  }
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Awaited by every member; the group must not crash the process when one has gone.
  done.catch(() => {});
  const group: Group = { done, resolve, reject, depth: 0 };
  groups.set(client, group);
  // After the I/O callbacks of this turn, whose requests have joined by then.
  setImmediate(() => commitAfterSync(client, group));
  return group;
}

/**
 * Commits `group` once the previous group's sync is done: while a sync runs, the requests
 * that arrive join this group rather than each paying a commit and a sync of their own, as
 * they would have waited anyway while a COMMIT blocked the event loop in its fsync.
 */
function commitAfterSync(client: Database.Database, group: Group): void {
  if (groups.get(client) !== group) return;
  const inFlight = backgroundSyncs.get(client)?.inFlight;
  if (inFlight) void inFlight.then(() => commitAfterSync(client, group));
  else commitGroup(client);
}

/**
 * Commits the open group now (a no-op when none is open): at the end of the turn, and
 * before any write that does not wait for a group (a page's action, the background round),
 * which then commits on its own as before.
 */
export function commitGroup(client: Database.Database): void {
  const group = groups.get(client);
  if (!group) return;
  groups.delete(client);
  const background = backgroundSyncs.get(client);
  try {
    client.exec("COMMIT");
  } catch (error) {
    if (client.inTransaction) client.exec("ROLLBACK");
    if (background) setSynchronous(client, "FULL");
    group.reject(error as Error);
    return;
  }
  if (!background) {
    group.resolve();
  } else {
    setSynchronous(client, "FULL");
    syncThenAnswer(background, group);
  }
  afterGroupCommits.get(client)?.();
}

const afterGroupCommits = new WeakMap<Database.Database, () => void>();

/**
 * Runs `work` after each group's COMMIT, when the connection holds no transaction: the one
 * moment under load at which no group is open (db/checkpointer.ts finishes checkpoints then).
 */
export function afterEachGroupCommit(client: Database.Database, work: () => void): void {
  afterGroupCommits.set(client, work);
}

/** Resolves the committed `group` once its WAL pages are on disk; rejects it if they may not be. */
function syncThenAnswer(background: BackgroundSync, group: Group): void {
  if (background.failed) return group.reject(background.failed);
  const syncing = background.sync().then(
    () => {
      // A sync that failed meanwhile may have lost pages this one no longer sees as dirty.
      if (background.failed) group.reject(background.failed);
      else group.resolve();
    },
    (error: Error) => {
      background.failed ??= error;
      console.error("db: syncing the WAL failed; nothing more is acknowledged until the server restarts:", error);
      group.reject(error);
    },
  );
  background.inFlight = syncing;
  void syncing.finally(() => {
    if (background.inFlight === syncing) background.inFlight = null;
  });
}

/** The group a write of the caller's joins: the open one, or a new one. */
function joinGroup(client: Database.Database): Group {
  return groups.get(client) ?? openGroup(client);
}

/** Whether a group is open and no member's work is running: the next write may join it. */
export function groupAwaitsMembers(client: Database.Database): boolean {
  const group = groups.get(client);
  return group !== undefined && group.depth === 0;
}

/**
 * Runs one member's writes in a savepoint of the group. A failure rolls back this member's
 * writes only; a failure that took SQLite's whole transaction with it (an I/O error, a full
 * disk) fails every member of the group, none of which has answered yet.
 */
export function runInGroup<T>(client: Database.Database, savepoint: () => T): T {
  const group = joinGroup(client);
  const member = members.getStore();
  if (member && !member.joined.includes(group)) member.joined.push(group);
  group.depth++;
  try {
    return savepoint();
  } catch (error) {
    if (!client.inTransaction && groups.get(client) === group) {
      groups.delete(client);
      if (backgroundSyncs.has(client)) setSynchronous(client, "FULL");
      group.reject(error as Error);
    }
    throw error;
  } finally {
    group.depth--;
  }
}

/**
 * Resolves once everything the caller wrote on `db` is committed: for a request, when every
 * group it wrote in has committed, and it rejects when one was rolled back, so the request
 * answers with an error rather than with something that is not on disk. For any other
 * caller, whose writes committed on their own, when the open group (if any) has committed.
 */
export async function durable(db: Db): Promise<void> {
  const member = members.getStore();
  if (!member) return groups.get(db.$client)?.done;
  const joined = member.joined.splice(0);
  for (const group of joined) await group.done;
}
