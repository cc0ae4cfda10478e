import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { MemoryBroker } from "./link";
import { CabinetError, MqttDoorController } from "./mqtt-door-controller";
import { decode, topic, type DoorEvent, type OpenCommand, type Reply } from "./protocol";
import { benchCabinet, doorAddress, until } from "./testing";
import { FileTransactionLog } from "./transaction-log";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One in-memory broker, a test clock, the server's door controller and one cabinet "cab-1". */
async function rig(options: { honourExpiry?: boolean } = {}) {
  const clock = { t: 1_700_000_000_000 };
  const now = () => clock.t;
  const broker = new MemoryBroker(now);
  broker.honourExpiry = options.honourExpiry ?? true;
  const events: DoorEvent[] = [];
  const server = new MqttDoorController(broker.connect, { now, onEvent: (_id, event) => events.push(event), answerTimeoutMs: 500 });
  await server.whenReady();
  const cabinet = await benchCabinet(broker.connect, "cab-1", { now });
  await until(() => server.isOnline("cab-1"), 1000, "the cabinet online");
  cleanups.push(() => server.close(), () => cabinet.agent.stop());
  const replies = () => broker.published.filter((m) => m.topic === topic("cab-1", "reply")).map((m) => decode("reply", m.payload)!);
  const unlocks = () => cabinet.board.received.filter((frame) => frame.cmd === "unlock").length;
  return { clock, now, broker, server, events, replies, unlocks, ...cabinet };
}

function openCommand(t: number, door: string, ttl = 5_000): OpenCommand {
  return { v: 1, type: "open", messageId: crypto.randomUUID(), transactionId: crypto.randomUUID(), issuedAt: t, notAfter: t + ttl, door };
}

test("an open resolves once the cabinet read the door back open; the snapshot and a door-opened event follow", async () => {
  const { server, board, events } = await rig();
  await server.open(doorAddress("cab-1", "A-05"));
  expect(board.isOpen(1, 5)).toBe(true);
  await until(() => server.cabinet("cab-1").doors["A-05"]?.door === "open");
  expect(events.map((e) => [e.kind, e.door])).toEqual([["door-opened", "A-05"]]);
  expect(events[0].transactionId).toBeDefined();
});

test("a jammed door is refused as did-not-open, and the person is never told it opened", async () => {
  const { server, board } = await rig();
  board.jam(1, 2);
  const error = await server.open(doorAddress("cab-1", "A-02")).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CabinetError);
  expect((error as CabinetError).code).toBe("DID_NOT_OPEN");
  expect((error as CabinetError).reply?.state).toEqual({ door: "closed", occupied: false });
});

test("a lost reply from the board: the read back still confirms the open", async () => {
  const { server, board, replies } = await rig();
  board.loseReplies(1);
  await server.open(doorAddress("cab-1", "A-03"));
  expect(replies().at(-1)).toMatchObject({ result: "opened", detail: "the board did not acknowledge the unlock" });
});

test("a silent board: did-not-open, quickly, not a hang", async () => {
  const { server, board } = await rig();
  board.disconnect(60_000);
  await expect(server.open(doorAddress("cab-1", "A-04"))).rejects.toMatchObject({ code: "DID_NOT_OPEN" });
  expect(board.isOpen(1, 4)).toBe(false); // a pulled cable: the pulse never reached the board
});

test("faults are injected through the protocol's fault command", async () => {
  const { server, board } = await rig();
  expect((await server.injectFault("cab-1", "jam", { door: "A-06" })).result).toBe("done");
  await expect(server.open(doorAddress("cab-1", "A-06"))).rejects.toMatchObject({ code: "DID_NOT_OPEN" });
  await server.injectFault("cab-1", "clear");
  await server.open(doorAddress("cab-1", "A-06"));
  expect(board.isOpen(1, 6)).toBe(true);
  expect((await server.injectFault("cab-1", "jam")).result).toBe("refused");
});

test("an unknown door is refused", async () => {
  const { server } = await rig();
  await expect(server.open(doorAddress("cab-1", "Z-99"))).rejects.toMatchObject({ code: "UNKNOWN_DOOR" });
});

