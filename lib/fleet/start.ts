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
  // A broker that is not there at start is otherwise heard of only when a door fails to open.
  const warning = setTimeout(() => {
    if (!controller.brokerConnected) {
      console.warn("cabinets: not connected to the cabinets' broker (MQTT_URL) 10 s after start; no door opens until it is. /api/health says when it is.");
    }
  }, BROKER_WARNING_MS);
  warning.unref();
}

const BROKER_WARNING_MS = 10_000;
