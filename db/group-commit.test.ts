import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { createTestWorld } from "@/lib/testing/factories";
import { commitGroup, durable, inCommitGroup } from "./group-commit";
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
