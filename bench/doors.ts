/*
 * Door benchmark (`npm run bench:doors`): 1,000 simulated cabinets (16,000 doors) connected
 * to one private Mosquitto, heartbeats every 10 s, and the server's MQTT door controller
 * opening 100 doors a second. Each cabinet is the real agent driving a simulated board
 * through the real serial driver and frames (over an in-memory cable); the cabinets run in
 * a child process, the server in this one, the broker in its own.
 *
 * Prints p50/p99 from command to confirmed open (read back), messages per second at the
 * broker, lost and late opens — beside the same machine's limit measured in the same run:
 * a bare MQTT publish → echo → receive round trip across the same processes, and raw
 * messages per second through the same broker. The ratios are the result.
 *
 *   BENCH_CABINETS=1000 BENCH_RATE=100 BENCH_SECONDS=20 npm run bench:doors
 */
import { fork, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import { CabinetAgent, sequentialDoors } from "../lib/cabinet/agent";
import { duplexPair } from "../lib/cabinet/boards/duplex-pair";
import { SerialBoardDriver } from "../lib/cabinet/boards/serial-driver";
import { SimulatedBoard } from "../lib/cabinet/boards/simulated-board";
import { mqttConnector, type Link } from "../lib/cabinet/link";
import { startMosquitto } from "../lib/cabinet/mosquitto";
import { MqttDoorController } from "../lib/cabinet/mqtt-door-controller";
import { decode, TOPIC_ROOT } from "../lib/cabinet/protocol";

const CABINETS = Number(process.env.BENCH_CABINETS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const HEARTBEAT_MS = 10_000;
// How often each agent reads its boards for doors that changed on their own: 1,000
// cabinets × one status frame per 5 s is 200 frames/s in the cabinets' process.
const POLL_MS = 5_000;
const DOORS = 16;
// The whole run is bounded: anything still running then is a failure, not a wait.
const DEADLINE_MS = 90_000;

type ToParent = { ready: number } | { echoReady: true };

const controllerId = (i: number) => `bench-${String(i).padStart(4, "0")}`;

function percentile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function connected(link: Link): Promise<void> {
  return new Promise((resolve) => link.onConnect(() => resolve()));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The child: every cabinet, and the echo client of the baseline round trip. */
async function cabinets(url: string): Promise<void> {
  const connect = mqttConnector(url);
  const agents: CabinetAgent[] = [];
  // Connect in waves, as cabinets coming up after a power cut would be spread by their boot time.
  for (let wave = 0; wave < CABINETS; wave += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, CABINETS - wave) }, async (_, k) => {
        const board = new SimulatedBoard([1]);
        board.autoCloseMs = 3_000;
        const [host, bus] = duplexPair();
        board.attach(bus);
        const agent = new CabinetAgent({
          controllerId: controllerId(wave + k),
          connect,
          driver: new SerialBoardDriver(host),
          doors: sequentialDoors("A", DOORS),
          simulated: board,
          heartbeatMs: HEARTBEAT_MS,
          pollMs: POLL_MS,
        });
        await agent.start();
        agents.push(agent);
      }),
    );
  }
  // The baseline's far end: answers each ping at once.
  const echo = connect({ clientId: `bench-echo-${process.pid}`, persistentSession: false });
  echo.onMessage((_topic, payload) => void echo.publish("bench/pong", payload, { qos: 1 }));
  await connected(echo);
  await echo.subscribe(["bench/ping"], 1);
  process.send!({ ready: agents.length } satisfies ToParent);
  process.on("message", (message) => {
    if (message === "stop") {
      void Promise.all(agents.map((agent) => agent.stop())).finally(() => process.exit(0));
    }
  });
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error(`bench:doors did not finish within ${DEADLINE_MS / 1000} s`);
    process.exit(1);
  }, DEADLINE_MS);
  const broker = await startMosquitto();
  let child: ChildProcess | undefined;
  const cleanup = async () => {
    child?.kill();
    await broker.stop();
  };
  try {
    const t0 = Date.now();
    child = fork(process.argv[1], ["--cabinets", broker.url], { execArgv: process.execArgv, stdio: "inherit" });
    const ready = new Promise<number>((resolve, reject) => {
      child!.on("message", (message: ToParent) => "ready" in message && resolve(message.ready));
      child!.on("exit", (code) => reject(new Error(`the cabinets' process exited (${code})`)));
    });

    const connect = mqttConnector(broker.url);
    // Late opens: every door-opened event is checked against its command's notAfter.
    const notAfter = new Map<string, number>();
    let late = 0;
    let checked = 0;
    let events = 0;
    const server = new MqttDoorController(connect, {
      commandTtlMs: 5_000,
      onEvent: (_id, event) => {
        events++;
        if (event.kind !== "door-opened" || !event.transactionId) return;
        const deadline = notAfter.get(event.transactionId);
        if (deadline === undefined) return;
        checked++;
        if (event.at > deadline) late++;
      },
    });
    await server.whenReady();
    const watcher = connect({ clientId: "bench-watcher", persistentSession: false });
    // The broker's own counters, published each second (sys_interval 1), with when they came.
    const sys: Record<string, { value: number; at: number }> = {};
    watcher.onMessage((topic, payload) => {
      if (topic.startsWith("$SYS/")) sys[topic] = { value: Number(payload), at: performance.now() };
      else if (topic.endsWith("/cmd")) {
        const command = decode("cmd", payload);
        if (command) notAfter.set(command.transactionId, command.notAfter);
      }
    });
    await connected(watcher);
    await watcher.subscribe([`${TOPIC_ROOT}/+/cmd`, "$SYS/broker/publish/messages/+", "$SYS/broker/clients/connected"], 0);

    const cabinetCount = await ready;
    const ids = Array.from({ length: CABINETS }, (_, i) => controllerId(i));
    for (let i = 0; i < 100 && ids.some((id) => !server.isOnline(id)); i++) await sleep(100);
    const online = ids.filter((id) => server.isOnline(id)).length;
    console.log(`${cabinetCount} cabinets (${cabinetCount * DOORS} doors) connected in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${online} online at the server`);

    // The machine's limit, measured now, with the cabinets connected and heartbeating.
    const baseline = await roundTrip(connect, 600, RATE * 2);
    const raw = await rawThroughput(connect, 2_000);
    // Let the flood drain and the counters tick past it before the load's "before".
    await sleep(1_500);

    // The load: RATE opens a second, each to a random door of a random cabinet.
    const latencies: number[] = [];
    const failures = new Map<string, number>();
    const before = { ...sys };
    const started = Date.now();
    const total = RATE * SECONDS;
    const opens: Promise<void>[] = [];
    for (let n = 0; n < total; n++) {
      const due = started + (n * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      const cabinet = ids[crypto.randomInt(CABINETS)];
      const door = `A-${String(1 + crypto.randomInt(DOORS)).padStart(2, "0")}`;
      const t = performance.now();
      opens.push(
        server.open({ controllerId: cabinet, lockerCode: "A", slotLabel: door, row: 0, column: 0 }).then(
          () => void latencies.push(performance.now() - t),
          (error: { code?: string }) => void failures.set(error.code ?? String(error), (failures.get(error.code ?? String(error)) ?? 0) + 1),
        ),
      );
    }
    const sent = Date.now();
    await Promise.all(opens);
    // The broker's counters are published each second: wait for a fresh reading.
    await sleep(1_200);
    const rate = (name: string) => {
      const [from, to] = [before[`$SYS/broker/publish/messages/${name}`], sys[`$SYS/broker/publish/messages/${name}`]];
      return from && to && to.at > from.at ? (to.value - from.value) / ((to.at - from.at) / 1000) : NaN;
    };
    const brokerIn = rate("received");
    const brokerOut = rate("sent");
    const lost = total - latencies.length;
    const p50 = percentile(latencies, 0.5);
    const p99 = percentile(latencies, 0.99);

    const f = (ms: number) => `${ms.toFixed(1)} ms`;
    console.log("");
    console.log(`opens: ${total} sent over ${((sent - started) / 1000).toFixed(1)} s (${RATE}/s), ${latencies.length} confirmed open by read back`);
    console.log(`  command → confirmed open   p50 ${f(p50)}   p99 ${f(p99)}   max ${f(Math.max(...latencies))}   (goal: p99 < 300 ms)`);
    console.log(`  lost (no confirmation): ${lost}${failures.size ? ` — ${[...failures].map(([code, n]) => `${code} ${n}`).join(", ")}` : ""}`);
    console.log(`  late (door-opened event after its command's notAfter): ${late} of ${checked} checked`);
    console.log(`  door events recorded: ${events}`);
    console.log(`broker: ${brokerIn.toFixed(0)} publishes/s in, ${brokerOut.toFixed(0)} out, ${(brokerIn + brokerOut).toFixed(0)} total during the load (its $SYS counters)`);
    console.log("");
    console.log("the same machine's limit, same run, same broker and processes:");
    console.log(`  bare MQTT QoS 1 publish → echo → receive   p50 ${f(baseline.p50)}   p99 ${f(baseline.p99)}   (${baseline.count} at ${RATE * 2}/s)`);
    console.log(`  raw QoS 0 messages through the broker: ${raw.toFixed(0)}/s (one publisher, one subscriber)`);
    console.log("");
    console.log("ratios:");
    console.log(`  open p50 / bare round trip p50: ${(p50 / baseline.p50).toFixed(1)}×   open p99 / bare p99: ${(p99 / baseline.p99).toFixed(1)}×`);
    console.log(`  broker load / raw capacity: ${(((brokerIn + brokerOut) / raw) * 100).toFixed(1)} %`);
    const ok = lost === 0 && late === 0 && p99 < 300;
    console.log(`\n${ok ? "PASS" : "FAIL"}: p99 ${p99 < 300 ? "<" : "≥"} 300 ms, ${lost} lost, ${late} late`);
    child.send("stop");
    await Promise.race([new Promise((resolve) => child!.once("exit", resolve)), sleep(5_000)]);
    await Promise.all([server.close(), watcher.end()]);
    clearTimeout(watchdog);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await cleanup();
  }
}