test("a cabinet whose connection dropped is refused at once: the broker published its will", async () => {
  const { server, agent, unlocks, broker } = await rig();
  agent.crash();
  await until(() => !server.isOnline("cab-1"), 1000, "the will");
  const commandsBefore = broker.published.filter((m) => m.topic.endsWith("/cmd")).length;
  await expect(server.open(doorAddress("cab-1", "A-01"))).rejects.toMatchObject({ code: "CABINET_OFFLINE" });
  // Refused without sending: nothing waits in the cabinet's session for when it comes back.
  expect(broker.published.filter((m) => m.topic.endsWith("/cmd")).length).toBe(commandsBefore);
  expect(unlocks()).toBe(0);
  expect(server.cabinet("cab-1").status).toBe("offline");
});

test("a cabinet silent for three heartbeat intervals is offline, even while its retained status says online", async () => {
  const { server, agent, clock } = await rig();
  clock.t += 29_000;
  expect(server.isOnline("cab-1")).toBe(true);
  clock.t += 2_000;
  expect(server.isOnline("cab-1")).toBe(false);
  await expect(server.open(doorAddress("cab-1", "A-01"))).rejects.toMatchObject({ code: "CABINET_OFFLINE" });
  await agent.heartbeat();
  await until(() => server.isOnline("cab-1"));
  expect(server.cabinet("cab-1").clockSkewMs).toBe(0);
});

test("the will of an earlier life arriving after the new life's online does not mark the cabinet offline", async () => {
  const { server, broker, clock } = await rig();
  const sender = broker.connect({ clientId: "sender", persistentSession: false });
  await until(() => sender.connected);
  const stale = { v: 1, status: "offline", at: clock.t - 60_000, session: crypto.randomUUID() };
  await sender.publish(topic("cab-1", "status"), JSON.stringify(stale), { qos: 1, retain: true });
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(server.isOnline("cab-1")).toBe(true);
  const fresh = { ...stale, at: clock.t + 1 };
  await sender.publish(topic("cab-1", "status"), JSON.stringify(fresh), { qos: 1, retain: true });
  await until(() => !server.isOnline("cab-1"));
});

test("a cabinet never heard of is offline", async () => {
  const { server } = await rig();
  await expect(server.open(doorAddress("cab-unknown", "A-01"))).rejects.toMatchObject({ code: "CABINET_OFFLINE" });
});

test("no answer within the timeout is NO_ANSWER, never a success", async () => {
  const { server, broker } = await rig();
  // The cabinet's commands go nowhere: as if its subscription was lost.
  const blackhole = new MqttDoorController(broker.connect, { answerTimeoutMs: 30, now: () => Date.now() });
  await blackhole.whenReady();
  cleanups.push(() => blackhole.close());
  await until(() => blackhole.isOnline("cab-1"));
  const slowServer = blackhole as unknown as { link: { publish: () => Promise<void> } };
  slowServer.link.publish = async () => {};
  await expect(blackhole.open(doorAddress("cab-1", "A-01"))).rejects.toMatchObject({ code: "NO_ANSWER" });
  expect(server.isOnline("cab-1")).toBe(true);
});

test("a transaction runs at most once: a second delivery is answered from the log, the lock is not pulsed again", async () => {
  const { broker, now, unlocks, replies } = await rig();
  const sender = broker.connect({ clientId: "sender", persistentSession: false });
  await until(() => sender.connected);
  const command = openCommand(now(), "A-07");
  await sender.publish(topic("cab-1", "cmd"), JSON.stringify(command), { qos: 1 });
  await until(() => replies().length === 1);
  // The same transaction again under a new message id (a server retry), then the same message again (a QoS 1 redelivery).
  await sender.publish(topic("cab-1", "cmd"), JSON.stringify({ ...command, messageId: crypto.randomUUID() }), { qos: 1 });
  await sender.publish(topic("cab-1", "cmd"), JSON.stringify(command), { qos: 1 });
  await until(() => replies().length === 3);
  expect(unlocks()).toBe(1);
  expect(replies().map((r: Reply) => [r.result, r.repeated])).toEqual([
    ["opened", false],
    ["opened", true],
    ["opened", true],
  ]);
});

