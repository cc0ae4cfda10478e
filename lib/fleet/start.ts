import "server-only";
import { appContext } from "@/lib/app-context";
import { doorController } from "@/lib/doors";
import { MqttDoorController } from "@/lib/cabinet/mqtt-door-controller";
import { cabinetRecorder } from "./recorder";

const STARTED = Symbol.for("parcel-lockers.cabinet-recorder");
const held = globalThis as typeof globalThis & { [STARTED]?: boolean };

/**
 * With DOOR_CONTROLLER=mqtt: connects this process to the cabinets' broker and records
 * every report (door events, statuses, heartbeats) into the database. Once per process
 * (instrumentation.ts), before the first request, so the retained statuses and door
 * states the broker sends on subscribing are heard too. Nothing with the simulated controller.
 */
export function startCabinetRecorder(): void {
  if (held[STARTED]) return;
  const controller = doorController();
  if (!(controller instanceof MqttDoorController)) return;
  held[STARTED] = true;
  controller.listen(cabinetRecorder(() => appContext({ kind: "system" })));
}
