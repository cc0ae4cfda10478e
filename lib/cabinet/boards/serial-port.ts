import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { Duplex } from "node:stream";
import tty from "node:tty";
import { BAUD_RATE } from "./frames";

/**
 * Opens a serial device (a USB–RS485 adapter, /dev/ttyUSB0) as a byte stream at 19200 8N1.
 *
 * Through the `serialport` package when it is installed (an optional dependency: it ships
 * native binaries, so it is imported here, at the edge, and only when a real port is
 * asked for — tests and `npm start` never load it). Without it, the device is set up
 * with `stty` and read and written through Node's tty streams (Linux ttys).
 */
export async function openSerialPort(path: string, baudRate = BAUD_RATE): Promise<Duplex> {
  const serialport = await import("serialport").catch(() => undefined);
  if (serialport) {
    const port = new serialport.SerialPort({ path, baudRate, dataBits: 8, parity: "none", stopBits: 1, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    return port;
  }
  return openWithStty(path, baudRate);
}

export function openWithStty(path: string, baudRate = BAUD_RATE): Duplex {
  const stty = spawnSync("stty", ["-F", path, String(baudRate), "cs8", "-cstopb", "-parenb", "raw", "-echo"], { encoding: "utf8" });
  if (stty.status !== 0) throw new Error(`stty could not set up ${path}: ${stty.stderr || stty.error?.message}`);
  // tty streams read through libuv's non-blocking tty handle; fs streams would hold a
  // thread-pool thread in a blocking read for as long as the line is quiet.
  const fd = fs.openSync(path, fs.constants.O_RDWR | fs.constants.O_NOCTTY);
  const input = new tty.ReadStream(fd);
  const output = new tty.WriteStream(fd);
  const port = new Duplex({
    read() {
      input.resume();
    },
    write(chunk, _encoding, callback) {
      output.write(chunk, callback);
    },
    destroy(error, callback) {
      input.destroy();
      output.destroy();
      callback(error);
    },
  });
  input.on("data", (chunk) => {
    if (!port.push(chunk)) input.pause();
  });
  input.on("error", (error) => port.destroy(error));
  output.on("error", (error) => port.destroy(error));
  return port;
}
