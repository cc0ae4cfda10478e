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
  /** Sends the open command; resolves when the controller confirmed the door open. */
  open(door: DoorAddress): Promise<void>;
  /**
   * True when the controller hears its cabinets (MQTT): a cabinet it has never heard from
   * cannot be opened, so assignment gives it nothing. The simulated controller has no
   * cabinets to hear and opens every door it is asked to.
   */
  readonly hearsCabinets?: boolean;
  /** What the cabinet last reported of this door; undefined when it has not said (or cannot). */
  reportedState?(door: DoorAddress): "open" | "closed" | "unknown" | undefined;
}

/** How a door is named in logs and to the simulated controller: "<controller>/<door label>". */
export function doorName(door: DoorAddress): string {
  return `${door.controllerId}/${door.slotLabel}`;
}

/**
 * Opens nothing, remembers what it was asked, so tests and the demo can see it. A door
 * `isJammed` names does not answer, like a lock board that is down: what the fault paths
 * (a courier's door that did not open, a kiosk's "try again") are rehearsed with.
 */
export class SimulatedDoorController implements DoorController {
  readonly opened: DoorAddress[] = [];
  failNext = 0;

  constructor(private readonly isJammed: (door: string) => boolean = () => false) {}

  async open(door: DoorAddress): Promise<void> {
    if (this.failNext > 0 || this.isJammed(doorName(door))) {
      if (this.failNext > 0) this.failNext -= 1;
      throw new Error(`Simulated controller ${door.controllerId} did not answer`);
    }
    this.opened.push(door);
  }
}
