/*
 * The cabinet end to end over a real Mosquitto (MQTT 5): the server's door controller,
 * the broker, the agent, the serial driver and the simulated board. Each test starts its
 * own broker on a free port of 127.0.0.1.
 */
import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { SimulatedBoard } from "./boards/simulated-board";
import { mqttConnector, type Link } from "./link";
import { mosquittoBinary, startMosquitto, type RunningBroker } from "./mosquitto";
import { MqttDoorController } from "./mqtt-door-controller";
import { decode, topic, type OpenCommand, type Reply } from "./protocol";
import { benchCabinet, doorAddress, until } from "./testing";

const binary = mosquittoBinary();
if (!binary && process.env.CI) throw new Error("mosquitto is missing: .ci/run installs it (apt-get install mosquitto)");
if (!binary) console.warn("lib/cabinet/mosquitto.test.ts skipped: no mosquitto on this machine (apt-get install mosquitto)");

const cleanups: (() => unknown)[] = [];
let broker: RunningBroker;
beforeEach(async () => {
  if (!binary) return;
  broker = await startMosquitto();
  cleanups.push(() => broker.stop());
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rig(controllerId = "cab-1") {
  const connect = mqttConnector(broker.url);
  const server = new MqttDoorController(connect, { answerTimeoutMs: 3_000 });
  cleanups.push(() => server.close());
  await server.whenReady();
  const cabinet = await benchCabinet(connect, controllerId);
  cleanups.push(() => cabinet.agent.stop());
  await until(() => server.isOnline(controllerId), 3_000, "the cabinet online");
  return { connect, server, ...cabinet };
}

/** A bare client listening to one cabinet's replies, able to send raw commands. */
async function listener(controllerId: string) {
  const link: Link = mqttConnector(broker.url)({ clientId: `listener-${crypto.randomUUID()}`, persistentSession: false });
  cleanups.push(() => link.end());
  const replies: Reply[] = [];
  link.onMessage((name, payload) => {
    const reply = name === topic(controllerId, "reply") ? decode("reply", payload) : undefined;
    if (reply) replies.push(reply);
  });
  await new Promise<void>((resolve) => link.onConnect(() => resolve()));
  await link.subscribe([topic(controllerId, "reply")], 1);
  return { link, replies };
}

function openCommand(now: number, door: string, ttlMs: number): OpenCommand {
  return { v: 1, type: "open", messageId: crypto.randomUUID(), transactionId: crypto.randomUUID(), issuedAt: now, notAfter: now + ttlMs, door };
}

describe.skipIf(!binary)("over Mosquitto", () => {
  test("an open is confirmed end to end: server → broker → agent → serial frames → board → read back → reply", async () => {
    const { server, board } = await rig();
    await server.open(doorAddress("cab-1", "A-01"));
    expect(board.isOpen(1, 1)).toBe(true);
    await until(() => server.cabinet("cab-1").doors["A-01"]?.door === "open", 2_000, "the retained snapshot");
  });

  test("a jammed door answers did-not-open", async () => {
    const { server } = await rig();
    await server.injectFault("cab-1", "jam", { door: "A-02" });
    await expect(server.open(doorAddress("cab-1", "A-02"))).rejects.toMatchObject({ code: "DID_NOT_OPEN" });
  });

  test("a lost reply from the board: the read back still confirms the open", async () => {
    const { server, board } = await rig();
    await server.injectFault("cab-1", "lose-reply");
    await server.open(doorAddress("cab-1", "A-03"));
    expect(board.isOpen(1, 3)).toBe(true);
  });

  test("a cabinet whose connection dropped is refused at once, by its last will", async () => {
    const { server, agent, board } = await rig();
    agent.crash();
    await until(() => server.cabinet("cab-1").status === "offline", 3_000, "the last will");
    const started = Date.now();
    await expect(server.open(doorAddress("cab-1", "A-04"))).rejects.toMatchObject({ code: "CABINET_OFFLINE" });
    // At once: no broker round trip, far below the 3 s answer timeout (loose, for a loaded machine).
    expect(Date.now() - started).toBeLessThan(500);
    expect(board.received.filter((frame) => frame.cmd === "unlock")).toHaveLength(0);
  });

  test("a server started after the cabinet learns it is online from the retained status", async () => {
    const { connect } = await rig();
    const late = new MqttDoorController(connect);
    cleanups.push(() => late.close());
    await late.whenReady();
    await until(() => late.isOnline("cab-1"), 2_000, "the retained status");
    await until(() => Object.keys(late.cabinet("cab-1").doors).length === 16, 2_000, "the retained snapshot");
  });

  test("a command that expired while the agent was away is redelivered by its persistent session and not run", async () => {
    const { connect, agent, board } = await rig();
    agent.crash();
    const { link, replies } = await listener("cab-1");
    // The broker would keep it a minute; the command's own deadline is 0.5 s.
    await link.publish(topic("cab-1", "cmd"), JSON.stringify(openCommand(Date.now(), "A-05", 500)), { qos: 1, expirySeconds: 60 });
    // The agent comes back "10 s later" by its clock (a test clock, not a wait).
    const back = await benchCabinet(connect, "cab-1", { board, now: () => Date.now() + 10_000 });
    cleanups.push(() => back.agent.stop());
    await until(() => replies.length === 1, 3_000, "the redelivered command's answer");
    expect(replies[0]).toMatchObject({ result: "expired", repeated: false });
    expect(board.isOpen(1, 5)).toBe(false);
    expect(board.received.filter((frame) => frame.cmd === "unlock")).toHaveLength(0);
  });

  test("the broker itself drops a command past its MQTT 5 message expiry", async () => {
    const { connect, agent, board } = await rig();
    agent.crash();
    const { link, replies } = await listener("cab-1");
    await link.publish(topic("cab-1", "cmd"), JSON.stringify(openCommand(Date.now(), "A-06", 60_000)), { qos: 1, expirySeconds: 1 });
    // Mosquitto keeps time in whole seconds: this one waits on the broker's clock, briefly.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const back = await benchCabinet(connect, "cab-1", { board });
    cleanups.push(() => back.agent.stop());
    // A fresh command after it is answered; the expired one never arrives.
    await link.publish(topic("cab-1", "cmd"), JSON.stringify(openCommand(Date.now(), "A-07", 5_000)), { qos: 1, expirySeconds: 5 });
    await until(() => replies.length === 1, 3_000, "the fresh command's answer");
    expect(replies.map((reply) => [reply.result, reply.door])).toEqual([["opened", "A-07"]]);
    expect(board.isOpen(1, 6)).toBe(false);
  });

  test("an agent that stops cleanly says offline itself (no will is sent); restarted, it is online and opens again", async () => {
    const { connect, server, agent, board } = await rig();
    await server.open(doorAddress("cab-1", "A-08"));
    await agent.stop();
    await until(() => server.cabinet("cab-1").status === "offline", 2_000, "the agent's own offline");
    const back = await benchCabinet(connect, "cab-1", { board: new SimulatedBoard([1]) });
    cleanups.push(() => back.agent.stop());
    await until(() => server.isOnline("cab-1"), 2_000, "online again");
    await server.open(doorAddress("cab-1", "A-09"));
    expect(back.board.isOpen(1, 9)).toBe(true);
    expect(board.isOpen(1, 9)).toBe(false);
  });
});
