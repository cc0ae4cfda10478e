import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, test, vi } from "vitest";
import { createTestWorld } from "@/lib/testing/factories";
import { openDatabase } from "./client";
import { commitGroup, durable, inCommitGroup, syncGroupsInBackground, walFileSync } from "./group-commit";
import { writeTransaction } from "./transaction";
import { walCommits } from "./wal";

const world = createTestWorld();
// A second connection sees only what is committed: what a restarted server would find.
const onDisk = new Database(world.file, { readonly: true });
afterAll(() => {
  onDisk.close();
  world.close();
});
world.db.$client.exec("create table notes (id integer primary key, body text not null unique)");
world.db.$client.exec("create table tags (id integer primary key, note_id integer not null references notes(id) deferrable initially deferred)");
const committed = () => (onDisk.prepare("select body from notes order by id").all() as { body: string }[]).map((n) => n.body);
const insert = (body: string) => world.db.run(sql`insert into notes (body) values (${body})`);
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** One request: writes, then waits for its commit, as lib/api/handler.ts does. */
function request(body: string, alsoDo: () => void = () => {}) {
  return inCommitGroup(async () => {
    writeTransaction(world.db, () => {
      insert(body);
      alsoDo();
    });
    await durable(world.db);
    return body;
  });
}

/** Counts commits off the WAL (db/wal.ts), with checkpoints held off meanwhile. */
function countCommits() {
  world.db.$client.pragma("wal_checkpoint(TRUNCATE)");
  world.db.$client.pragma("wal_autocheckpoint = 0");
  return {
    commits: () => walCommits(world.file),
    stop: () => world.db.$client.pragma("wal_autocheckpoint = 1000"),
  };
}

