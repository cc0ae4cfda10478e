/*
 * What the cabinet agent needs of its lock boards, whatever wire they hang on. Locks are
 * numbered from 1 as printed on the board; boards by their bus address.
 */
import type { DoorState } from "../protocol";

export type LockReading = { door: DoorState; occupied: boolean | null };

export interface BoardDriver {
  /** Pulses one lock. Resolves when the board acknowledged the pulse — which says nothing about the door: read it back. */
  unlock(address: number, lock: number): Promise<void>;
  /** Every lock of one board, index 0 = lock 1. */
  status(address: number): Promise<LockReading[]>;
  close(): Promise<void>;
}

/** The board did not answer in time: the pulse may or may not have happened. */
export class BoardTimeoutError extends Error {
  constructor(address: number, what: string) {
    super(`lock board ${address} did not answer ${what}`);
    this.name = "BoardTimeoutError";
  }
}
