/*
 * The cabinet agent: the program at a locker that holds its MQTT connection, drives its
 * lock boards, and tells the server what its doors do (docs/CABINETS.md,
 * docs/cabinet-protocol.yaml). Runs under plain Node (scripts/cabinet.ts), not in Next.
 */
import crypto from "node:crypto";
import { BoardTimeoutError, type BoardDriver, type LockReading } from "./boards/driver";
import { LOCKS_PER_BOARD } from "./boards/frames";
import type { SimulatedBoard } from "./boards/simulated-board";
import type { Connector, Link } from "./link";
import {
  decode,
  DELIVERY,
  PROTOCOL_VERSION,
  topic,
  type Channel,
  type Command,
  type DoorEvent,
  type DoorReport,
  type EventKind,
  type FaultCommand,
  type Heartbeat,
  type OpenCommand,
  type Reply,
  type StateSnapshot,
  type Status,
} from "./protocol";
import { MemoryTransactionLog, type TransactionLog } from "./transaction-log";

/** Where each door (by slot label) is wired: board address and lock number (1–16). */
export type DoorMap = Record<string, { board: number; lock: number }>;

/** Labels "<locker>-01" … for `locks` doors filling boards from `firstBoard` up, 16 locks each — how lib/sites/layout.ts numbers slots. */
export function sequentialDoors(locker: string, locks: number, firstBoard = 1): DoorMap {
  const doors: DoorMap = {};
  for (let i = 0; i < locks; i++) {
    doors[`${locker}-${String(i + 1).padStart(2, "0")}`] = { board: firstBoard + Math.floor(i / LOCKS_PER_BOARD), lock: (i % LOCKS_PER_BOARD) + 1 };
  }
  return doors;
}

export type AgentOptions = {
  controllerId: string;
  connect: Connector;
  driver: BoardDriver;
  doors: DoorMap;
  /** The simulated board behind `driver`, when there is one: fault commands act on it. */
  simulated?: SimulatedBoard;
  transactions?: TransactionLog;
  now?: () => number;
  heartbeatMs?: number;
  /** How often every board is read for doors that changed without a command. */
  pollMs?: number;
  /** A door open longer than this is reported once as left open. */
  leftOpenMs?: number;
  /** Read backs after an unlock until the door reads open: a latch takes tens of ms to release. */
  readBack?: { attempts: number; intervalMs: number };
  /** false: no heartbeat or poll timers; tests call heartbeat() and poll() with their own clock. */
  timers?: boolean;
  log?: (line: string) => void;
};

type Door = {
  label: string;
  board: number;
  lock: number;
  known: DoorReport;
  openedAt: number | undefined;
  leftOpenReported: boolean;
  /** Set before each pulse: an opening soon after is ours, not forced. */
  commanded: { at: number; transactionId: string } | undefined;
  /** Bumped when a command updates the door, so a poll that read it earlier does not undo that. */
  generation: number;
};

/** An opening this long after a pulse still counts as the pulse's (a slow latch, a stiff door). */
const COMMANDED_WINDOW_MS = 15_000;

export class CabinetAgent {
  private link: Link | undefined;
  private readonly doors = new Map<string, Door>();
  private readonly boards: Map<number, { ok: boolean }>;
  private readonly transactions: TransactionLog;
  private readonly now: () => number;
  private readonly session = crypto.randomUUID();
  private readonly startedAt: number;
  private readonly timers: NodeJS.Timeout[] = [];
  private heartbeatSeq = 0;
  private polling: Promise<void> | undefined;
  private stopped = false;
  readonly options: Required<Pick<AgentOptions, "heartbeatMs" | "pollMs" | "leftOpenMs" | "readBack">>;

  constructor(private readonly config: AgentOptions) {
    this.now = config.now ?? Date.now;
    this.startedAt = this.now();
    this.transactions = config.transactions ?? new MemoryTransactionLog();
    this.options = {
      heartbeatMs: config.heartbeatMs ?? 10_000,
      pollMs: config.pollMs ?? 1_000,
      leftOpenMs: config.leftOpenMs ?? 2 * 60_000,
      readBack: config.readBack ?? { attempts: 6, intervalMs: 50 },
    };
    for (const [label, { board, lock }] of Object.entries(config.doors)) {
      this.doors.set(label, { label, board, lock, known: { door: "unknown", occupied: null }, openedAt: undefined, leftOpenReported: false, commanded: undefined, generation: 0 });
    }
    this.boards = new Map([...new Set([...this.doors.values()].map((door) => door.board))].map((address) => [address, { ok: true }]));
  }

