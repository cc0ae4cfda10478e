/*
 * docs/cabinet-protocol.yaml is the contract; this test holds the code to it. A broad run
 * of the agent and the server's controller (every message kind, faults, restarts, a last
 * will) is captured by the in-memory broker, and every message is validated against the
 * document's JSON schemas for its channel, with the QoS and retain flags its operation
 * names. A field added in code and not in the document (or the reverse) fails here.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import { expect, test } from "vitest";
import YAML from "yaml";
import { MemoryBroker } from "./link";
import { MqttDoorController } from "./mqtt-door-controller";
import { CHANNELS, topic, type Channel } from "./protocol";
import { benchCabinet, doorAddress, until } from "./testing";

type Ref = { $ref: string };
type AsyncApi = {
  asyncapi: string;
  info: { version: string };
  channels: Record<string, { address: string; messages: Record<string, Ref> }>;
  operations: Record<string, { channel: Ref; bindings?: { mqtt?: { qos: number; retain: boolean; messageExpiryInterval?: number } } }>;
  components: { messages: Record<string, { payload: Ref }> };
};

const doc = YAML.parse(fs.readFileSync(path.join(process.cwd(), "docs/cabinet-protocol.yaml"), "utf8")) as AsyncApi;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema(doc as object, "asyncapi");

function resolve<T>(ref: Ref): T {
  return ref.$ref
    .replace(/^#\//, "")
    .split("/")
    .reduce((node: Record<string, unknown>, key) => node[key] as Record<string, unknown>, doc as unknown as Record<string, unknown>) as T;
}

/** Per channel of the document: its topic pattern, payload validators and delivery flags. */
const channels = Object.entries(doc.channels).map(([name, channel]) => {
  const pattern = new RegExp(`^${channel.address.replace("{controllerId}", "[A-Za-z0-9._-]{1,64}")}$`);
  const payloads = Object.values(channel.messages).map((ref) => {
    const message = resolve<{ payload: Ref }>(ref);
    const validate = ajv.getSchema(`asyncapi${message.payload.$ref}`);
    if (!validate) throw new Error(`no schema at ${message.payload.$ref}`);
    return { name: message.payload.$ref.split("/").at(-1)!, validate };
  });
  const operation = Object.values(doc.operations).find((op) => op.channel.$ref === `#/channels/${name}`);
  return { name, address: channel.address, pattern, payloads, delivery: operation?.bindings?.mqtt };
});

