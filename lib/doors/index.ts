import "server-only";
import fs from "node:fs";
import path from "node:path";
import { mqttConnector } from "@/lib/cabinet/link";
import { MqttDoorController } from "@/lib/cabinet/mqtt-door-controller";
import { env } from "@/lib/env";
import { SimulatedDoorController, type DoorController } from "@/lib/cabinet/door-controller";

// On globalThis: Next.js may load this module once for instrumentation.ts and again for the
// routes, and a process must hold ONE broker connection, whose reports reach both.
const CONTROLLER = Symbol.for("parcel-lockers.door-controller");
const held = globalThis as typeof globalThis & { [CONTROLLER]?: DoorController };

/** This process's door controller, chosen by DOOR_CONTROLLER: simulated (default) or mqtt. */
export function doorController(): DoorController {
  held[CONTROLLER] ??= createController();
  return held[CONTROLLER];
}

function createController(): DoorController {
  const config = env();
  switch (config.DOOR_CONTROLLER) {
    case "simulated":
      return new SimulatedDoorController(jamsBeside(config.DATABASE_PATH));
    case "mqtt":
      return new MqttDoorController(mqttConnector(config.MQTT_URL!, { username: config.MQTT_USERNAME, password: config.MQTT_PASSWORD }), {
        // Real time, not lib/clock's test offset: notAfter is read by the cabinet's own clock.
        commandTtlMs: config.CABINET_COMMAND_TTL_MS,
      });
  }
}

/**
 * The simulated controller's jammed doors: one empty file per door, named by the door
 * (encodeURIComponent of "<controller>/<door label>"), in `simulated-door-jams/` beside
 * the database. Touch a file to jam a door, delete it to free it — for rehearsing the
 * fault paths by hand, and for the browser tests that prove them.
 */
export function jamsBeside(databasePath: string): (door: string) => boolean {
  const dir = path.join(path.dirname(path.resolve(databasePath)), SIMULATED_JAMS_DIR);
  return (door) => fs.existsSync(path.join(dir, encodeURIComponent(door)));
}

export const SIMULATED_JAMS_DIR = "simulated-door-jams";
