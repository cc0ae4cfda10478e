/*
 * The RS485 frames of the common 16-lock control boards (sold as "KERONG-style", "CU16",
 * "16-channel lock control board"): 19200 baud, 8N1, half duplex, one master (the agent)
 * and up to 32 boards on a bus, each set to an address by its DIP switches.
 *
 * Our exact layout (docs/CABINETS.md repeats it; vendors differ in the command bytes, so
 * a board of another dialect needs only this file changed):
 *
 *   STX  ADDR  CMD  DATA…  ETX  SUM
 *   0x02 0x00–0x1F      …  0x03 low byte of the sum of every byte from STX to ETX
 *
 *   host → board
 *     unlock   02 AA 31 LL 03 SS         LL = lock 0x00–0x0F (lock 1 is 0x00)
 *     status   02 AA 30 00 03 SS
 *   board → host
 *     unlock   02 AA 31 LL 03 SS         echo: the lock was pulsed (not that the door opened)
 *     status   02 AA 30 O0 O1 P0 P1 F0 F1 03 SS
 *                 O: doors open, P: occupied (IR sensor), F: sensor fault,
 *                 16-bit masks, low byte first, bit n = lock n+1
 *
 * The length of a frame follows from its direction and CMD, so a parser knows where ETX
 * and SUM must be; a frame whose ETX or SUM is wrong is dropped one byte at a time until
 * the stream lines up again (garbage on the line, a board talking over another).
 */

export const STX = 0x02;
export const ETX = 0x03;
export const CMD_STATUS = 0x30;
export const CMD_UNLOCK = 0x31;
export const LOCKS_PER_BOARD = 16;
export const MAX_ADDRESS = 0x1f;
export const BAUD_RATE = 19200;

export type Direction = "request" | "reply";

export type Request = { cmd: "unlock"; address: number; lock: number } | { cmd: "status"; address: number };

export type StatusMasks = { open: number; occupied: number; fault: number };
export type Reply = { cmd: "unlock"; address: number; lock: number } | ({ cmd: "status"; address: number } & StatusMasks);

/** Bytes between CMD and ETX, by direction and command byte. */
const DATA_LENGTH: Record<Direction, Record<number, number>> = {
  request: { [CMD_UNLOCK]: 1, [CMD_STATUS]: 1 },
  reply: { [CMD_UNLOCK]: 1, [CMD_STATUS]: 6 },
};

export function checksum(bytes: Uint8Array, end = bytes.length): number {
  let sum = 0;
  for (let i = 0; i < end; i++) sum = (sum + bytes[i]) & 0xff;
  return sum;
}

function frame(address: number, cmd: number, data: number[]): Buffer {
  if (!Number.isInteger(address) || address < 0 || address > MAX_ADDRESS) throw new RangeError(`board address ${address} is not 0–${MAX_ADDRESS}`);
  const bytes = Buffer.from([STX, address, cmd, ...data, ETX, 0]);
  bytes[bytes.length - 1] = checksum(bytes, bytes.length - 1);
  return bytes;
}

function lockByte(lock: number): number {
  if (!Number.isInteger(lock) || lock < 1 || lock > LOCKS_PER_BOARD) throw new RangeError(`lock ${lock} is not 1–${LOCKS_PER_BOARD}`);
  return lock - 1;
}

export function encodeRequest(request: Request): Buffer {
  return request.cmd === "unlock" ? frame(request.address, CMD_UNLOCK, [lockByte(request.lock)]) : frame(request.address, CMD_STATUS, [0]);
}

export function encodeReply(reply: Reply): Buffer {
  if (reply.cmd === "unlock") return frame(reply.address, CMD_UNLOCK, [lockByte(reply.lock)]);
  const { open, occupied, fault } = reply;
  return frame(reply.address, CMD_STATUS, [open & 0xff, open >> 8, occupied & 0xff, occupied >> 8, fault & 0xff, fault >> 8]);
}

function decode(direction: Direction, bytes: Buffer): Request | Reply | undefined {
  const address = bytes[1];
  const cmd = bytes[2];
  if (cmd === CMD_UNLOCK) {
    if (bytes[3] >= LOCKS_PER_BOARD) return undefined;
    return { cmd: "unlock", address, lock: bytes[3] + 1 };
  }
  if (direction === "request") return { cmd: "status", address };
  const word = (at: number) => bytes[at] | (bytes[at + 1] << 8);
  return { cmd: "status", address, open: word(3), occupied: word(5), fault: word(7) };
}

/** Incremental parser: push whatever the line delivered, get whole frames back. */
export class FrameParser<F extends Request | Reply> {
  private buffer = Buffer.alloc(0);
  /** Bytes dropped to resynchronise (garbage, bad checksums): a line-quality figure. */
  dropped = 0;
  /** Frames whose ETX was in place but whose SUM was wrong. */
  checksumErrors = 0;

  constructor(private readonly direction: Direction) {}

  push(chunk: Uint8Array): F[] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : Buffer.from(chunk);
    const frames: F[] = [];
    let at = 0;
    while (at < this.buffer.length) {
      if (this.buffer[at] !== STX) {
        at++;
        this.dropped++;
        continue;
      }
      if (at + 3 > this.buffer.length) break;
      const dataLength = DATA_LENGTH[this.direction][this.buffer[at + 2]];
      if (dataLength === undefined || this.buffer[at + 1] > MAX_ADDRESS) {
        at++;
        this.dropped++;
        continue;
      }
      const length = 3 + dataLength + 2;
      if (at + length > this.buffer.length) break;
      const candidate = this.buffer.subarray(at, at + length);
      const etxOk = candidate[length - 2] === ETX;
      const sumOk = etxOk && candidate[length - 1] === checksum(candidate, length - 1);
      const decoded = sumOk ? decode(this.direction, candidate) : undefined;
      if (!decoded) {
        if (etxOk && !sumOk) this.checksumErrors++;
        at++;
        this.dropped++;
        continue;
      }
      frames.push(decoded as F);
      at += length;
    }
    this.buffer = this.buffer.subarray(at);
    return frames;
  }
}

/** Bit n of a mask is lock n+1. */
export function lockBit(mask: number, lock: number): boolean {
  return ((mask >> (lock - 1)) & 1) === 1;
}

export function maskOf(locks: Iterable<number>): number {
  let mask = 0;
  for (const lock of locks) mask |= 1 << (lock - 1);
  return mask;
}
