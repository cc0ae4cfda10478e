import { describe, expect, test } from "vitest";
import { describeDoorEvent } from "./describe";

describe("a door's history in words", () => {
  test("the software's own open reasons read as what happened, never as raw strings", () => {
    expect(describeDoorEvent("open_command", "user", "take back")).toBe("Door opened to take the parcel back");
    expect(describeDoorEvent("open_command", "user", "take back retry")).toBe("Door tried again to take the parcel back");
    expect(describeDoorEvent("open_command", "kiosk", "pickup retry")).toBe("Door tried again for the customer's pickup");
  });

  test("an admin's remote open keeps their words; a kiosk's pickup and a deposit read as such", () => {
    expect(describeDoorEvent("open_command", "user", "Parcel stuck")).toBe("Door opened remotely: Parcel stuck");
    expect(describeDoorEvent("open_command", "kiosk", null)).toBe("Door opened at the kiosk for pickup");
    expect(describeDoorEvent("open_command", "user", null)).toBe("Door opened for deposit");
    expect(describeDoorEvent("open_failed", "kiosk", null)).toBe("Door did not open: the controller did not answer");
  });
});
