import { Duplex } from "node:stream";

/**
 * Two connected in-memory streams: what one writes, the other reads — a serial cable in
 * a test. (Node 22 has stream.duplexPair; the project runs on Node 20 too.)
 */
export function duplexPair(): [Duplex, Duplex] {
  const ends: Duplex[] = [];
  const make = (other: () => Duplex | undefined) =>
    new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        const peer = other();
        if (peer && !peer.destroyed) peer.push(Buffer.from(chunk));
        callback();
      },
      final(callback) {
        other()?.push(null);
        callback();
      },
    });
  ends.push(make(() => ends[1]), make(() => ends[0]));
  return [ends[0], ends[1]];
}
