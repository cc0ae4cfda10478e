import { expect, test } from "vitest";
import { checksum, encodeReply, encodeRequest, ETX, FrameParser, STX, type Reply, type Request } from "./frames";

test("an unlock of lock 5 on board 1 is 02 01 31 04 03 3B, its checksum the low byte of the sum", () => {
  const bytes = encodeRequest({ cmd: "unlock", address: 1, lock: 5 });
  expect([...bytes]).toEqual([0x02, 0x01, 0x31, 0x04, 0x03, 0x3b]);
  expect(checksum(bytes, 5)).toBe(bytes[5]);
});

test("a status reply carries the open, occupied and fault masks low byte first", () => {
  const bytes = encodeReply({ cmd: "status", address: 2, open: 0x8001, occupied: 0x0102, fault: 0x4000 });
  expect([...bytes.subarray(0, 10)]).toEqual([STX, 0x02, 0x30, 0x01, 0x80, 0x02, 0x01, 0x00, 0x40, ETX]);
  expect(new FrameParser<Reply>("reply").push(bytes)).toEqual([{ cmd: "status", address: 2, open: 0x8001, occupied: 0x0102, fault: 0x4000 }]);
});

test("frames split anywhere are put back together", () => {
  const frames: Request[] = [
    { cmd: "unlock", address: 3, lock: 16 },
    { cmd: "status", address: 3 },
    { cmd: "unlock", address: 0, lock: 1 },
  ];
  const bytes = Buffer.concat(frames.map(encodeRequest));
  for (let cut = 1; cut < bytes.length; cut++) {
    const parser = new FrameParser<Request>("request");
    const out = [...parser.push(bytes.subarray(0, cut)), ...parser.push(bytes.subarray(cut))];
    expect(out).toEqual(frames);
  }
  const parser = new FrameParser<Request>("request");
  expect([...bytes].flatMap((byte) => parser.push(Buffer.from([byte])))).toEqual(frames);
});

test("garbage before, between and inside frames is skipped and the parser resyncs", () => {
  const parser = new FrameParser<Request>("request");
  const good = encodeRequest({ cmd: "unlock", address: 1, lock: 2 });
  // Noise that contains STX, a truncated frame and a frame with a wrong CMD byte.
  const noise = Buffer.from([0xff, STX, 0x00, STX, 0x01, 0x99, 0x00, ETX, 0x00, 0x55, STX, 0x01]);
  expect(parser.push(Buffer.concat([noise, good, Buffer.from([0x00, 0x02]), good]))).toEqual([
    { cmd: "unlock", address: 1, lock: 2 },
    { cmd: "unlock", address: 1, lock: 2 },
  ]);
  expect(parser.dropped).toBeGreaterThan(0);
});

test("a frame with a bad checksum is dropped and counted; the next good one still parses", () => {
  const parser = new FrameParser<Request>("request");
  const bad = encodeRequest({ cmd: "unlock", address: 1, lock: 3 });
  bad[bad.length - 1] ^= 0x01;
  const good = encodeRequest({ cmd: "status", address: 1 });
  expect(parser.push(Buffer.concat([bad, good]))).toEqual([{ cmd: "status", address: 1 }]);
  expect(parser.checksumErrors).toBe(1);
  // A wrong ETX is not a checksum error, but is dropped the same way.
  const noEtx = encodeRequest({ cmd: "unlock", address: 1, lock: 3 });
  noEtx[4] = 0x04;
  expect(parser.push(Buffer.concat([noEtx, good]))).toEqual([{ cmd: "status", address: 1 }]);
});

test("a status request is shorter than its reply: each direction parses its own length", () => {
  const request = encodeRequest({ cmd: "status", address: 4 });
  expect(request.length).toBe(6);
  expect(encodeReply({ cmd: "status", address: 4, open: 0, occupied: 0, fault: 0 }).length).toBe(11);
  expect(new FrameParser<Reply>("reply").push(request)).toEqual([]);
});

test("addresses and locks out of range are refused when encoding", () => {
  expect(() => encodeRequest({ cmd: "unlock", address: 1, lock: 17 })).toThrow(RangeError);
  expect(() => encodeRequest({ cmd: "unlock", address: 1, lock: 0 })).toThrow(RangeError);
  expect(() => encodeRequest({ cmd: "status", address: 0x20 })).toThrow(RangeError);
});
