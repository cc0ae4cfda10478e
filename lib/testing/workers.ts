import "server-only";
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { parcels } from "@/db/schema";
import type { UserActor } from "@/lib/context";
import type { ReserveInput } from "@/lib/parcels/schemas";
import type { TestWorld } from "./factories";

/*
 * Runs jobs in separate OS processes, each with its own SQLite connection to the test
 * world's file, started together behind a barrier so that they really contend for the
 * write lock. The worker is lib/testing/concurrency-worker.ts.
 */

type Common = {
  file: string;
  hmacKeyHex: string;
  encryptionKeyHex: string;
  actor: UserActor;
  now: number;
  busyTimeoutMs?: number;
};

export type WorkerJob = Common &
  (
    | { kind: "deposit"; input: Omit<ReserveInput, "trackingNumber">; trackingNumbers: string[] }
    | { kind: "reserve"; input: Omit<ReserveInput, "trackingNumber">; trackingNumbers: string[] }
    | { kind: "raw-insert"; rows: (typeof parcels.$inferInsert)[] }
  );

export type WorkerOutcome =
  | { outcome: "ok"; trackingNumber?: string; parcelId: number; slotId: number | null; state?: string; replayed?: boolean }
  | { outcome: "refused" | "error"; trackingNumber?: string; code?: string; message: string };

export type WorkerMessage = { type: "ready" } | { type: "done"; outcomes: WorkerOutcome[] };

type JobSpec = WorkerJob extends infer J ? (J extends unknown ? Omit<J, keyof Common> & { actor: UserActor } : never) : never;

const WORKER = path.join(process.cwd(), "lib", "testing", "concurrency-worker.ts");

/** The fields every job needs from the world: its file, its keys and its clock. */
function common(world: TestWorld, actor: UserActor): Common {
  return {
    file: world.file,
    hmacKeyHex: world.keys.hmacKey.toString("hex"),
    encryptionKeyHex: world.keys.encryptionKey.toString("hex"),
    actor,
    now: world.clock.now,
  };
}

/** How long the workers may take to start: loading TypeScript in each is slow on a busy machine, and proves nothing. */
export const WORKER_START_MS = 120_000;

/**
 * Runs one job per process, all released at once; resolves with each job's outcomes, in
 * order. `timeoutMs` bounds the work once released (a deadlock fails the test), not the start.
 */
export async function runInWorkers(world: TestWorld, specs: JobSpec[], timeoutMs = 20_000): Promise<WorkerOutcome[][]> {
  const children: ChildProcess[] = [];
  const killAll = () => {
    for (const child of children) child.kill("SIGKILL");
  };
  let timer = setTimeout(killAll, WORKER_START_MS);
  try {
    const started = specs.map((spec) => {
      const child = fork(WORKER, [], {
        cwd: process.cwd(),
        execArgv: ["--conditions=react-server", "--import", "tsx"],
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      children.push(child);
      const ready = new Promise<void>((resolve, reject) => {
        child.once("message", (message: WorkerMessage) => (message.type === "ready" ? resolve() : reject(new Error("worker not ready"))));
        child.once("exit", (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
      });
      const done = new Promise<WorkerOutcome[]>((resolve, reject) => {
        child.on("message", (message: WorkerMessage) => {
          if (message.type === "done") resolve(message.outcomes);
        });
        child.once("exit", (code, signal) => reject(new Error(`worker exited with ${code ?? signal} before reporting`)));
      });
      done.catch(() => undefined);
      child.send({ ...common(world, spec.actor), ...spec } as WorkerJob);
      return { child, ready, done };
    });
    await Promise.all(started.map((worker) => worker.ready));
    clearTimeout(timer);
    timer = setTimeout(killAll, timeoutMs);
    for (const worker of started) worker.child.send("go");
    return await Promise.all(started.map((worker) => worker.done));
  } finally {
    clearTimeout(timer);
  }
}
