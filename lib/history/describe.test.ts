import { describe, expect, test } from "vitest";
import { DOOR_EVENT_KINDS, DOOR_OPEN_PURPOSES } from "@/db/enums";
import { describeDoorEvent } from "./describe";

describe("a door's history in words", () => {
  test("each purpose the software opens a door for reads as what happened", () => {
    expect(describeDoorEvent("open_command", "take_back", null)).toBe("Door opened to take the parcel back");
    expect(describeDoorEvent("open_command", "take_back_retry", null)).toBe("Door tried again to take the parcel back");
    expect(describeDoorEvent("open_command", "pickup_retry", null)).toBe("Door tried again for the customer's pickup");
    expect(describeDoorEvent("open_command", "pickup", null)).toBe("Door opened at the kiosk for pickup");
    expect(describeDoorEvent("open_command", "deposit", null)).toBe("Door opened for deposit");
  });

  test("an admin's words show only beside a remote open, so no stored string can pose as the software's reason", () => {
    expect(describeDoorEvent("open_command", "remote", "Parcel stuck")).toBe("Door opened remotely: Parcel stuck");
    expect(describeDoorEvent("open_command", "remote", "pickup retry")).toBe("Door opened remotely: pickup retry");
    expect(describeDoorEvent("open_command", "deposit", "take back retry")).toBe("Door opened for deposit");
    expect(describeDoorEvent("open_command", "remote", null)).toBe("Door opened remotely");
  });

  test("a failed open says why by the controller's code, and the cabinet's reports read as alarms", () => {
    expect(describeDoorEvent("open_failed", "pickup", null)).toBe("Door did not open: the controller did not answer");
    expect(describeDoorEvent("open_failed", "pickup", "CABINET_OFFLINE")).toBe("Door did not open: the cabinet is offline");
    expect(describeDoorEvent("open_failed", "deposit", "<script>")).toBe("Door did not open: the controller did not answer");
    expect(describeDoorEvent("forced_open", null, null)).toBe("Door forced open: it opened with no command");
    expect(describeDoorEvent("left_open", null, null)).toBe("Door left open");
    expect(describeDoorEvent("tamper", null, null)).toBe("Cabinet tamper alarm");
  });

  test("every kind and purpose has words of its own", () => {
    for (const kind of DOOR_EVENT_KINDS) expect(describeDoorEvent(kind, null, null)).toMatch(/^(Door|Cabinet) /);
    const opens = DOOR_OPEN_PURPOSES.map((purpose) => describeDoorEvent("open_command", purpose, null));
    expect(new Set(opens).size).toBe(DOOR_OPEN_PURPOSES.length);
  });
});