/** QoS 1 ping from this process, echoed by the cabinets' process, received here: the command path without the cabinet. */
async function roundTrip(connect: ReturnType<typeof mqttConnector>, count: number, rate: number) {
  const link = connect({ clientId: "bench-ping", persistentSession: false });
  const sentAt = new Map<string, number>();
  const times: number[] = [];
  link.onMessage((_topic, payload) => {
    const t = sentAt.get(payload);
    if (t !== undefined) times.push(performance.now() - t);
  });
  await connected(link);
  await link.subscribe(["bench/pong"], 1);
  const started = Date.now();
  for (let n = 0; n < count; n++) {
    const wait = started + (n * 1000) / rate - Date.now();
    if (wait > 0) await sleep(wait);
    const id = crypto.randomUUID();
    sentAt.set(id, performance.now());
    void link.publish("bench/ping", id, { qos: 1 });
  }
  for (let i = 0; i < 50 && times.length < count; i++) await sleep(100);
  await link.end();
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), count: times.length };
}

/** As many QoS 0 messages as one publisher gets through the broker to one subscriber in `ms`. */
async function rawThroughput(connect: ReturnType<typeof mqttConnector>, ms: number): Promise<number> {
  const publisher = connect({ clientId: "bench-flood-pub", persistentSession: false });
  const subscriber = connect({ clientId: "bench-flood-sub", persistentSession: false });
  let received = 0;
  subscriber.onMessage(() => received++);
  await Promise.all([connected(publisher), connected(subscriber)]);
  await subscriber.subscribe(["bench/flood"], 0);
  const payload = JSON.stringify({ v: 1, messageId: crypto.randomUUID(), padding: "x".repeat(120) });
  const started = performance.now();
  // Batches of 500 then a yield, so the subscriber's socket is read while we publish.
  while (performance.now() - started < ms) {
    for (let i = 0; i < 500; i++) void publisher.publish("bench/flood", payload, { qos: 0 });
    await sleep(0);
  }
  const elapsed = (performance.now() - started) / 1000;
  const count = received;
  await Promise.all([publisher.end(), subscriber.end()]);
  return count / elapsed;
}

if (process.argv[2] === "--cabinets") {
  cabinets(process.argv[3]).catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
