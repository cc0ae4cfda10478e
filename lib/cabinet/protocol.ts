/*
 * The cabinet protocol, version 1: what the server and a cabinet agent say to each other
 * over MQTT 5. docs/cabinet-protocol.yaml (AsyncAPI 3.0) is the contract written down;
 * protocol.test.ts checks every message the code sends against that document's schemas,
 * so this file and the document cannot drift apart silently.
 *
 * Not server-only: the cabinet agent (scripts/cabinet.ts) runs it under plain Node.
 */
import { z } from "zod";

export const PROTOCOL_VERSION = 1;
export const TOPIC_ROOT = "lockers/v1";

/** A controller id names one cabinet's topic tree, so it must not contain MQTT's separators or wildcards. */
export const ControllerId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "letters, digits, . _ - only");
export type ControllerId = z.infer<typeof ControllerId>;

/** A door is named by its slot label, as printed on the cabinet ("A-07"). */
export const DoorLabel = z.string().min(1).max(32);

const MessageId = z.string().min(8).max(64);
/** Milliseconds since the Unix epoch; cabinets keep their clock by NTP (docs/CABINETS.md). */
const Millis = z.number().int().nonnegative();

export const CHANNELS = ["cmd", "reply", "state", "heartbeat", "events", "status"] as const;
export type Channel = (typeof CHANNELS)[number];

export function topic(controllerId: string, channel: Channel): string {
  return `${TOPIC_ROOT}/${controllerId}/${channel}`;
}

/** Splits "lockers/v1/<id>/<channel>"; undefined for anything else. */
export function parseTopic(name: string): { controllerId: string; channel: Channel } | undefined {
  const parts = name.split("/");
  if (parts.length !== 4 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT) return undefined;
  const channel = parts[3] as Channel;
  if (!CHANNELS.includes(channel) || !ControllerId.safeParse(parts[2]).success) return undefined;
  return { controllerId: parts[2], channel };
}

const CommandBase = z.object({
  v: z.literal(PROTOCOL_VERSION),
  /** Unique per message; a redelivered message keeps it. */
  messageId: MessageId,
  /** Unique per intent; the cabinet executes each at most once, whatever redelivers it. */
  transactionId: MessageId,
  issuedAt: Millis,
  /** The cabinet drops the command if its clock is past this. */
  notAfter: Millis,
});

export const FAULTS = ["jam", "lose-reply", "unknown-sensor", "disconnect", "clear"] as const;
export type FaultKind = (typeof FAULTS)[number];

export const OpenCommand = CommandBase.extend({ type: z.literal("open"), door: DoorLabel });
/** Simulated boards only: what the test suite and the demo rehearse the fault paths with. */
export const FaultCommand = CommandBase.extend({
  type: z.literal("fault"),
  fault: z.enum(FAULTS),
  door: DoorLabel.optional(),
  /** For "disconnect": how long the board stays silent. */
  forMs: z.number().int().positive().max(3_600_000).optional(),
});
export const Command = z.discriminatedUnion("type", [OpenCommand, FaultCommand]);
export type OpenCommand = z.infer<typeof OpenCommand>;
export type FaultCommand = z.infer<typeof FaultCommand>;
export type Command = z.infer<typeof Command>;

export const DOOR_STATES = ["open", "closed", "unknown"] as const;
export type DoorState = (typeof DOOR_STATES)[number];

export const DoorReport = z.object({
  door: z.enum(DOOR_STATES),
  /** null where the cabinet has no occupancy sensor (or it cannot tell). */
  occupied: z.boolean().nullable(),
});
export type DoorReport = z.infer<typeof DoorReport>;

/**
 * opened: the door was read back open after the unlock. did-not-open: it was read back
 * closed or unknown (jammed, board silent). expired: dropped, past notAfter. unknown-door:
 * the cabinet has no such door. done: a fault command applied. refused: a fault command
 * for a board that is not simulated.
 */
export const RESULTS = ["opened", "did-not-open", "expired", "unknown-door", "done", "refused"] as const;
export type Result = (typeof RESULTS)[number];

