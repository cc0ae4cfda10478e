import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { connect } from "mqtt";
import { closeDomain } from "./domain";
import { startMosquitto, type RunningBroker } from "../../lib/cabinet/mosquitto";
import { topic, type Reply } from "../../lib/cabinet/protocol";

/*
 * The cabinet journeys' own world: a private Mosquitto, and a second app server (same
 * production build) with DOOR_CONTROLLER=mqtt on its own database and port (E2E_PORT + 100).
 * Started by the journey that needs it, so the rest of the suite keeps the simulated
 * controller and pays nothing for it.
 */

const root = path.resolve(__dirname, "../..");
export const CABINET_PORT = Number(process.env.E2E_PORT ?? 3100) + 100;
export const CABINET_URL = `http://127.0.0.1:${CABINET_PORT}`;

/** The cabinet server's CABINET_COMMAND_TTL_MS: a command's notAfter is its issuedAt plus this. */
export const COMMAND_TTL_MS = 3000;

export type CabinetWorld = { broker: RunningBroker; server: ChildProcess; dataDir: string; database: string; stop: () => Promise<void> };

export async function startCabinetWorld(): Promise<CabinetWorld> {
  const broker = await startMosquitto();
  const dataDir = path.join(root, `.e2e-data-cabinets-${CABINET_PORT}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const database = path.join(dataDir, "locker.db");
  const env = {
    ...process.env,
    DATABASE_PATH: database,
    DEMO_DATA: "true",
    DEV_MAILBOX: "open",
    AUTH_TRUST_HOST: "true",
    TEST_CLOCK: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    DOOR_CONTROLLER: "mqtt",
    MQTT_URL: broker.url,
    // Short, so a journey proves an unanswered open in seconds: the server gives up after
    // this plus 2 s, and the cabinet drops the command as expired when it reads it later.
    CABINET_COMMAND_TTL_MS: String(COMMAND_TTL_MS),
    PORT: String(CABINET_PORT),
    HOSTNAME: "127.0.0.1",
  };
  const setup = spawnSync(process.execPath, ["scripts/run-ts.mjs", "scripts/db-setup.ts"], { cwd: root, env, encoding: "utf8" });
  if (setup.status !== 0) throw new Error(`cabinet server: database setup failed: ${setup.stderr}`);
  // Whoever already answers on the port (a server an earlier run left behind) would take
  // this journey's requests with another build and database: refuse to start instead.
  if (await fetch(`${CABINET_URL}/api/health`).then(() => true, () => false)) {
    throw new Error(`cabinet server: something already listens on ${CABINET_URL}; stop it (or set E2E_PORT) and run again`);
  }
  const server = spawn(process.execPath, ["scripts/server.mjs"], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`cabinet server exited with ${server.exitCode}`);
    const up = await fetch(`${CABINET_URL}/api/health`).then((response) => response.ok, () => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error("cabinet server did not start in 2 minutes");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    broker,
    server,
    dataDir,
    database,
    stop: async () => {
      closeDomain(database);
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        await exited;
      }
      await broker.stop();
    },
  };
}

/**
 * `npm run cabinet` for one locker added in the console (controller sim-<site>-<code>),
 * on simulated boards whose doors a person shuts 1.5 s after they open, with no occupancy
 * sensor (so the deposit completes on the closed report alone), heartbeats every second
 * unless `heartbeatMs` says otherwise.
 */
export function startCabinetAgent(world: CabinetWorld, controllerId: string, lockerCode: string, doors: number, heartbeatMs = 1000): ChildProcess {
  return spawn(
    process.execPath,
    [
      "scripts/run-ts.mjs",
      "scripts/cabinet.ts",
      "--controller",
      controllerId,
      "--broker",
      world.broker.url,
      "--board",
      "simulated",
      "--locker",
      lockerCode,
      "--doors",
      String(doors),
      "--state-dir",
      path.join(world.dataDir, `cabinet-${controllerId}`),
      "--heartbeat-ms",
      String(heartbeatMs),
      "--poll-ms",
      "200",
      "--auto-close-ms",
      "1500",
      "--no-occupancy",
    ],
    // Its own process group: run-ts.mjs starts the agent as a child, and killing only the
    // parent would leave the agent heartbeating. killCabinetAgent ends the whole group.
    { cwd: root, stdio: ["ignore", "inherit", "inherit"], detached: true },
  );
}

/** Kills the agent as a crash or a pulled plug would: no goodbye, so the broker sends its will. */
export function killCabinetAgent(agent: ChildProcess): void {
  // A killed agent has a signalCode, not an exitCode; a group already gone is ESRCH.
  if (agent.pid === undefined || agent.exitCode !== null || agent.signalCode !== null) return;
  try {
    process.kill(-agent.pid, "SIGKILL");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/**
 * Pauses the agent (SIGSTOP to its process group) as a hung cabinet computer would: its
 * connection stays up, so the broker still hands it commands, but nothing reads them until
 * `resume`. The returned function resumes it (SIGCONT); calling it again does nothing.
 */
export function pauseCabinetAgent(agent: ChildProcess): () => void {
  process.kill(-agent.pid!, "SIGSTOP");
  let paused = true;
  return () => {
    if (!paused) return;
    paused = false;
    process.kill(-agent.pid!, "SIGCONT");
  };
}

/**
 * Everything a cabinet answers the server from now on, heard on the broker as a third
 * party: how a journey sees what the cabinet did with a command the server gave up on.
 */
export async function watchReplies(world: CabinetWorld, controllerId: string): Promise<{ replies: Reply[]; close: () => Promise<void> }> {
  const client = connect(world.broker.url, { protocolVersion: 5, clientId: `e2e-watch-${crypto.randomUUID()}`, clean: true, reconnectPeriod: 1000 });
  const replies: Reply[] = [];
  client.on("message", (_name, payload) => replies.push(JSON.parse(payload.toString()) as Reply));
  await new Promise<void>((resolve, reject) => {
    client.once("connect", () => resolve());
    client.once("error", reject);
  });
  await client.subscribeAsync(topic(controllerId, "reply"), { qos: 1 });
  return { replies, close: () => client.endAsync() };
}
