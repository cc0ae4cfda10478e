import "server-only";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

/*
 * WAL checkpoints off the event loop (docs/PERFORMANCE.md, issue 19). By default SQLite
 * checkpoints inside the COMMIT that takes the WAL past 1,000 pages: it syncs the WAL, copies
 * its pages into the database file and syncs that. Measured under load, that COMMIT took
 * 10-16 ms about every 20 commits, and no request is served meanwhile: one connection does
 * all the writing on the event loop (decision 0017). Here the app's connection never
 * checkpoints; a worker thread with a connection of its own runs PASSIVE checkpoints, which
 * neither wait for nor block the writer, on another core. Durability is unchanged: a
 * checkpoint only copies what the WAL already holds, with the same syncs.
 */

/** How often the worker checkpoints: the WAL grows by at most this much of the load between runs. */
export const CHECKPOINT_INTERVAL_MS = 100;

/** Pages left in the WAL before the app's connection checkpoints again by itself, should the worker stop. */
const FALLBACK_AUTOCHECKPOINT_PAGES = 1000;

// Eval'd: a worker started from a file would need that file beside the build's chunks.
// `require` resolves from the working directory, the project's root (as MIGRATIONS_FOLDER assumes).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("synchronous = " + workerData.synchronous);
const checkpoint = () => {
  // busy: another checkpointer (a backup, a shutdown) holds the lock; the next run catches up.
  const [result] = db.pragma("wal_checkpoint(PASSIVE)");
  if (result.checkpointed > 0) parentPort.postMessage(result);
};
setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message === "stop") {
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
): Worker {
  client.pragma("wal_autocheckpoint = 0");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, synchronous, intervalMs } });
  worker.unref();
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
