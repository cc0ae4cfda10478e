import "server-only";
import crypto from "node:crypto";
import type { DoorAddress, DoorController } from "@/lib/cabinet/door-controller";
import type { Connector, Link } from "./link";
import {
  decode,
  DELIVERY,
  parseTopic,
  PROTOCOL_VERSION,
  TOPIC_ROOT,
  topic,
  type Command,
  type DoorEvent,
  type DoorReport,
  type FaultKind,
  type Heartbeat,
  type Reply,
  type StateSnapshot,
  type Status,
} from "./protocol";

/** Why an open did not happen; the web app's words for each live at its edge. */
export const CABINET_ERRORS = ["CABINET_OFFLINE", "DID_NOT_OPEN", "NO_ANSWER", "EXPIRED", "UNKNOWN_DOOR", "BROKER_UNREACHABLE"] as const;
export type CabinetErrorCode = (typeof CABINET_ERRORS)[number];

export class CabinetError extends Error {
  constructor(
    readonly code: CabinetErrorCode,
    message: string,
    readonly reply?: Reply,
  ) {
    super(message);
    this.name = "CabinetError";
  }
}

export type CabinetView = {
  status: "online" | "offline" | "unknown";
  /** By the server's clock: when anything last came from the cabinet. */
  lastSeenAt: number | undefined;
  heartbeatIntervalMs: number | undefined;
  /**
   * The cabinet's clock minus ours at its last heartbeat (plus the transit time). A cabinet
   * ahead by more than a command's lifetime drops every command as expired: show it.
   */
  clockSkewMs: number | undefined;
  doors: Record<string, DoorReport>;
};

export type MqttDoorControllerOptions = {
  now?: () => number;
  /** notAfter = issuedAt + this; also the MQTT message expiry, rounded up to whole seconds. */
  commandTtlMs?: number;
  /** How long open() waits for the reply; past notAfter, so a reply from the last moment is still heard. */
  answerTimeoutMs?: number;
  /** A cabinet not heard from for this many of its heartbeat intervals is offline. */
  missedHeartbeats?: number;
  /** Each cabinet event, once per message id (QoS 1 may deliver one twice). */
  onEvent?: (controllerId: string, event: DoorEvent) => void;
  /** The server's own client id; several web processes need distinct ones. */
  clientId?: string;
};

/**
 * What the web app does with a cabinet's reports (lib/fleet/recorder.ts). Each is called
 * once per message the controller accepts: a stale will, a malformed payload and an event
 * already seen (by message id) never reach it.
 */
export type CabinetListener = {
  status?(controllerId: string, status: Status): void;
  heartbeat?(controllerId: string, heartbeat: Heartbeat): void;
  state?(controllerId: string, snapshot: StateSnapshot): void;
  event?(controllerId: string, event: DoorEvent): void;
};

type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

const DEFAULT_HEARTBEAT_MS = 10_000;
const SEEN_EVENTS_LIMIT = 50_000;

/**
 * The door controller for real cabinets: an open is an MQTT command to the cabinet's
 * agent, and resolves only when the agent replies that it read the door back open.
 * Never queues for later: a cabinet that is offline (its retained status, or silence for
 * three heartbeats) is refused at once, and every command carries a notAfter the cabinet
 * enforces, backed by the broker's message expiry.
 */
export class MqttDoorController implements DoorController {
  readonly hearsCabinets = true;
  private readonly cabinets = new Map<string, CabinetView>();
  private readonly pending = new Map<string, Pending>();
  private readonly seenEvents = new Set<string>();
  private readonly sessions = new Map<string, { id: string; onlineAt: number }>();
  private readonly listeners: CabinetListener[] = [];
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly answerTimeoutMs: number;
  private readonly missedHeartbeats: number;
  private readonly startedAt: number;
  private readonly link: Link;
  private readonly ready: Promise<void>;