test("the document is AsyncAPI 3.0 and names one channel per protocol channel, under lockers/v1", () => {
  expect(doc.asyncapi).toBe("3.0.0");
  expect(channels.map((c) => c.address.split("/").at(-1)).sort()).toEqual([...CHANNELS].sort());
  for (const c of channels) expect(c.address).toMatch(/^lockers\/v1\/\{controllerId\}\//);
});

test("every message the agent and the server send matches the document: schema, QoS and retain", async () => {
  let t = 1_700_000_000_000;
  const now = () => t;
  const broker = new MemoryBroker(now);
  const server = new MqttDoorController(broker.connect, { now, answerTimeoutMs: 500 });
  await server.whenReady();
  const { agent, board } = await benchCabinet(broker.connect, "cab-7", { now, leftOpenMs: 60_000 });
  await until(() => server.isOnline("cab-7"));

  // Every reply result and event kind the code can produce.
  await server.open(doorAddress("cab-7", "A-01"));
  await server.injectFault("cab-7", "jam", { door: "A-02" });
  await server.open(doorAddress("cab-7", "A-02")).catch(() => {});
  await server.injectFault("cab-7", "lose-reply");
  await server.open(doorAddress("cab-7", "A-03"));
  await server.injectFault("cab-7", "unknown-sensor", { door: "A-04" });
  await server.injectFault("cab-7", "jam");
  await server.open(doorAddress("cab-7", "Z-01")).catch(() => {});
  board.forceOpen(1, 5);
  board.closeDoor(1, 1, true);
  await agent.poll();
  t += 61_000;
  await agent.poll();
  await agent.heartbeat();
  await until(() => server.isOnline("cab-7"));
  await server.injectFault("cab-7", "disconnect", { forMs: 1_000 });
  await agent.poll();
  t += 1_001;
  await agent.poll();
  await agent.heartbeat();
  const sender = broker.connect({ clientId: "sender", persistentSession: false });
  await until(() => sender.connected);
  const late = { v: 1, type: "open", messageId: crypto.randomUUID(), transactionId: crypto.randomUUID(), issuedAt: t - 10_000, notAfter: t - 5_000, door: "A-06" };
  await sender.publish(topic("cab-7", "cmd"), JSON.stringify(late), { qos: 1 });
  await sender.publish(topic("cab-7", "cmd"), JSON.stringify(late), { qos: 1 });
  await until(() => broker.published.filter((m) => m.topic.endsWith("/reply")).length >= 10, 1000, "ten replies");
  agent.crash(); // the broker publishes the will
  await until(() => !server.isOnline("cab-7"));
  const back = await benchCabinet(broker.connect, "cab-7", { now, board });
  await back.agent.stop();
  await server.close();

  // What the code sent, message by message.
  const seen = new Map<string, Set<string>>();
  const failures: string[] = [];
  for (const message of broker.published.filter((m) => m.clientId !== "sender")) {
    const channel = channels.find((c) => c.pattern.test(message.topic));
    if (!channel) {
      failures.push(`${message.topic}: no channel in the document`);
      continue;
    }
    const payload = JSON.parse(message.payload) as Record<string, unknown>;
    const matched = channel.payloads.find((p) => p.validate(payload));
    if (!matched) {
      const errors = channel.payloads.map((p) => `${p.name}: ${ajv.errorsText(p.validate.errors)}`).join("; ");
      failures.push(`${message.topic} ${message.payload}: ${errors}`);
      continue;
    }
    if (message.options.qos !== channel.delivery?.qos || (message.options.retain ?? false) !== channel.delivery?.retain) {
      failures.push(`${message.topic}: sent qos ${message.options.qos} retain ${message.options.retain}, documented ${JSON.stringify(channel.delivery)}`);
    }
    if (channel.delivery?.messageExpiryInterval !== undefined && message.options.expirySeconds !== channel.delivery.messageExpiryInterval) {
      failures.push(`${message.topic}: sent expiry ${message.options.expirySeconds}, documented ${channel.delivery.messageExpiryInterval}`);
    }
    const kinds = seen.get(channel.name) ?? new Set<string>();
    kinds.add(`${matched.name}:${String(payload.result ?? payload.kind ?? payload.status ?? payload.type ?? "")}`);
    seen.set(channel.name, kinds);
  }
  expect(failures).toEqual([]);

  // The run covered the protocol, so the check above means something.
  const covered = [...seen.values()].flatMap((kinds) => [...kinds]).sort();
  expect(covered).toEqual(
    expect.arrayContaining([
      "DoorEvent:board-offline",
      "DoorEvent:board-online",
      "DoorEvent:door-closed",
      "DoorEvent:door-forced-open",
      "DoorEvent:door-left-open",
      "DoorEvent:door-opened",
      "DoorEvent:sensor-unknown",
      "FaultCommand:fault",
      "Heartbeat:",
      "OpenCommand:open",
      "Reply:did-not-open",
      "Reply:done",
      "Reply:expired",
      "Reply:opened",
      "Reply:refused",
      "Reply:unknown-door",
      "StateSnapshot:",
      "Status:offline",
      "Status:online",
    ]),
  );
  const channelsSeen: Channel[] = [...seen.keys()].map((name) => doc.channels[name].address.split("/").at(-1) as Channel);
  expect(channelsSeen.sort()).toEqual([...CHANNELS].sort());
});

test("the document's schemas refuse what the protocol refuses: an unknown field, a missing notAfter, another version", () => {
  const open = channels.find((c) => c.address.endsWith("/cmd"))!.payloads.find((p) => p.name === "OpenCommand")!.validate;
  const good = { v: 1, type: "open", messageId: crypto.randomUUID(), transactionId: crypto.randomUUID(), issuedAt: 1, notAfter: 2, door: "A-01" };
  expect(open(good)).toBe(true);
  expect(open({ ...good, extra: true })).toBe(false);
  expect(open({ ...good, v: 2 })).toBe(false);
  const { notAfter: _notAfter, ...noDeadline } = good;
  expect(open(noDeadline)).toBe(false);
});
