import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { SimulatedDoorController, type DoorController } from "@/lib/cabinet/door-controller";

let controller: DoorController | undefined;

export function doorController(): DoorController {
  if (!controller) {
    const config = env();
    switch (config.DOOR_CONTROLLER) {
      case "simulated":
        controller = new SimulatedDoorController(jamsBeside(config.DATABASE_PATH));
        break;
    }
  }
  return controller;
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
