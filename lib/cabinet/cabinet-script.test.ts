/*
 * `npm run cabinet` as an operator runs it: the entry script in its own process, a private
 * Mosquitto, and a simulated board at the far end of a socat pseudo-terminal pair — so the
 * agent opens a real tty (--board serial:…) and the frames cross it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { openSerialPort } from "./boards/serial-port";
import { SimulatedBoard } from "./boards/simulated-board";
import { mqttConnector } from "./link";
import { mosquittoBinary, startMosquitto } from "./mosquitto";
import { MqttDoorController } from "./mqtt-door-controller";
import { doorAddress, until } from "./testing";

const tools = Boolean(mosquittoBinary()) && spawnSync("sh", ["-c", "command -v socat"]).status === 0;
if (!tools && process.env.CI) throw new Error("mosquitto and socat are needed: .ci/run installs them");

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

test.skipIf(!tools)("the agent script opens a door on a board behind a serial tty, keeps its transactions, and says offline when stopped", async () => {
  const broker = await startMosquitto();
  cleanups.push(() => broker.stop());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cabinet-script-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const [agentEnd, boardEnd] = [path.join(dir, "ttyAgent"), path.join(dir, "ttyBoard")];
  const socat = spawn("socat", [`pty,raw,echo=0,link=${agentEnd}`, `pty,raw,echo=0,link=${boardEnd}`], { stdio: "ignore" });
  cleanups.push(() => socat.kill());
  await until(() => fs.existsSync(agentEnd) && fs.existsSync(boardEnd), 3_000, "the pty pair");
  const line = await openSerialPort(boardEnd);
  cleanups.push(() => line.destroy());
  const board = new SimulatedBoard([3]).attach(line);

  const server = new MqttDoorController(mqttConnector(broker.url), { answerTimeoutMs: 5_000 });
  cleanups.push(() => server.close());
  await server.whenReady();

  let output = "";
  const agent = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/cabinet.ts", "--controller", "cli-1", "--broker", broker.url, "--board", `serial:${agentEnd}`, "--boards", "3", "--locker", "B", "--doors", "8", "--state-dir", path.join(dir, "state"), "--reply-timeout-ms", "1000"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  agent.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  agent.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  cleanups.push(() => agent.kill("SIGKILL"));

  await until(() => server.isOnline("cli-1"), 15_000, `the agent online (${output})`);
  await until(() => Object.keys(server.cabinet("cli-1").doors).length > 0, 3_000, "the snapshot");
  expect(Object.keys(server.cabinet("cli-1").doors)).toEqual(["B-01", "B-02", "B-03", "B-04", "B-05", "B-06", "B-07", "B-08"]);
  await server.open(doorAddress("cli-1", "B-07"));
  expect(board.isOpen(3, 7)).toBe(true);

  agent.kill("SIGTERM");
  expect(await exited(agent)).toBe(0);
  await until(() => server.cabinet("cli-1").status === "offline", 3_000, "the agent's own offline");
  const saved = JSON.parse(fs.readFileSync(path.join(dir, "state", "transactions.json"), "utf8")) as [string, { outcome: string; door: string }][];
  expect(saved.map(([, entry]) => [entry.door, entry.outcome])).toEqual([["B-07", "opened"]]);
}, 30_000);