describe("group commit", () => {
  test("requests of one turn share one commit, and none is answered before it", async () => {
    const counter = countCommits();
    let answered = 0;
    const all = ["g1-a", "g1-b", "g1-c"].map((body) => request(body).then(() => answered++));
    // Written, not yet committed: another connection sees none of them and nobody has an answer.
    expect(committed()).not.toContain("g1-a");
    expect(answered).toBe(0);
    await Promise.all(all);
    expect(committed()).toEqual(expect.arrayContaining(["g1-a", "g1-b", "g1-c"]));
    expect(counter.commits()).toBe(1);
    counter.stop();
  });

  test("a request that fails is rolled back alone; its neighbours commit", async () => {
    const results = await Promise.allSettled([
      request("g2-kept"),
      request("g2-refused", () => {
        throw new Error("refused");
      }),
      request("g2-also-kept"),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(committed()).toEqual(expect.arrayContaining(["g2-kept", "g2-also-kept"]));
    expect(committed()).not.toContain("g2-refused");
  });

  test("when the shared commit fails, every request of the group gets an error and nothing is kept", async () => {
    world.db.$client.pragma("foreign_keys = ON");
    const results = await Promise.allSettled([
      request("g3-a"),
      // A deferred foreign key fails at COMMIT, as a full disk or an I/O error would.
      request("g3-b", () => world.db.run(sql`insert into tags (note_id) values (999999)`)),
    ]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(committed()).not.toContain("g3-a");
    expect(world.db.$client.inTransaction).toBe(false);
    // The next turn starts a fresh group that commits.
    await request("g3-after");
    expect(committed()).toContain("g3-after");
  });

  test("a write that is not part of a request commits the open group first, then its own", async () => {
    const waiting = request("g4-request");
    expect(committed()).not.toContain("g4-request");
    writeTransaction(world.db, () => insert("g4-page-action"));
    // Both on disk at once: the page's answer never waits on, nor runs ahead of, the group.
    expect(committed()).toEqual(expect.arrayContaining(["g4-request", "g4-page-action"]));
    await waiting;
  });

  test("a request's writes in successive turns each wait for their own commit", async () => {
    const counter = countCommits();
    await inCommitGroup(async () => {
      writeTransaction(world.db, () => insert("g5-first"));
      await nextTurn();
      expect(committed()).toContain("g5-first");
      writeTransaction(world.db, () => insert("g5-second"));
      expect(committed()).not.toContain("g5-second");
      await durable(world.db);
      expect(committed()).toContain("g5-second");
    });
    expect(counter.commits()).toBe(2);
    counter.stop();
  });

  test("commitGroup with no group open does nothing", () => {
    expect(() => commitGroup(world.db.$client)).not.toThrow();
    expect(world.db.$client.inTransaction).toBe(false);
  });
});

describe("the group's sync off the event loop", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "group-sync-"));
  const file = path.join(dir, "locker.db");
  const db = openDatabase(file, { synchronous: "FULL", migrate: false });
  db.$client.exec("create table notes (id integer primary key, body text not null unique)");
  const reader = new Database(file, { readonly: true });
  afterAll(() => {
    reader.close();
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const seen = () => (reader.prepare("select body from notes order by id").all() as { body: string }[]).map((n) => n.body);
  const synchronous = () => db.$client.pragma("synchronous", { simple: true });

  /** Syncs that finish only when the test says so, as a slow disk would. */
  const syncs: { finish: () => void; fail: (error: Error) => void }[] = [];
  syncGroupsInBackground(db.$client, () => new Promise<void>((finish, fail) => syncs.push({ finish, fail })));

  function requestOn(body: string) {
    return inCommitGroup(async () => {
      writeTransaction(db, () => db.run(sql`insert into notes (body) values (${body})`));
      await durable(db);
      return body;
    });
  }
  const settled = async (promise: Promise<unknown>) => {
    let done = false;
    void promise.then(
      () => (done = true),
      () => (done = true),
    );
    await nextTurn();
    await nextTurn();
    return done;
  };

  test("a group is committed without a sync on the event loop, and answered only once its sync is done", async () => {
    let levelInGroup: unknown;
    const answer = inCommitGroup(async () => {
      writeTransaction(db, () => db.run(sql`insert into notes (body) values ('s1')`));
      levelInGroup = synchronous();
      await durable(db);
      return "s1";
    });
    await nextTurn();
    // The group's COMMIT writes the WAL without syncing it (NORMAL); the sync comes after.
    expect(levelInGroup).toBe(1);
    // Committed (another connection reads it), but nobody is answered before the WAL is on disk.
    expect(seen()).toContain("s1");
    expect(syncs).toHaveLength(1);
    expect(await settled(answer)).toBe(false);
    syncs.shift()!.finish();
    await expect(answer).resolves.toBe("s1");
    // Every other commit of the connection syncs inside COMMIT, as before.
    expect(synchronous()).toBe(2);
  });

  test("the next group commits only after the previous group's sync, with everything that arrived meanwhile", async () => {
    const first = requestOn("s2-a");
    await nextTurn();
    expect(syncs).toHaveLength(1);
    const later = [requestOn("s2-b"), requestOn("s2-c")];
    await nextTurn();
    expect(seen()).not.toContain("s2-b");
    syncs.shift()!.finish();
    await first;
    await nextTurn();
    expect(seen()).toEqual(expect.arrayContaining(["s2-b", "s2-c"]));
    expect(syncs).toHaveLength(1);
    syncs.shift()!.finish();
    await expect(Promise.all(later)).resolves.toEqual(["s2-b", "s2-c"]);
  });

  test("a failed sync fails its group, and no later group is acknowledged; other writes still commit and sync", async () => {
    const logged: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => logged.push(args[0]);
    try {
      const lost = requestOn("s3-a");
      await nextTurn();
      syncs.shift()!.fail(new Error("EIO"));
      await expect(lost).rejects.toThrow("EIO");
      expect(logged).toEqual([expect.stringContaining("syncing the WAL failed")]);
      await expect(requestOn("s3-b")).rejects.toThrow("EIO");
      writeTransaction(db, () => db.run(sql`insert into notes (body) values ('s3-page')`));
      expect(seen()).toContain("s3-page");
      expect(synchronous()).toBe(2);
    } finally {
      console.error = log;
    }
  });
});

describe("the WAL file's sync", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wal-sync-"));
  const file = path.join(dir, "locker.db");
  const client = { name: file } as Database.Database;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("opens the file once and syncs the file SQLite writes, even after its name was given to another", async () => {
    fs.writeFileSync(`${file}-wal`, "first");
    const walInode = fs.statSync(`${file}-wal`).ino;
    // SQLite's own handle on the WAL, which it keeps for the connection's life.
    const sqliteHandle = fs.openSync(`${file}-wal`, "r+");
    const opens = vi.spyOn(fs, "openSync");
    // Which file each sync reached, by inode.
    const synced: number[] = [];
    const fdatasync = vi.spyOn(fs, "fdatasync").mockImplementation(((fd: number, done: (error: Error | null) => void) => {
      synced.push(fs.fstatSync(fd).ino);
      done(null);
    }) as typeof fs.fdatasync);
    try {
      const sync = walFileSync(client);
      await Promise.all([sync(), sync()]);
      // Renamed over it: SQLite goes on writing the old file through its handle.
      fs.writeFileSync(`${file}-wal.new`, "second");
      fs.renameSync(`${file}-wal.new`, `${file}-wal`);
      await sync();
      expect(opens.mock.calls.filter(([name]) => name === `${file}-wal`)).toHaveLength(1);
      expect(synced).toEqual([walInode, walInode, walInode]);
      expect(fs.fstatSync(sqliteHandle).ino).toBe(walInode);
    } finally {
      fdatasync.mockRestore();
      opens.mockRestore();
      fs.closeSync(sqliteHandle);
    }
  });

  test("a WAL file that cannot be opened fails the sync, so its group is not acknowledged", async () => {
    const sync = walFileSync({ name: path.join(dir, "missing.db") } as Database.Database);
    await expect(sync()).rejects.toThrow(/ENOENT/);
  });
});