  get controllerId(): string {
    return this.config.controllerId;
  }

  /** Reads the boards, then connects; resolves once connected and subscribed. */
  async start(): Promise<void> {
    await this.poll({ report: false });
    const offline: Status = { v: PROTOCOL_VERSION, status: "offline", at: this.now(), session: this.session };
    const link = this.config.connect({
      clientId: `cabinet-${this.controllerId}`,
      persistentSession: true,
      sessionExpirySeconds: 24 * 3600,
      keepaliveSeconds: 15,
      will: { topic: topic(this.controllerId, "status"), payload: JSON.stringify(offline), ...DELIVERY.status },
    });
    this.link = link;
    link.onMessage((name, payload) => {
      if (name === topic(this.controllerId, "cmd")) void this.handle(payload);
    });
    const ready = new Promise<void>((resolve) => {
      link.onConnect(() => {
        // On every (re)connection: the will may have marked us offline meanwhile.
        void this.announce().then(resolve, (error) => this.log(`announce failed: ${error}`));
      });
    });
    await ready;
    if (this.config.timers !== false) {
      this.every(this.options.heartbeatMs, () => this.heartbeat());
      this.every(this.options.pollMs, () => this.poll());
    }
  }

  /**
   * Runs `task` every `ms`, the first time after a random part of `ms`: cabinets that came
   * up together (after a power cut, or a benchmark's) must not all poll and beat at once.
   */
  private every(ms: number, task: () => Promise<void>): void {
    const run = () => void task().catch((error) => this.log(`${task.name || "timer"} failed: ${error}`));
    this.timers.push(
      setTimeout(() => {
        run();
        this.timers.push(setInterval(run, ms));
      }, Math.random() * ms),
    );
  }

  private async announce(): Promise<void> {
    const link = this.link!;
    await link.subscribe([topic(this.controllerId, "cmd")], 1);
    await this.publish("status", { v: PROTOCOL_VERSION, status: "online", at: this.now(), session: this.session } satisfies Status);
    await this.publishSnapshot();
    await this.heartbeat();
  }

