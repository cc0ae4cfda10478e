/*
 * The cabinet agent, the program at a locker (docs/CABINETS.md):
 *
 *   npm run cabinet -- --controller sim-1-A --broker mqtt://127.0.0.1:1883 --board simulated
 *   MQTT_USERNAME=… MQTT_PASSWORD=… npm run cabinet -- --controller hz-east-A --broker mqtts://broker.example:8883 \
 *     --board serial:/dev/ttyUSB0 --boards 1,2 --locker A --doors 30
 *
 * Doors are named like the slots the server knows ("A-01" …), filling the boards in
 * address order, 16 locks each; --door-map names another wiring (a JSON object of
 * label → { "board": address, "lock": 1–16 }). What the agent must remember across a
 * restart (the transactions it ran) lives in --state-dir.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CabinetAgent, sequentialDoors, type DoorMap } from "../lib/cabinet/agent";
import { duplexPair } from "../lib/cabinet/boards/duplex-pair";
import { LOCKS_PER_BOARD } from "../lib/cabinet/boards/frames";
import { openSerialPort } from "../lib/cabinet/boards/serial-port";
import { SerialBoardDriver } from "../lib/cabinet/boards/serial-driver";
import { SimulatedBoard } from "../lib/cabinet/boards/simulated-board";
import { mqttConnector } from "../lib/cabinet/link";
import { ControllerId } from "../lib/cabinet/protocol";
import { FileTransactionLog } from "../lib/cabinet/transaction-log";

const USAGE = `usage: npm run cabinet -- --controller <id> [--broker mqtt://127.0.0.1:1883]
       [--board simulated | serial:/dev/ttyUSB0] [--boards 1,2] [--locker A] [--doors 16]
       [--door-map doors.json] [--state-dir data/cabinet-<id>] [--heartbeat-ms 10000]
       [--poll-ms 1000] [--left-open-ms 120000] [--reply-timeout-ms 150] [--no-occupancy]
       [--auto-close-ms 3000]   (simulated boards: a person shuts each opened door after this long)`;

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive whole number`);
  return parsed;
}

async function main() {
  const { values } = parseArgs({
    options: {
      controller: { type: "string" },
      broker: { type: "string", default: "mqtt://127.0.0.1:1883" },
      board: { type: "string", default: "simulated" },
      boards: { type: "string", default: "1" },
      locker: { type: "string", default: "A" },
      doors: { type: "string" },
      "door-map": { type: "string" },
      "state-dir": { type: "string" },
      "heartbeat-ms": { type: "string" },
      "poll-ms": { type: "string" },
      "left-open-ms": { type: "string" },
      "reply-timeout-ms": { type: "string" },
      "no-occupancy": { type: "boolean", default: false },
      "auto-close-ms": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help || !values.controller) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const controllerId = ControllerId.parse(values.controller);
  const addresses = values.boards.split(",").map((address) => {
    const parsed = Number(address.trim());
    if (!Number.isInteger(parsed) || parsed < 0 || parsed > 0x1f) throw new Error("--boards lists board addresses 0–31, e.g. 1,2");
    return parsed;
  });
  const doors: DoorMap = values["door-map"]
    ? (JSON.parse(fs.readFileSync(values["door-map"], "utf8")) as DoorMap)
    : sequentialDoors(values.locker, integer(values.doors, addresses.length * LOCKS_PER_BOARD, "doors"), addresses[0]);

  let line;
  let simulated: SimulatedBoard | undefined;
  if (values.board === "simulated") {
    // The simulated boards sit behind the real serial driver, over an in-memory cable.
    const [host, bus] = duplexPair();
    simulated = new SimulatedBoard(addresses).attach(bus);
    if (values["auto-close-ms"] !== undefined) simulated.autoCloseMs = integer(values["auto-close-ms"], 3000, "auto-close-ms");
    line = host;
  } else if (values.board.startsWith("serial:")) {
    line = await openSerialPort(values.board.slice("serial:".length));
  } else {
    throw new Error(`--board must be "simulated" or "serial:<device>", not ${values.board}`);
  }
  const driver = new SerialBoardDriver(line, {
    occupancySensors: !values["no-occupancy"],
    replyTimeoutMs: integer(values["reply-timeout-ms"], 150, "reply-timeout-ms"),
  });
  const stateDir = values["state-dir"] ?? path.join("data", `cabinet-${controllerId}`);

  const agent = new CabinetAgent({
    controllerId,
    // The broker's account from the environment, as the server takes it: in the --broker URL it
    // would show in every local user's `ps`.
    connect: mqttConnector(values.broker, { username: process.env.MQTT_USERNAME || undefined, password: process.env.MQTT_PASSWORD || undefined }),
    driver,
    doors,
    simulated,
    transactions: new FileTransactionLog(path.join(stateDir, "transactions.json")),
    heartbeatMs: integer(values["heartbeat-ms"], 10_000, "heartbeat-ms"),
    pollMs: integer(values["poll-ms"], 1_000, "poll-ms"),
    leftOpenMs: integer(values["left-open-ms"], 120_000, "left-open-ms"),
  });
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void agent
        .stop()
        .then(() => driver.close())
        .finally(() => process.exit(0));
    });
  }
  console.log(`cabinet ${controllerId}: ${Object.keys(doors).length} doors on ${values.board} (boards ${addresses.join(", ")}); connecting to ${redact(values.broker)}`);
  await agent.start();
  console.log(`cabinet ${controllerId}: online`);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