  constructor(
    connect: Connector,
    private readonly options: MqttDoorControllerOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.commandTtlMs ?? 5_000;
    this.answerTimeoutMs = options.answerTimeoutMs ?? this.ttlMs + 2_000;
    this.missedHeartbeats = options.missedHeartbeats ?? 3;
    this.startedAt = this.now();
    this.link = connect({ clientId: options.clientId ?? `locker-server-${crypto.randomUUID()}`, persistentSession: false, keepaliveSeconds: 15 });
    this.link.onMessage((name, payload) => this.receive(name, payload));
    this.ready = new Promise((resolve, reject) => {
      this.link.onConnect(() => {
        const channels = ["reply", "status", "heartbeat", "state", "events"] as const;
        this.link.subscribe(channels.map((channel) => `${TOPIC_ROOT}/+/${channel}`), 1).then(resolve, reject);
      });
    });
  }

  /** Whether the link to the broker is up now (the health probe reports it). */
  get brokerConnected(): boolean {
    return this.link.connected;
  }

  /** Resolves once connected and subscribed (retained statuses and snapshots arrive right after). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  reportedState(door: DoorAddress): "open" | "closed" | "unknown" | undefined {
    return this.cabinets.get(door.controllerId)?.doors[door.slotLabel]?.door;
  }

  /** Hears every report from now on; attach before the connection is up to hear the retained ones too. */
  listen(listener: CabinetListener): void {
    this.listeners.push(listener);
  }

  private tell<K extends keyof CabinetListener>(kind: K, ...args: Parameters<NonNullable<CabinetListener[K]>>): void {
    for (const listener of this.listeners) {
      try {
        (listener[kind] as ((...a: typeof args) => void) | undefined)?.(...args);
      } catch (error) {
        // A report the app could not record must not stop the link that carries the next one.
        console.error(`cabinet ${String(args[0])}: recording its ${kind} failed:`, error);
      }
    }
  }

  /** What the server knows of one cabinet. */
  cabinet(controllerId: string): CabinetView {
    const view = this.cabinets.get(controllerId);
    if (!view) return { status: "unknown", lastSeenAt: undefined, heartbeatIntervalMs: undefined, clockSkewMs: undefined, doors: {} };
    return { ...view, doors: { ...view.doors }, status: this.isOnline(controllerId) ? "online" : view.status === "unknown" ? "unknown" : "offline" };
  }

  isOnline(controllerId: string): boolean {
    const view = this.cabinets.get(controllerId);
    if (!view || view.status !== "online" || view.lastSeenAt === undefined) return false;
    const interval = view.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_MS;
    // Right after the server starts, a retained "online" is all there is: give the first heartbeat its interval.
    const since = Math.max(view.lastSeenAt, this.startedAt);
    return this.now() - since <= interval * this.missedHeartbeats;
  }

  /**
   * Opens a door and resolves when the cabinet read it back open. Rejects with a
   * CabinetError: CABINET_OFFLINE at once; DID_NOT_OPEN (jammed, or its board silent);
   * NO_ANSWER after the timeout (the door may or may not have opened — say so, never
   * "opened"); EXPIRED; UNKNOWN_DOOR; BROKER_UNREACHABLE when the server has no broker.
   */
  async open(door: DoorAddress): Promise<void> {
    const reply = await this.command(door.controllerId, { type: "open", door: door.slotLabel });
    switch (reply.result) {
      case "opened":
        return;
      case "did-not-open":
        throw new CabinetError("DID_NOT_OPEN", `door ${door.controllerId}/${door.slotLabel} did not open${reply.detail ? `: ${reply.detail}` : ""}`, reply);
      case "expired":
        throw new CabinetError("EXPIRED", `the open of ${door.controllerId}/${door.slotLabel} reached the cabinet after its deadline and was not run`, reply);
      case "unknown-door":
        throw new CabinetError("UNKNOWN_DOOR", `cabinet ${door.controllerId} has no door ${door.slotLabel}`, reply);
      default:
        throw new CabinetError("DID_NOT_OPEN", `unexpected answer ${reply.result} to an open`, reply);
    }
  }

  /** Simulated cabinets only: jams a door, loses the next reply, and so on (rehearsals and tests). */
  injectFault(controllerId: string, fault: FaultKind, options: { door?: string; forMs?: number } = {}): Promise<Reply> {
    return this.command(controllerId, { type: "fault", fault, ...options });
  }

