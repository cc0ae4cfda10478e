/*
 * The little of MQTT 5 the cabinet code uses, behind one interface, so the agent and the
 * server's door controller run over a real broker (mqttConnector) or over the in-memory
 * broker of the unit tests (MemoryBroker) unchanged.
 */
import { connect, type IClientOptions, type MqttClient } from "mqtt";

export type Qos = 0 | 1;
export type PublishOptions = { qos: Qos; retain?: boolean; /** MQTT 5 message expiry: the broker drops the message undelivered after this. */ expirySeconds?: number };
export type Will = { topic: string; payload: string; qos: Qos; retain: boolean };

export type LinkOptions = {
  clientId: string;
  /** clean: false with a session expiry: the broker keeps subscriptions and queues QoS 1 messages while the client is away. */
  persistentSession: boolean;
  sessionExpirySeconds?: number;
  will?: Will;
  keepaliveSeconds?: number;
};

export interface Link {
  readonly connected: boolean;
  publish(topic: string, payload: string, options: PublishOptions): Promise<void>;
  subscribe(filters: string[], qos: Qos): Promise<void>;
  onMessage(handler: (topic: string, payload: string) => void): void;
  /** Each (re)connection; sessionPresent says the broker still had our session. */
  onConnect(handler: (sessionPresent: boolean) => void): void;
  onClose(handler: () => void): void;
  /** A clean goodbye: no will. */
  end(): Promise<void>;
  /** Drops the connection as a crash or a pulled cable would: the broker publishes the will. No reconnect. */
  kill(): void;
}

export type Connector = (options: LinkOptions) => Link;

/** Connects through the `mqtt` package, MQTT 5, reconnecting every second until ended. */
export function mqttConnector(url: string, extra: Partial<IClientOptions> = {}): Connector {
  return (options) => {
    const client = connect(url, {
      protocolVersion: 5,
      clientId: options.clientId,
      clean: !options.persistentSession,
      keepalive: options.keepaliveSeconds ?? 30,
      reconnectPeriod: 1000,
      connectTimeout: 5000,
      properties: options.persistentSession ? { sessionExpiryInterval: options.sessionExpirySeconds ?? 86_400 } : undefined,
      will: options.will && {
        topic: options.will.topic,
        payload: Buffer.from(options.will.payload),
        qos: options.will.qos,
        retain: options.will.retain,
      },
      ...extra,
    });
    return new MqttLink(client);
  };
}

class MqttLink implements Link {
  constructor(private readonly client: MqttClient) {
    // Errors surface as disconnects and reconnects; an unhandled "error" event would crash the process.
    client.on("error", () => {});
  }

  get connected(): boolean {
    return this.client.connected;
  }

  async publish(topic: string, payload: string, options: PublishOptions): Promise<void> {
    await this.client.publishAsync(topic, payload, {
      qos: options.qos,
      retain: options.retain ?? false,
      properties: options.expirySeconds ? { messageExpiryInterval: options.expirySeconds } : undefined,
    });
  }

  async subscribe(filters: string[], qos: Qos): Promise<void> {
    const granted = await this.client.subscribeAsync(filters, { qos });
    const refused = granted.filter((grant) => grant.qos > 2);
    if (refused.length) throw new Error(`the broker refused the subscription to ${refused.map((grant) => grant.topic).join(", ")}`);
  }

  onMessage(handler: (topic: string, payload: string) => void): void {
    this.client.on("message", (topic, payload) => handler(topic, payload.toString("utf8")));
  }

  onConnect(handler: (sessionPresent: boolean) => void): void {
    this.client.on("connect", (connack) => handler(connack.sessionPresent));
  }

  onClose(handler: () => void): void {
    this.client.on("close", handler);
  }

  async end(): Promise<void> {
    await this.client.endAsync();
  }

  kill(): void {
    this.client.options.reconnectPeriod = 0;
    this.client.stream?.destroy();
    this.client.end(true);
  }
}

/** Does an MQTT topic filter (with + and #) match a topic name? */
function topicMatches(filter: string, name: string): boolean {
  const f = filter.split("/");
  const n = name.split("/");
  for (let i = 0; i < f.length; i++) {
    if (f[i] === "#") return true;
    if (i >= n.length || (f[i] !== "+" && f[i] !== n[i])) return false;
  }
  return f.length === n.length;
}

type Queued = { topic: string; payload: string; expiresAt: number | undefined };
type Session = { subscriptions: Set<string>; queue: Queued[]; link: MemoryLink | undefined; persistent: boolean; will: Will | undefined };

