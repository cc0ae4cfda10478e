import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Duplex } from "node:stream";
import { afterEach, describe, expect, test } from "vitest";
import { BoardTimeoutError } from "./driver";
import { duplexPair } from "./duplex-pair";
import { encodeReply } from "./frames";
import { openSerialPort, openWithStty } from "./serial-port";
import { SerialBoardDriver } from "./serial-driver";
import { SimulatedBoard } from "./simulated-board";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The serial driver and simulated board tests run over each kind of line. */
function suite(name: string, connect: () => Promise<[Duplex, Duplex]>, replyTimeoutMs: number, skip = false) {
  describe.skipIf(skip)(name, () => {
    async function rig(addresses = [1]) {
      const [host, bus] = await connect();
      const board = new SimulatedBoard(addresses).attach(bus);
      const driver = new SerialBoardDriver(host, { replyTimeoutMs });
      cleanups.push(() => driver.close(), () => bus.destroy());
      return { board, driver };
    }

    test("an unlock opens the door and the status read shows it open", async () => {
      const { board, driver } = await rig();
      await driver.unlock(1, 7);
      const status = await driver.status(1);
      expect(status[6]).toEqual({ door: "open", occupied: false });
      expect(status.filter((lock) => lock.door === "open")).toHaveLength(1);
      board.closeDoor(1, 7, true);
      expect((await driver.status(1))[6]).toEqual({ door: "closed", occupied: true });
    });

    test("a jammed door is acknowledged but reads back closed", async () => {
      const { board, driver } = await rig();
      board.jam(1, 3);
      await driver.unlock(1, 3);
      expect((await driver.status(1))[2].door).toBe("closed");
    });

    test("a lost reply times out, yet the door opened: the read back tells", async () => {
      const { board, driver } = await rig();
      board.loseReplies(1);
      await expect(driver.unlock(1, 2)).rejects.toBeInstanceOf(BoardTimeoutError);
      expect((await driver.status(1))[1].door).toBe("open");
    });

    test("a sensor that cannot tell reads unknown, occupancy null", async () => {
      const { board, driver } = await rig();
      board.unknownSensor(1, 9);
      expect((await driver.status(1))[8]).toEqual({ door: "unknown", occupied: null });
    });

    test("a disconnected board times out every request until it is back", async () => {
      const { board, driver } = await rig();
      board.disconnect(60_000);
      await expect(driver.status(1)).rejects.toBeInstanceOf(BoardTimeoutError);
      board.clearFaults();
      expect(await driver.status(1)).toHaveLength(16);
    });

    test("requests to two boards on one bus are answered in turn", async () => {
      const { driver } = await rig([1, 2]);
      await Promise.all([driver.unlock(1, 1), driver.unlock(2, 16), driver.status(1)]);
      const [one, two] = await Promise.all([driver.status(1), driver.status(2)]);
      expect(one[0].door).toBe("open");
      expect(two[15].door).toBe("open");
      await expect(driver.status(3)).rejects.toBeInstanceOf(BoardTimeoutError);
    });
  });
}

suite("over an in-memory pair", async () => duplexPair(), 200);

const socat = spawnSync("sh", ["-c", "command -v socat"]).status === 0;
if (!socat && process.env.CI) throw new Error("socat is missing: .ci/run installs it");
suite(
  `over a pseudo-terminal pair made by socat${socat ? "" : " (skipped: socat is not installed; apt-get install socat)"}`,
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "locker-pty-"));
    const [a, b] = [path.join(dir, "host"), path.join(dir, "bus")];
    const child: ChildProcess = spawn("socat", [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: "ignore" });
    cleanups.push(() => {
      child.kill();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    for (let i = 0; i < 100 && !(fs.existsSync(a) && fs.existsSync(b)); i++) await new Promise((r) => setTimeout(r, 20));
    const host = await openSerialPort(a);
    // One end through the serialport package, the other through the stty fallback: both edges proven.
    const bus = openWithStty(b);
    return [host, bus];
  },
  // socat is a third process between the two ends: on a loaded machine it may not be scheduled for a while.
  1_000,
  !socat,
);

test("a late reply to a timed-out request is not taken for the answer to the next one", async () => {
  const [host, bus] = duplexPair();
  const driver = new SerialBoardDriver(host, { replyTimeoutMs: 30 });
  cleanups.push(() => driver.close());
  const writes: Buffer[] = [];
  bus.on("data", (chunk: Buffer) => writes.push(chunk));
  await expect(driver.status(1)).rejects.toBeInstanceOf(BoardTimeoutError);
  const unlock = driver.unlock(1, 4);
  // The stale status reply arrives first, then the unlock's echo.
  bus.write(encodeReply({ cmd: "status", address: 1, open: 0xffff, occupied: 0, fault: 0 }));
  bus.write(encodeReply({ cmd: "unlock", address: 1, lock: 4 }));
  await expect(unlock).resolves.toBeUndefined();
  expect(writes.length).toBe(3);
});