  private async command(controllerId: string, body: { type: "open"; door: string } | { type: "fault"; fault: FaultKind; door?: string; forMs?: number }): Promise<Reply> {
    if (!this.link.connected) throw new CabinetError("BROKER_UNREACHABLE", "the server is not connected to the cabinet broker");
    if (!this.isOnline(controllerId)) throw new CabinetError("CABINET_OFFLINE", `cabinet ${controllerId} is offline`);
    const issuedAt = this.now();
    const command = {
      v: PROTOCOL_VERSION,
      messageId: crypto.randomUUID(),
      transactionId: crypto.randomUUID(),
      issuedAt,
      notAfter: issuedAt + this.ttlMs,
      ...body,
    } as Command;
    const answered = new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(command.messageId);
        reject(new CabinetError("NO_ANSWER", `cabinet ${controllerId} did not answer within ${this.answerTimeoutMs} ms`));
      }, this.answerTimeoutMs);
      this.pending.set(command.messageId, { resolve, reject, timer });
    });
    try {
      await this.link.publish(topic(controllerId, "cmd"), JSON.stringify(command), {
        ...DELIVERY.cmd,
        expirySeconds: Math.max(1, Math.ceil(this.ttlMs / 1000)),
      });
    } catch (error) {
      this.settle(command.messageId);
      throw new CabinetError("BROKER_UNREACHABLE", `the command to ${controllerId} was not accepted by the broker: ${error}`);
    }
    return answered;
  }

  private settle(messageId: string): Pending | undefined {
    const pending = this.pending.get(messageId);
    if (pending) {
      clearTimeout(pending.timer);
      this.pending.delete(messageId);
    }
    return pending;
  }

  private view(controllerId: string) {
    let view = this.cabinets.get(controllerId);
    if (!view) {
      view = { status: "unknown", lastSeenAt: undefined, heartbeatIntervalMs: undefined, clockSkewMs: undefined, doors: {} };
      this.cabinets.set(controllerId, view);
    }
    return view;
  }

  private receive(name: string, payload: string): void {
    const where = parseTopic(name);
    if (!where) return;
    const { controllerId, channel } = where;
    const now = this.now();
    switch (channel) {
      case "status": {
        const status = decode("status", payload);
        if (!status) return;
        const view = this.view(controllerId);
        // The will of an earlier life can reach us after the new life said online (a restart
        // that took over its session): an offline from another session, older than the online, is stale.
        const session = this.sessions.get(controllerId);
        if (status.status === "offline" && session && session.id !== status.session && session.onlineAt > status.at) return;
        if (status.status === "online") this.sessions.set(controllerId, { id: status.session, onlineAt: status.at });
        view.status = status.status;
        if (status.status === "online") view.lastSeenAt = now;
        this.tell("status", controllerId, status);
        return;
      }
      case "heartbeat": {
        const heartbeat = decode("heartbeat", payload);
        if (!heartbeat) return;
        const view = this.view(controllerId);
        view.lastSeenAt = now;
        view.heartbeatIntervalMs = heartbeat.intervalMs;
        view.clockSkewMs = heartbeat.at - now;
        this.tell("heartbeat", controllerId, heartbeat);
        return;
      }
      case "state": {
        const snapshot = decode("state", payload);
        if (!snapshot) return;
        this.view(controllerId).doors = snapshot.doors;
        this.tell("state", controllerId, snapshot);
        return;
      }
      case "reply": {
        const reply = decode("reply", payload);
        if (!reply) return;
        const view = this.view(controllerId);
        if (view.status === "online") view.lastSeenAt = now;
        this.settle(reply.inReplyTo)?.resolve(reply);
        return;
      }
      case "events": {
        const event = decode("events", payload);
        if (!event || this.seenEvents.has(event.messageId)) return;
        this.seenEvents.add(event.messageId);
        if (this.seenEvents.size > SEEN_EVENTS_LIMIT) this.seenEvents.delete(this.seenEvents.values().next().value as string);
        const view = this.view(controllerId);
        if (event.door && event.state) view.doors = { ...view.doors, [event.door]: event.state };
        this.options.onEvent?.(controllerId, event);
        this.tell("event", controllerId, event);
        return;
      }
    }
  }

  async close(): Promise<void> {
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(new CabinetError("NO_ANSWER", "the door controller was closed before the cabinet answered"));
    await this.link.end();
  }
}
