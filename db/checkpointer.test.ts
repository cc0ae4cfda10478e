import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import { afterEach, expect, test } from "vitest";
import { openDatabase, type Db } from "./client";
import { checkpointInBackground, stopCheckpointer, type CheckpointResult } from "./checkpointer";

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
