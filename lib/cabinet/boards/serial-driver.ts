import type { Duplex } from "node:stream";
import { BoardTimeoutError, type BoardDriver, type LockReading } from "./driver";
import { encodeRequest, FrameParser, LOCKS_PER_BOARD, lockBit, type Reply, type Request } from "./frames";

export type SerialBoardOptions = {
  /** How long a board has to answer one frame. At 19200 baud a 12-byte reply takes ~6 ms; boards answer within ~50 ms. */
  replyTimeoutMs?: number;
  /** Boards with an IR occupancy sensor per door; elsewhere occupancy is reported as unknown (null). */
  occupancySensors?: boolean;
};

type Pending = { request: Request; resolve: (reply: Reply) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

/**
 * Drives lock boards over any byte stream: a serial port (lib/cabinet/boards/serial-port.ts),
 * a pseudo-terminal, or an in-memory pair in tests. RS485 is half duplex with one master,
 * so one frame is in flight at a time; the rest wait their turn in order.
 */
export class SerialBoardDriver implements BoardDriver {
  private readonly parser = new FrameParser<Reply>("reply");
  private readonly queue: (() => void)[] = [];
  private inFlight: Pending | undefined;
  private closed = false;
  private readonly replyTimeoutMs: number;
  private readonly occupancySensors: boolean;

  constructor(
    private readonly line: Duplex,
    options: SerialBoardOptions = {},
  ) {
    this.replyTimeoutMs = options.replyTimeoutMs ?? 150;
    this.occupancySensors = options.occupancySensors ?? true;
    line.on("data", (chunk: Buffer) => {
      for (const reply of this.parser.push(chunk)) this.answer(reply);
    });
    line.on("error", (error) => this.inFlight?.reject(error));
  }

  /** Line quality: bytes dropped while resynchronising, and frames with a bad checksum. */
  get lineErrors(): { dropped: number; checksumErrors: number } {
    return { dropped: this.parser.dropped, checksumErrors: this.parser.checksumErrors };
  }

  async unlock(address: number, lock: number): Promise<void> {
    await this.send({ cmd: "unlock", address, lock }, `the unlock of lock ${lock}`);
  }

  async status(address: number): Promise<LockReading[]> {
    // A status read changes nothing, so a lost reply is worth one retry.
    let reply: Reply;
    try {
      reply = await this.send({ cmd: "status", address }, "a status read");
    } catch (error) {
      if (!(error instanceof BoardTimeoutError)) throw error;
      reply = await this.send({ cmd: "status", address }, "a status read");
    }
    if (reply.cmd !== "status") throw new Error("unreachable: status answered by an unlock frame");
    const readings: LockReading[] = [];
    for (let lock = 1; lock <= LOCKS_PER_BOARD; lock++) {
      const unknown = lockBit(reply.fault, lock);
      readings.push({
        door: unknown ? "unknown" : lockBit(reply.open, lock) ? "open" : "closed",
        occupied: unknown || !this.occupancySensors ? null : lockBit(reply.occupied, lock),
      });
    }
    return readings;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.inFlight?.reject(new Error("board driver closed"));
    this.line.destroy();
  }

  private send(request: Request, what: string): Promise<Reply> {
    if (this.closed) return Promise.reject(new Error("board driver closed"));
    return new Promise<Reply>((resolve, reject) => {
      const start = () => {
        const timer = setTimeout(() => this.settle(() => reject(new BoardTimeoutError(request.address, what))), this.replyTimeoutMs);
        this.inFlight = {
          request,
          timer,
          resolve: (reply) => this.settle(() => resolve(reply)),
          reject: (error) => this.settle(() => reject(error)),
        };
        this.line.write(encodeRequest(request));
      };
      if (this.inFlight) this.queue.push(start);
      else start();
    });
  }

  private settle(finish: () => void): void {
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.inFlight = undefined;
    finish();
    this.queue.shift()?.();
  }

  private answer(reply: Reply): void {
    const pending = this.inFlight;
    // A late answer to a request that already timed out is dropped, not given to the next one.
    if (!pending || pending.request.address !== reply.address || pending.request.cmd !== reply.cmd) return;
    if (reply.cmd === "unlock" && pending.request.cmd === "unlock" && reply.lock !== pending.request.lock) return;
    pending.resolve(reply);
  }
}
