import fs from "node:fs";
import path from "node:path";
import type { DoorReport, Result } from "./protocol";

/**
 * What the agent did with each transaction id, so a command redelivered by QoS 1 or sent
 * again by the server is answered with the earlier outcome and never executed twice.
 * "started" is written before the lock is pulsed: a crash between the two leaves a
 * transaction that will not run again (at most once, not at least once — a door opened
 * late or twice is worse than one that did not open).
 */
export type TransactionEntry = { at: number; door?: string } & ({ outcome: "started" } | { outcome: Result; state?: DoorReport });

export interface TransactionLog {
  get(transactionId: string): TransactionEntry | undefined;
  remember(transactionId: string, entry: TransactionEntry): void;
}

/** Keeps the most recent `limit` transactions in memory (a command outlives its notAfter by seconds, not days). */
export class MemoryTransactionLog implements TransactionLog {
  protected readonly entries = new Map<string, TransactionEntry>();

  constructor(private readonly limit = 10_000) {}

  get(transactionId: string): TransactionEntry | undefined {
    return this.entries.get(transactionId);
  }

  remember(transactionId: string, entry: TransactionEntry): void {
    this.entries.delete(transactionId);
    this.entries.set(transactionId, entry);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/**
 * The same, kept in a small JSON file so a restarted agent still knows what it did.
 * Written whole on each change (write a temporary file, fsync, rename): a cabinet runs a
 * few commands a minute, and a torn file must never forget a transaction.
 */
export class FileTransactionLog extends MemoryTransactionLog {
  constructor(
    private readonly file: string,
    limit = 2_000,
  ) {
    super(limit);
    if (fs.existsSync(file)) {
      const saved = JSON.parse(fs.readFileSync(file, "utf8")) as [string, TransactionEntry][];
      for (const [id, entry] of saved) super.remember(id, entry);
    }
  }

  override remember(transactionId: string, entry: TransactionEntry): void {
    super.remember(transactionId, entry);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    const fd = fs.openSync(temporary, "w");
    try {
      fs.writeSync(fd, JSON.stringify([...this.entries]));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, this.file);
  }
}
