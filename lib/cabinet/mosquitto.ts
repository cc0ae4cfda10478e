/*
 * Starts a private Mosquitto (Debian's `mosquitto`, MQTT 5) on a free port of 127.0.0.1
 * with a temporary configuration: for the integration tests and bench/doors.ts, which must
 * not depend on, or disturb, a broker the machine may already run.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type RunningBroker = { url: string; port: number; process: ChildProcess; stop: () => Promise<void> };

/** The mosquitto binary, or undefined when the machine has none (apt-get install mosquitto). */
export function mosquittoBinary(): string | undefined {
  for (const candidate of ["/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto"]) if (fs.existsSync(candidate)) return candidate;
  const found = spawnSync("sh", ["-c", "command -v mosquitto"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export async function startMosquitto(extraConfig: string[] = []): Promise<RunningBroker> {
  const binary = mosquittoBinary();
  if (!binary) throw new Error("mosquitto is not installed (apt-get install mosquitto)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mosquitto-"));
  const port = await freePort();
  const config = path.join(dir, "mosquitto.conf");
  fs.writeFileSync(
    config,
    [
      `listener ${port} 127.0.0.1`,
      "allow_anonymous true",
      "persistence false",
      // Commands are small and latency matters more than packet count.
      "set_tcp_nodelay true",
      // Queued QoS 1 messages for a cabinet that is away (each expires with its command anyway).
      "max_queued_messages 10000",
      "max_inflight_messages 100",
      "sys_interval 1",
      "log_dest none",
      ...extraConfig,
      "",
    ].join("\n"),
  );
  const child = spawn(binary, ["-c", config], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 5_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mosquitto exited (${child.exitCode}): ${stderr}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`mosquitto did not listen on ${port}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    process: child,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
