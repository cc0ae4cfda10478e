import "server-only";
import { env } from "@/lib/env";
import { SimulatedDoorController, type DoorController } from "./door-controller";

let controller: DoorController | undefined;

export function doorController(): DoorController {
  if (!controller) {
    switch (env().DOOR_CONTROLLER) {
      case "simulated":
        controller = new SimulatedDoorController();
        break;
    }
  }
  return controller;
}