  /** Clean stop: publishes offline itself (a clean disconnect sends no will). */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    if (!this.link) return;
    if (this.link.connected) {
      const offline: Status = { v: PROTOCOL_VERSION, status: "offline", at: this.now(), session: this.session };
      await this.link.publish(topic(this.controllerId, "status"), JSON.stringify(offline), DELIVERY.status).catch(() => {});
    }
    // Also while reconnecting: ending stops the reconnection attempts.
    await this.link.end();
  }

  /** As if the power went: the broker publishes the will. Tests use it; so does nothing else. */
  crash(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.link?.kill();
  }

  async heartbeat(): Promise<void> {
    if (!this.link?.connected) return;
    const message: Heartbeat = {
      v: PROTOCOL_VERSION,
      messageId: crypto.randomUUID(),
      at: this.now(),
      seq: this.heartbeatSeq++,
      intervalMs: this.options.heartbeatMs,
      uptimeMs: Math.max(0, this.now() - this.startedAt),
      boards: [...this.boards].map(([address, board]) => ({ address, ok: board.ok })),
    };
    await this.publish("heartbeat", message);
  }

  doorState(label: string): DoorReport | undefined {
    return this.doors.get(label)?.known;
  }

  // Commands.

  private async handle(payload: string): Promise<void> {
    const command = decode("cmd", payload);
    if (!command) {
      this.log(`dropped a malformed command: ${payload.slice(0, 200)}`);
      return;
    }
    try {
      await this.reply(command, await this.execute(command));
    } catch (error) {
      this.log(`command ${command.messageId} failed: ${error}`);
    }
  }

  private async execute(command: Command): Promise<Omit<Reply, "v" | "messageId" | "inReplyTo" | "transactionId" | "at">> {
    const door = command.door;
    const seen = this.transactions.get(command.transactionId);
    if (seen) {
      if (seen.outcome !== "started") return { result: seen.outcome, door: seen.door, state: seen.state, repeated: true };
      // Begun before a crash: it is never pulsed again; say what the door shows now.
      const state = (seen.door && (await this.readDoor(seen.door))) || undefined;
      return { result: state?.door === "open" ? "opened" : "did-not-open", door: seen.door, state, repeated: true, detail: "interrupted by a restart" };
    }
    // Checked by the cabinet's clock, whatever the broker did with the message expiry.
    if (this.now() > command.notAfter) {
      this.transactions.remember(command.transactionId, { at: this.now(), door, outcome: "expired" });
      return { result: "expired", door, repeated: false };
    }
    if (command.type === "fault") return this.fault(command);
    return this.open(command);
  }

  private async open(command: OpenCommand): Promise<Omit<Reply, "v" | "messageId" | "inReplyTo" | "transactionId" | "at">> {
    const door = this.doors.get(command.door);
    if (!door) {
      this.transactions.remember(command.transactionId, { at: this.now(), door: command.door, outcome: "unknown-door" });
      return { result: "unknown-door", door: command.door, repeated: false };
    }
    this.transactions.remember(command.transactionId, { at: this.now(), door: door.label, outcome: "started" });
    door.commanded = { at: this.now(), transactionId: command.transactionId };
    let detail: string | undefined;
    try {
      await this.config.driver.unlock(door.board, door.lock);
    } catch (error) {
      // A lost acknowledgement: the lock may well have opened. The read back decides.
      detail = error instanceof BoardTimeoutError ? "the board did not acknowledge the unlock" : `unlock failed: ${error}`;
    }
    let state: DoorReport = { door: "unknown", occupied: null };
    for (let attempt = 0; attempt < this.options.readBack.attempts; attempt++) {
      if (attempt > 0) await sleep(this.options.readBack.intervalMs);
      const reading = await this.readDoor(door.label);
      if (!reading) {
        detail = "the board did not answer the read back";
        break;
      }
      state = reading;
      if (state.door === "open") break;
    }
    const result = state.door === "open" ? "opened" : "did-not-open";
    this.transactions.remember(command.transactionId, { at: this.now(), door: door.label, outcome: result, state });
    return { result, door: door.label, state, repeated: false, detail };
  }

  /** Reads one door now (its board's status), updating what the agent knows and reporting a change; undefined when the board is silent. */
  private async readDoor(label: string): Promise<DoorReport | undefined> {
    const door = this.doors.get(label);
    if (!door) return undefined;
    let readings: LockReading[];
    try {
      readings = await this.config.driver.status(door.board);
    } catch {
      return undefined;
    }
    door.generation++;
    const reading = readings[door.lock - 1];
    this.observe(door, reading);
    return reading;
  }

  private async fault(command: FaultCommand): Promise<Omit<Reply, "v" | "messageId" | "inReplyTo" | "transactionId" | "at">> {
    const board = this.config.simulated;
    const door = command.door ? this.doors.get(command.door) : undefined;
    const refuse = (detail: string) => {
      this.transactions.remember(command.transactionId, { at: this.now(), door: command.door, outcome: "refused" });
      return { result: "refused" as const, door: command.door, repeated: false, detail };
    };
    if (!board) return refuse("faults are injected into simulated boards only");
    if (command.door && !door) return refuse("no such door");
    const needsDoor = command.fault === "jam" || command.fault === "unknown-sensor";
    if (needsDoor && !door) return refuse(`${command.fault} names a door`);
    switch (command.fault) {
      case "jam":
        board.jam(door!.board, door!.lock);
        break;
      case "unknown-sensor":
        board.unknownSensor(door!.board, door!.lock);
        break;
      case "lose-reply":
        board.loseReplies(1);
        break;
      case "disconnect":
        board.disconnect(command.forMs ?? 10_000);
        break;
      case "clear":
        board.clearFaults();
        break;
    }
    this.transactions.remember(command.transactionId, { at: this.now(), door: command.door, outcome: "done" });
    return { result: "done", door: command.door, repeated: false };
  }

  private async reply(command: Command, outcome: Omit<Reply, "v" | "messageId" | "inReplyTo" | "transactionId" | "at">): Promise<void> {
    const reply: Reply = {
      v: PROTOCOL_VERSION,
      messageId: crypto.randomUUID(),
      inReplyTo: command.messageId,
      transactionId: command.transactionId,
      at: this.now(),
      ...outcome,
    };
    await this.publish("reply", reply);
  }

  // Watching the doors.

  /**
   * Reads every board and reports what changed since the last look: doors opened with no
   * command (forced), closed, left open too long, sensors gone unknown, boards gone silent.
   */
  async poll(options: { report?: boolean } = {}): Promise<void> {
    if (this.polling) return this.polling;
    this.polling = this.pollBoards(options.report ?? true).finally(() => (this.polling = undefined));
    return this.polling;
  }

  private async pollBoards(report: boolean): Promise<void> {
    let changed = false;
    for (const [address, board] of this.boards) {
      const doors = [...this.doors.values()].filter((door) => door.board === address);
      const generations = doors.map((door) => door.generation);
      let readings: LockReading[] | undefined;
      try {
        readings = await this.config.driver.status(address);
      } catch {
        readings = undefined;
      }
      if (!readings !== !board.ok) {
        board.ok = Boolean(readings);
        if (report) void this.event(board.ok ? "board-online" : "board-offline", { board: address });
      }
      for (const [i, door] of doors.entries()) {
        if (door.generation !== generations[i]) continue;
        // A silent board is reported once (board-offline), not as sixteen unknown sensors.
        const reading = readings ? readings[door.lock - 1] : { door: "unknown" as const, occupied: null };
        changed = this.observe(door, reading, report && Boolean(readings), false) || changed;
      }
    }
    if (changed && report) void this.publishSnapshot();
  }

  /**
   * Compares a reading with what was known; reports events; returns whether anything
   * changed. Events and snapshots are not waited for: they leave in order on the one
   * connection, and the reply to an open must not wait on their acknowledgements.
   */
  private observe(door: Door, reading: LockReading, report = true, snapshot = true): boolean {
    const before = door.known;
    const now = this.now();
    const changed = before.door !== reading.door || before.occupied !== reading.occupied;
    door.known = { door: reading.door, occupied: reading.occupied };
    const state = door.known;
    if (reading.door === "open" && before.door !== "open") {
      door.openedAt = now;
      door.leftOpenReported = false;
      const commanded = door.commanded && now - door.commanded.at <= COMMANDED_WINDOW_MS ? door.commanded : undefined;
      door.commanded = undefined;
      if (report && commanded) void this.event("door-opened", { door: door.label, transactionId: commanded.transactionId, state });
      // From unknown (start-up, a sensor back from a fault) nobody can say how the door got open.
      else if (report && before.door === "closed") void this.event("door-forced-open", { door: door.label, state });
    } else if (reading.door === "closed" && before.door === "open") {
      const openForMs = door.openedAt === undefined ? undefined : now - door.openedAt;
      door.openedAt = undefined;
      if (report) void this.event("door-closed", { door: door.label, state, openForMs });
    } else if (reading.door === "unknown" && before.door !== "unknown") {
      if (report) void this.event("sensor-unknown", { door: door.label, state });
    }
    if (reading.door === "open" && door.openedAt !== undefined && !door.leftOpenReported && now - door.openedAt >= this.options.leftOpenMs) {
      door.leftOpenReported = true;
      if (report) void this.event("door-left-open", { door: door.label, state, openForMs: now - door.openedAt });
    }
    if (changed && snapshot && report) void this.publishSnapshot();
    return changed;
  }

  private async event(kind: EventKind, fields: Omit<DoorEvent, "v" | "messageId" | "at" | "kind">): Promise<void> {
    const message: DoorEvent = { v: PROTOCOL_VERSION, messageId: crypto.randomUUID(), at: this.now(), kind, ...dropUndefined(fields) };
    await this.publish("events", message).catch((error) => this.log(`event ${kind} not sent: ${error}`));
  }

  private async publishSnapshot(): Promise<void> {
    const snapshot: StateSnapshot = {
      v: PROTOCOL_VERSION,
      messageId: crypto.randomUUID(),
      at: this.now(),
      doors: Object.fromEntries([...this.doors.values()].map((door) => [door.label, door.known])),
    };
    await this.publish("state", snapshot).catch((error) => this.log(`snapshot not sent: ${error}`));
  }

  private async publish(channel: Channel, message: object): Promise<void> {
    if (!this.link || this.stopped) return;
    await this.link.publish(topic(this.controllerId, channel), JSON.stringify(message), DELIVERY[channel]);
  }

  private log(line: string): void {
    (this.config.log ?? ((text: string) => console.error(text)))(`cabinet ${this.controllerId}: ${line}`);
  }
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
