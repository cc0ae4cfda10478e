import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import { afterEach, expect, test } from "vitest";
import { openDatabase, type Db } from "./client";
import { checkpointInBackground, stopCheckpointer, type CheckpointResult } from "./checkpointer";
import { durable, inCommitGroup, runInGroup } from "./group-commit";

const opened: { db: Db; dir: string }[] = [];
afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    if (db.$client.open) db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function freshDatabase(): { db: Db; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "checkpointer-"));
  const file = path.join(dir, "locker.db");
  const db = openDatabase(file, { synchronous: "NORMAL", migrate: false });
  db.$client.exec("create table t (id integer primary key, body text not null)");
  opened.push({ db, dir });
  return { db, file };
}

function autocheckpoint(db: Db): number {
  return db.$client.pragma("wal_autocheckpoint", { simple: true }) as number;
}

function writePages(db: Db, rows: number) {
  const insert = db.$client.prepare("insert into t (body) values (?)");
  for (let i = 0; i < rows; i++) insert.run("x".repeat(3000));
}

/** Resolves with the worker's first report of a checkpoint that `done` accepts. */
function checkpointWhere(worker: Worker, done: (result: CheckpointResult) => boolean): Promise<CheckpointResult> {
  return new Promise((resolve) => {
    const listen = (result: CheckpointResult) => {
      if (!done(result)) return;
      worker.off("message", listen);
      resolve(result);
    };
    worker.on("message", listen);
  });
}

test("the app's connection leaves checkpoints to the worker, which copies the WAL into the database", async () => {
  const { db, file } = freshDatabase();
  const worker = checkpointInBackground(db.$client, file, "NORMAL");
  expect(autocheckpoint(db)).toBe(0);
  // Past the 1,000 pages at which the connection would have checkpointed inside a commit.
  const whole = checkpointWhere(worker, (result) => result.log >= 1500 && result.checkpointed === result.log);
  writePages(db, 1500);
  await whole;
  // The WAL was never checkpointed by the connection, yet the rows are in the database file.
  expect(fs.statSync(file).size).toBeGreaterThan(1500 * 3000);
  await stopCheckpointer(db.$client, worker);
  expect(autocheckpoint(db)).toBe(1000);
});

test("when the worker dies, the connection checkpoints by itself again", async () => {
  const { db, file } = freshDatabase();
  const worker = checkpointInBackground(db.$client, file, "NORMAL");
  expect(autocheckpoint(db)).toBe(0);
  const exited = new Promise((resolve) => worker.once("exit", resolve));
  const errors: unknown[] = [];
  const log = console.error;
  console.error = (...args: unknown[]) => errors.push(args.join(" "));
  try {
    await worker.terminate();
    await exited;
  } finally {
    console.error = log;
  }
  expect(autocheckpoint(db)).toBe(1000);
  expect(errors).toEqual([expect.stringContaining("the checkpoint worker stopped")]);
});

test("only the app's connection hands its checkpoints over; other connections keep SQLite's own", () => {
  const { db } = freshDatabase();
  expect(autocheckpoint(db)).toBe(1000);
});

/** The worker's report of a pass that copied all `pages` of the WAL, as it posts it. */
function reportWholeWal(worker: Worker, pages: number) {
  worker.emit("message", { busy: 0, log: pages, checkpointed: pages } satisfies CheckpointResult);
}

const walBytes = (file: string) => fs.statSync(`${file}-wal`).size;
// A WAL frame: a 24-byte header and a 4 KiB page.
const FRAME = 24 + 4096;
// A worker that never runs a pass by itself in these tests: they post its reports.
const NEVER = 3_600_000;

/*
 * Under load the worker never finds every frame copied when a write begins (frames are
 * committed while it copies), so SQLite never started the WAL over: in-process it grew to
 * 442 MB over 13,500 requests. Once the WAL is long, the app's connection finishes the
 * checkpoint between two writes and its next write starts the WAL over.
 */
test("once the WAL is long, the app's connection finishes the checkpoint and the next write starts the WAL over", () => {
  const { db, file } = freshDatabase();
  const worker = checkpointInBackground(db.$client, file, "NORMAL", NEVER, 100);
  writePages(db, 300);
  expect(walBytes(file)).toBeGreaterThan(300 * FRAME);
  // Short of the restart point: nothing to do.
  reportWholeWal(worker, 99);
  writePages(db, 10);
  expect(walBytes(file)).toBeGreaterThan(310 * FRAME);
  reportWholeWal(worker, 310);
  writePages(db, 10);
  // Started over from its first frame, and cut back to the restart point's length.
  expect(walBytes(file)).toBeLessThanOrEqual(100 * 4096);
  expect(db.$client.prepare("select count(*) as n from t").get()).toEqual({ n: 320 });
});

test("a report that comes while a group is open is acted on after the group's COMMIT", async () => {
  const { db, file } = freshDatabase();
  const worker = checkpointInBackground(db.$client, file, "NORMAL", NEVER, 100);
  writePages(db, 300);
  await inCommitGroup(async () => {
    runInGroup(db.$client, () => writePages(db, 10));
    reportWholeWal(worker, 300);
    // No checkpoint inside the group's transaction: a later write still appends.
    runInGroup(db.$client, () => writePages(db, 10));
    await durable(db);
  });
  expect(walBytes(file)).toBeGreaterThan(320 * FRAME);
  writePages(db, 10);
  expect(walBytes(file)).toBeLessThanOrEqual(100 * 4096);
  expect(db.$client.prepare("select count(*) as n from t").get()).toEqual({ n: 330 });
});