/**
 * A broker in memory for unit tests: retained messages, wildcards, wills, persistent
 * sessions that queue QoS 1 messages while their client is away, and message expiry —
 * which `honourExpiry: false` turns off, to prove the cabinet's own notAfter check.
 */
export class MemoryBroker {
  private readonly sessions = new Map<string, Session>();
  private readonly retained = new Map<string, string>();
  /** Every message published, in order: what protocol.test.ts checks against the AsyncAPI document. */
  readonly published: { topic: string; payload: string; options: PublishOptions; clientId: string }[] = [];
  honourExpiry = true;

  constructor(private readonly now: () => number = Date.now) {}

  connect: Connector = (options) => {
    let session = this.sessions.get(options.clientId);
    const sessionPresent = Boolean(session && options.persistentSession && session.persistent);
    if (session?.link?.connected) session.link.drop(false);
    if (!session || !sessionPresent) {
      session = { subscriptions: new Set(), queue: [], link: undefined, persistent: options.persistentSession, will: undefined };
      this.sessions.set(options.clientId, session);
    }
    const link = new MemoryLink(this, options.clientId);
    session.link = link;
    session.will = options.will;
    queueMicrotask(() => {
      link.up(sessionPresent);
      const queued = session.queue.splice(0);
      for (const message of queued) this.deliver(session, message);
    });
    return link;
  };

  publish(clientId: string, topic: string, payload: string, options: PublishOptions): void {
    this.published.push({ topic, payload, options, clientId });
    if (options.retain) {
      if (payload === "") this.retained.delete(topic);
      else this.retained.set(topic, payload);
    }
    const expiresAt = options.expirySeconds ? this.now() + options.expirySeconds * 1000 : undefined;
    for (const session of this.sessions.values()) {
      if (![...session.subscriptions].some((filter) => topicMatches(filter, topic))) continue;
      const message = { topic, payload, expiresAt };
      if (session.link?.connected) this.deliver(session, message);
      else if (session.persistent && options.qos === 1) session.queue.push(message);
    }
  }

  subscribe(clientId: string, filters: string[]): void {
    const session = this.sessions.get(clientId);
    if (!session) return;
    for (const filter of filters) {
      session.subscriptions.add(filter);
      for (const [topic, payload] of this.retained) if (topicMatches(filter, topic)) this.deliver(session, { topic, payload, expiresAt: undefined });
    }
  }

  disconnected(clientId: string, link: MemoryLink, sendWill: boolean): void {
    const session = this.sessions.get(clientId);
    if (!session || session.link !== link) return;
    if (sendWill && session.will) this.publish(clientId, session.will.topic, session.will.payload, { qos: session.will.qos, retain: session.will.retain });
    if (!session.persistent) this.sessions.delete(clientId);
  }

  private deliver(session: Session, message: Queued): void {
    if (this.honourExpiry && message.expiresAt !== undefined && this.now() > message.expiresAt) return;
    const link = session.link;
    queueMicrotask(() => link?.receive(message.topic, message.payload));
  }
}

class MemoryLink implements Link {
  connected = false;
  private readonly messageHandlers: ((topic: string, payload: string) => void)[] = [];
  private readonly connectHandlers: ((sessionPresent: boolean) => void)[] = [];
  private readonly closeHandlers: (() => void)[] = [];

  constructor(
    private readonly broker: MemoryBroker,
    private readonly clientId: string,
  ) {}

  up(sessionPresent: boolean): void {
    this.connected = true;
    for (const handler of this.connectHandlers) handler(sessionPresent);
  }

  receive(topic: string, payload: string): void {
    if (this.connected) for (const handler of this.messageHandlers) handler(topic, payload);
  }

  drop(sendWill: boolean): void {
    if (!this.connected) return;
    this.connected = false;
    this.broker.disconnected(this.clientId, this, sendWill);
    for (const handler of this.closeHandlers) handler();
  }

  async publish(topic: string, payload: string, options: PublishOptions): Promise<void> {
    if (!this.connected) throw new Error("not connected");
    this.broker.publish(this.clientId, topic, payload, options);
  }

  async subscribe(filters: string[]): Promise<void> {
    if (!this.connected) throw new Error("not connected");
    this.broker.subscribe(this.clientId, filters);
  }

  onMessage(handler: (topic: string, payload: string) => void): void {
    this.messageHandlers.push(handler);
  }
  onConnect(handler: (sessionPresent: boolean) => void): void {
    this.connectHandlers.push(handler);
  }
  onClose(handler: () => void): void {
    this.closeHandlers.push(handler);
  }
  async end(): Promise<void> {
    this.drop(false);
  }
  kill(): void {
    this.drop(true);
  }
}