test("a command that expired while the agent was away is not run when it comes back, though the session redelivers it", async () => {
  // The broker ignores message expiry here, so it is the agent's own notAfter check that holds.
  const { broker, clock, now, agent, board, replies } = await rig({ honourExpiry: false });
  agent.crash();
  const sender = broker.connect({ clientId: "sender", persistentSession: false });
  await until(() => sender.connected);
  await sender.publish(topic("cab-1", "cmd"), JSON.stringify(openCommand(now(), "A-08", 2_000)), { qos: 1, expirySeconds: 2 });
  clock.t += 2_001;
  const back = await benchCabinet(broker.connect, "cab-1", { now, board });
  cleanups.push(() => back.agent.stop());
  await until(() => replies().length === 1, 1000, "the redelivered command's answer");
  expect(replies()[0]).toMatchObject({ result: "expired" });
  expect(board.isOpen(1, 8)).toBe(false);
  expect(board.received.filter((frame) => frame.cmd === "unlock")).toHaveLength(0);
});

test("the transaction log survives a restart: a transaction begun before a crash is never pulsed again", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cabinet-tx-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, "transactions.json");
  const { broker, now, agent, board, replies, unlocks } = await rig();
  agent.crash();
  const command = openCommand(now(), "A-09");
  // The first life wrote "started", pulsed the lock, and died before its answer.
  new FileTransactionLog(file).remember(command.transactionId, { at: now(), door: "A-09", outcome: "started" });
  board.forceOpen(1, 9);
  const back = await benchCabinet(broker.connect, "cab-1", { now, board, transactions: new FileTransactionLog(file) });
  cleanups.push(() => back.agent.stop());
  const sender = broker.connect({ clientId: "sender", persistentSession: false });
  await until(() => sender.connected);
  await sender.publish(topic("cab-1", "cmd"), JSON.stringify(command), { qos: 1 });
  await until(() => replies().length === 1);
  expect(replies()[0]).toMatchObject({ result: "opened", repeated: true, detail: "interrupted by a restart" });
  expect(unlocks()).toBe(0);
  // And a finished transaction is on file for the next restart.
  await sender.publish(topic("cab-1", "cmd"), JSON.stringify(openCommand(now(), "A-10")), { qos: 1 });
  await until(() => replies().length === 2);
  const saved = JSON.parse(fs.readFileSync(file, "utf8")) as [string, { outcome: string }][];
  expect(saved.map(([, entry]) => entry.outcome)).toEqual(["started", "opened"]);
});

test("the poll reports a forced door, a close with occupancy, a door left open, a sensor gone unknown and a silent board", async () => {
  const { server, agent, board, clock, events } = await rig();
  board.forceOpen(1, 11);
  await agent.poll();
  board.closeDoor(1, 11, true);
  await agent.poll();
  await server.open(doorAddress("cab-1", "A-12"));
  clock.t += 60_000;
  await agent.poll();
  clock.t += 61_000;
  await agent.poll();
  await agent.poll(); // reported once, not at every poll
  board.unknownSensor(1, 13);
  await agent.poll();
  board.disconnect(1_000);
  await agent.poll();
  clock.t += 1_001;
  await agent.poll();
  await until(() => events.length === 7, 1000, "seven events");
  expect(events.map((e) => [e.kind, e.door ?? e.board])).toEqual([
    ["door-forced-open", "A-11"],
    ["door-closed", "A-11"],
    ["door-opened", "A-12"],
    ["door-left-open", "A-12"],
    ["sensor-unknown", "A-13"],
    // A silent board is one event; its doors read unknown in the snapshot meanwhile.
    ["board-offline", 1],
    ["board-online", 1],
  ]);
  expect(events[1].state).toEqual({ door: "closed", occupied: true });
  expect(events[3].openForMs).toBe(121_000);
  expect(server.cabinet("cab-1").doors["A-13"]).toEqual({ door: "unknown", occupied: null });
});

test("the server records each event once, whatever delivers it twice", async () => {
  const { broker, events } = await rig();
  const sender = broker.connect({ clientId: "sender", persistentSession: false });
  await until(() => sender.connected);
  const event: DoorEvent = { v: 1, messageId: crypto.randomUUID(), at: 1, kind: "tamper" };
  await sender.publish(topic("cab-1", "events"), JSON.stringify(event), { qos: 1 });
  await sender.publish(topic("cab-1", "events"), JSON.stringify(event), { qos: 1 });
  await sender.publish(topic("cab-1", "events"), "not json", { qos: 1 });
  await until(() => events.length >= 1);
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(events.filter((e) => e.kind === "tamper")).toHaveLength(1);
});
