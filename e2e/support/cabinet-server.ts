import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startMosquitto, type RunningBroker } from "../../lib/cabinet/mosquitto";

/*
 * The cabinet journeys' own world: a private Mosquitto, and a second app server (same
 * production build) with DOOR_CONTROLLER=mqtt on its own database and port (E2E_PORT + 100).
 * Started by the journey that needs it, so the rest of the suite keeps the simulated
 * controller and pays nothing for it.
 */

const root = path.resolve(__dirname, "../..");
export const CABINET_PORT = Number(process.env.E2E_PORT ?? 3100) + 100;
export const CABINET_URL = `http://127.0.0.1:${CABINET_PORT}`;

export type CabinetWorld = { broker: RunningBroker; server: ChildProcess; dataDir: string; stop: () => Promise<void> };

export async function startCabinetWorld(): Promise<CabinetWorld> {
  const broker = await startMosquitto();
  const dataDir = path.join(root, `.e2e-data-cabinets-${CABINET_PORT}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const env = {
    ...process.env,
    DATABASE_PATH: path.join(dataDir, "locker.db"),
    DEMO_DATA: "true",
    DEV_MAILBOX: "open",
    AUTH_TRUST_HOST: "true",
    TEST_CLOCK: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    DOOR_CONTROLLER: "mqtt",
    MQTT_URL: broker.url,
    PORT: String(CABINET_PORT),
    HOSTNAME: "127.0.0.1",
  };
  const setup = spawnSync(process.execPath, ["scripts/run-ts.mjs", "scripts/db-setup.ts"], { cwd: root, env, encoding: "utf8" });
  if (setup.status !== 0) throw new Error(`cabinet server: database setup failed: ${setup.stderr}`);
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
    stop: async () => {
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
 * sensor (so the deposit completes on the closed report alone), heartbeats every second.
 */
export function startCabinetAgent(world: CabinetWorld, controllerId: string, lockerCode: string, doors: number): ChildProcess {
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
      "1000",
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
