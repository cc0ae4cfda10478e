/*
 * A cabinet on a bench, for tests: a simulated board behind the real serial driver (over
 * an in-memory cable), the real agent, and the real door controller, all on one broker —
 * the in-memory one, or a Mosquitto the test started.
 */
import { CabinetAgent, sequentialDoors, type AgentOptions } from "./agent";
import { duplexPair } from "./boards/duplex-pair";
import { SerialBoardDriver } from "./boards/serial-driver";
import { SimulatedBoard } from "./boards/simulated-board";
import type { Connector } from "./link";
import type { TransactionLog } from "./transaction-log";

export type CabinetOnBench = { agent: CabinetAgent; board: SimulatedBoard; driver: SerialBoardDriver };

/** A 16-door cabinet, doors "A-01" … "A-16" on board 1. */
export async function benchCabinet(
  connect: Connector,
  controllerId: string,
  options: Partial<AgentOptions> & { board?: SimulatedBoard; transactions?: TransactionLog } = {},
): Promise<CabinetOnBench> {
  const board = options.board ?? new SimulatedBoard([1], options.now);
  const [host, bus] = duplexPair();
  board.attach(bus);
  const driver = new SerialBoardDriver(host, { replyTimeoutMs: 40 });
  const agent = new CabinetAgent({
    controllerId,
    connect,
    driver,
    doors: sequentialDoors("A", 16),
    simulated: board,
    timers: false,
    readBack: { attempts: 3, intervalMs: 5 },
    log: () => {},
    ...options,
  });
  await agent.start();
  return { agent, board, driver };
}

/** Waits for a condition that other tasks make true (a message arriving); fails after `ms`. */
export async function until(condition: () => boolean, ms = 2_000, what = "the condition"): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export const doorAddress = (controllerId: string, slotLabel: string) => ({ controllerId, lockerCode: "A", slotLabel, row: 0, column: 0 });
