/**
 * The one way the software moves a lock. The simulated controller is the default; a real
 * one (lock boards behind an MQTT or HTTP agent) implements the same interface and is
 * chosen in `lib/doors/index.ts` — pages and domain rules do not change.
 */
export type DoorAddress = {
  controllerId: string;
  lockerCode: string;
  slotLabel: string;
  row: number;
  column: number;
};

export interface DoorController {
  /** Sends the open command; resolves when the controller accepted it. */
  open(door: DoorAddress): Promise<void>;
}

/** Opens nothing, remembers what it was asked, so tests and the demo can see it. */
export class SimulatedDoorController implements DoorController {
  readonly opened: DoorAddress[] = [];
  failNext = 0;

  async open(door: DoorAddress): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error(`Simulated controller ${door.controllerId} did not answer`);
    }
    this.opened.push(door);
  }
}
