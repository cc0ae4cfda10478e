import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
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

/** Runs `work` (one API request) with its writes grouped with those of its neighbours. */
export function inCommitGroup<T>(work: () => Promise<T>): Promise<T> {
  return members.run({ joined: [] }, work);
}

/** Whether the caller asked to be grouped (an API request), rather than to commit at once. */
export function wantsGroup(): boolean {
  return members.getStore() !== undefined;
}

function openGroup(client: Database.Database): Group {
  client.exec("BEGIN IMMEDIATE");
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
  setImmediate(() => commitGroup(client));
  return group;
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
  try {
    client.exec("COMMIT");
    group.resolve();
  } catch (error) {
    if (client.inTransaction) client.exec("ROLLBACK");
    group.reject(error as Error);
  }
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
