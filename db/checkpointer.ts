import "server-only";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";
import { afterEachGroupCommit } from "./group-commit";

/*
 * WAL checkpoints off the event loop (docs/PERFORMANCE.md, issue 19). By default SQLite
 * checkpoints inside the COMMIT that takes the WAL past 1,000 pages: it syncs the WAL, copies
 * its pages into the database file and syncs that. Measured under load, that COMMIT took
 * 10-16 ms about every 20 commits, and no request is served meanwhile: one connection does
 * all the writing on the event loop (decision 0017). Here the app's connection never
 * checkpoints; a worker thread with a connection of its own runs PASSIVE checkpoints, which
 * neither wait for nor block the writer, on another core. Durability is unchanged: a
 * checkpoint only copies what the WAL already holds, with the same syncs.
 *
 * The WAL starts over from its beginning only when a write transaction begins while every
 * frame in it has been copied. Under steady load the worker never quite catches up (frames
 * are committed while it copies), so the WAL grew without end: 442 MB after 13,500 requests
 * in-process, about 50 MB a second at bench:load's peak, and each new frame extended the
 * file, which costs more to write and to sync than overwriting. So once the WAL holds
 * RESTART_AFTER_PAGES, the app's connection finishes the checkpoint itself right after the
 * worker's report, between two groups: it copies only what was committed while the worker
 * copied (a few milliseconds, with SQLite's own syncs), and its next write starts the WAL
 * over. With any pause in the writes the worker catches up and this never runs.
 */

/** How often the worker checkpoints: the WAL grows by at most this much of the load between runs. */
export const CHECKPOINT_INTERVAL_MS = 100;

/** WAL pages (64 MiB of 4 KiB) past which the app's connection finishes a checkpoint so the WAL starts over. */
export const RESTART_AFTER_PAGES = 16_384;

/** Pages left in the WAL before the app's connection checkpoints again by itself, should the worker stop. */
const FALLBACK_AUTOCHECKPOINT_PAGES = 1000;

// Eval'd: a worker started from a file would need that file beside the build's chunks.
// `require` resolves from the working directory, the project's root (as MIGRATIONS_FOLDER assumes).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("synchronous = " + workerData.synchronous);
let next = null;
const schedule = (ms) => {
  clearTimeout(next);
  next = setTimeout(checkpoint, ms);
};
const checkpoint = () => {
  // busy: another checkpointer (a backup, a shutdown) holds the lock; the next run catches up.
  const [result] = db.pragma("wal_checkpoint(PASSIVE)");
  if (result.checkpointed > 0) parentPort.postMessage(result);
  // A long WAL: the app's connection finishes the checkpoint, and this waits for its word
  // ("go") so as not to hold the lock it needs, or resumes by itself should none come.
  schedule(result.log >= workerData.restartAfterPages ? workerData.intervalMs * 10 : workerData.intervalMs);
};
schedule(workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message === "go") schedule(workerData.intervalMs);
  if (message === "stop") {
    clearTimeout(next);
    db.close();
    process.exit(0);
  }
});
`;

export type CheckpointResult = { busy: number; log: number; checkpointed: number };

/** Workers asked to stop: their exit is no failure. */
const stopping = new WeakSet<Worker>();

/**
 * Hands the checkpoints of `client`'s database to a worker thread. Should the worker fail,
 * the connection checkpoints by itself again, as SQLite does by default, so the WAL never
 * grows without bound. The worker does not keep the process alive.
 */
export function checkpointInBackground(
  client: Database.Database,
  file: string,
  synchronous: "FULL" | "NORMAL",
  intervalMs = CHECKPOINT_INTERVAL_MS,
  restartAfterPages = RESTART_AFTER_PAGES,
): Worker {
  client.pragma("wal_autocheckpoint = 0");
  // The first commit after the WAL starts over cuts the file back to this length (SQLite
  // otherwise keeps it at its longest): a burst does not keep its disk space for good.
  client.pragma(`journal_size_limit = ${restartAfterPages * (client.pragma("page_size", { simple: true }) as number)}`);
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, synchronous, intervalMs, restartAfterPages } });
  worker.unref();
  // Set by a report of a long WAL; done at once when no transaction is open, else after the
  // group's COMMIT, while the worker waits for the word to go on. A restart that a reader
  // holding old frames prevents is tried again only once the WAL has grown by a quarter
  // more, not after every report.
  let finishWanted = false;
  let tryAgainAtPages = restartAfterPages;
  const finishCheckpoint = () => {
    if (!finishWanted || !client.open || client.inTransaction) return;
    finishWanted = false;
    const [result] = client.pragma("wal_checkpoint(PASSIVE)") as CheckpointResult[];
    if (!result.busy) tryAgainAtPages = result.log + Math.ceil(restartAfterPages / 4);
    worker.postMessage("go");
  };
  worker.on("message", (result: CheckpointResult) => {
    if (result.log < restartAfterPages) {
      tryAgainAtPages = restartAfterPages;
      return;
    }
    if (result.log < tryAgainAtPages) {
      worker.postMessage("go");
      return;
    }
    finishWanted = true;
    finishCheckpoint();
  });
  afterEachGroupCommit(client, finishCheckpoint);
  let fellBack = false;
  const fallBack = (why: string) => {
    if (fellBack || !client.open) return;
    fellBack = true;
    client.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
    console.error(`db: the checkpoint worker stopped (${why}); the app's connection checkpoints by itself again`);
  };
  worker.on("error", (error) => fallBack(error.message));
  worker.on("exit", (code) => {
    if (!stopping.has(worker)) fallBack(`exit code ${code}`);
  });
  return worker;
}

/** Stops the worker, e.g. before the connection closes; the connection checkpoints by itself again. */
export async function stopCheckpointer(client: Database.Database, worker: Worker): Promise<void> {
  stopping.add(worker);
  worker.postMessage("stop");
  await new Promise((resolve) => worker.once("exit", resolve));
  if (client.open) client.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
}