export const Reply = z.object({
  v: z.literal(PROTOCOL_VERSION),
  messageId: MessageId,
  /** The messageId of the command answered. */
  inReplyTo: MessageId,
  transactionId: MessageId,
  at: Millis,
  result: z.enum(RESULTS),
  door: DoorLabel.optional(),
  /** What the read back saw, for an open. */
  state: DoorReport.optional(),
  /** True when this answers a transaction already executed (a redelivery or a retry). */
  repeated: z.boolean(),
  detail: z.string().max(200).optional(),
});
export type Reply = z.infer<typeof Reply>;

/** Retained: every door of the cabinet, as last read. */
export const StateSnapshot = z.object({
  v: z.literal(PROTOCOL_VERSION),
  messageId: MessageId,
  at: Millis,
  doors: z.record(DoorLabel, DoorReport),
});
export type StateSnapshot = z.infer<typeof StateSnapshot>;

export const Heartbeat = z.object({
  v: z.literal(PROTOCOL_VERSION),
  messageId: MessageId,
  at: Millis,
  seq: z.number().int().nonnegative(),
  /** The server calls the cabinet offline after three intervals without one. */
  intervalMs: z.number().int().positive(),
  uptimeMs: z.number().int().nonnegative(),
  boards: z.array(z.object({ address: z.number().int().min(0).max(255), ok: z.boolean() })),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

/**
 * door-opened: after a command (transactionId set). door-forced-open: open with no command.
 * door-left-open: open longer than the cabinet's limit (once per opening). door-closed.
 * sensor-unknown: a door's sensor stopped telling. tamper: the cabinet's own tamper switch.
 * board-offline / board-online: a lock board stopped or resumed answering.
 */
export const EVENT_KINDS = [
  "door-opened",
  "door-closed",
  "door-forced-open",
  "door-left-open",
  "sensor-unknown",
  "tamper",
  "board-offline",
  "board-online",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const DoorEvent = z.object({
  v: z.literal(PROTOCOL_VERSION),
  /** The server records each event once, by this id. */
  messageId: MessageId,
  at: Millis,
  kind: z.enum(EVENT_KINDS),
  door: DoorLabel.optional(),
  board: z.number().int().min(0).max(255).optional(),
  transactionId: MessageId.optional(),
  state: DoorReport.optional(),
  /** For door-left-open and door-closed: how long the door had been open. */
  openForMs: z.number().int().nonnegative().optional(),
});
export type DoorEvent = z.infer<typeof DoorEvent>;

/** Retained. "offline" is the cabinet's last will, published by the broker when the connection drops. */
export const Status = z.object({
  v: z.literal(PROTOCOL_VERSION),
  status: z.enum(["online", "offline"]),
  /** For the will: when the will was set (the connect), not when it fired. */
  at: Millis,
  /** Changes at each start of the agent, so the server can tell a restart. */
  session: MessageId,
});
export type Status = z.infer<typeof Status>;

export const SCHEMAS = {
  cmd: Command,
  reply: Reply,
  state: StateSnapshot,
  heartbeat: Heartbeat,
  events: DoorEvent,
  status: Status,
} as const satisfies Record<Channel, z.ZodType>;

/** Per channel: QoS and retain, as both sides publish them. */
export const DELIVERY: Record<Channel, { qos: 0 | 1; retain: boolean }> = {
  cmd: { qos: 1, retain: false },
  reply: { qos: 1, retain: false },
  state: { qos: 1, retain: true },
  heartbeat: { qos: 0, retain: false },
  events: { qos: 1, retain: false },
  status: { qos: 1, retain: true },
};

/** Parses a payload for its channel; undefined (never a throw) for anything malformed. */
export function decode<C extends Channel>(channel: C, payload: string | Uint8Array): z.infer<(typeof SCHEMAS)[C]> | undefined {
  try {
    const text = typeof payload === "string" ? payload : Buffer.from(payload).toString("utf8");
    const parsed = SCHEMAS[channel].safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as z.infer<(typeof SCHEMAS)[C]>) : undefined;
  } catch {
    return undefined;
  }
}
