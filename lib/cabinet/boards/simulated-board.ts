import type { Duplex } from "node:stream";
import { encodeReply, FrameParser, LOCKS_PER_BOARD, maskOf, type Request } from "./frames";

type Lock = { open: boolean; occupied: boolean; jammed: boolean; sensorUnknown: boolean };

/**
 * One or more simulated lock boards on a bus, answering the same frames a real board does
 * (frames.ts), so the serial driver is tested end to end without hardware. A door pops
 * open when its lock is pulsed (unless jammed) and stays open until someone closes it.
 *
 * Faults, injected by tests or by the agent's fault command: a jammed door, a lost reply
 * (the lock is pulsed but the answer never leaves), a sensor that reads unknown, and a
 * disconnect (the board answers nothing for a while, like a pulled cable).
 */
export class SimulatedBoard {
  private readonly boards = new Map<number, Lock[]>();
  private readonly parser = new FrameParser<Request>("request");
  private losingReplies = 0;
  private silentUntil = 0;
  private line: Duplex | undefined;
  /** Every frame this bus received, for tests. */
  readonly received: Request[] = [];

  /** When set, an opened door shuts itself after this long (a benchmark's people, who take their parcel and close it). */
  autoCloseMs: number | undefined;

  constructor(
    addresses: number[] = [1],
    private readonly now: () => number = Date.now,
  ) {
    for (const address of addresses) {
      this.boards.set(
        address,
        Array.from({ length: LOCKS_PER_BOARD }, () => ({ open: false, occupied: false, jammed: false, sensorUnknown: false })),
      );
    }
  }

  /** Answers frames arriving on `line` (the board end of a cable, pty or in-memory pair). */
  attach(line: Duplex): this {
    this.line = line;
    line.on("data", (chunk: Buffer) => {
      for (const request of this.parser.push(chunk)) this.handle(request);
    });
    line.on("error", () => {});
    return this;
  }

  private lock(address: number, lock: number): Lock {
    const board = this.boards.get(address);
    if (!board) throw new RangeError(`no simulated board at address ${address}`);
    return board[lock - 1];
  }

  private handle(request: Request): void {
    this.received.push(request);
    const board = this.boards.get(request.address);
    // A board that does not exist, or a silent one, answers nothing: the master times out.
    if (!board || this.now() < this.silentUntil) return;
    if (request.cmd === "unlock") {
      const lock = board[request.lock - 1];
      if (!lock.jammed) {
        lock.open = true;
        if (this.autoCloseMs !== undefined) setTimeout(() => (lock.open = false), this.autoCloseMs).unref();
      }
    }
    if (this.losingReplies > 0) {
      this.losingReplies--;
      return;
    }
    const reply =
      request.cmd === "unlock"
        ? encodeReply({ cmd: "unlock", address: request.address, lock: request.lock })
        : encodeReply({ cmd: "status", address: request.address, ...this.masks(board) });
    this.line?.write(reply);
  }

  private masks(board: Lock[]) {
    const numbers = (pick: (lock: Lock) => boolean) => board.flatMap((lock, i) => (pick(lock) ? [i + 1] : []));
    return {
      open: maskOf(numbers((l) => l.open && !l.sensorUnknown)),
      occupied: maskOf(numbers((l) => l.occupied && !l.sensorUnknown)),
      fault: maskOf(numbers((l) => l.sensorUnknown)),
    };
  }

  // The world around the board: people and parcels.
  isOpen(address: number, lock: number): boolean {
    return this.lock(address, lock).open;
  }
  /** Someone shuts the door, with or without a parcel inside. */
  closeDoor(address: number, lock: number, occupied?: boolean): void {
    const state = this.lock(address, lock);
    state.open = false;
    if (occupied !== undefined) state.occupied = occupied;
  }
  /** The door is opened without a pulse: a crowbar, or a lock that failed open. */
  forceOpen(address: number, lock: number): void {
    this.lock(address, lock).open = true;
  }

  // Faults.
  jam(address: number, lock: number, jammed = true): void {
    this.lock(address, lock).jammed = jammed;
  }
  /** The next `count` frames are acted on but not answered. */
  loseReplies(count = 1): void {
    this.losingReplies += count;
  }
  unknownSensor(address: number, lock: number, unknown = true): void {
    this.lock(address, lock).sensorUnknown = unknown;
  }
  /** Answers nothing for `forMs` (by the board's clock). */
  disconnect(forMs: number): void {
    this.silentUntil = this.now() + forMs;
  }
  clearFaults(): void {
    this.losingReplies = 0;
    this.silentUntil = 0;
    for (const board of this.boards.values()) for (const lock of board) Object.assign(lock, { jammed: false, sensorUnknown: false });
  }
}
