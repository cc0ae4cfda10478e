import { describe, expect, test } from "vitest";
import en from "@/messages/en.json";
import { HANDED_OVER, PARCEL_STATES } from "./states";

/*
 * The one state badge (components/parcels/state-badge.tsx), shown on the customer's card,
 * the courier's Today and the admin's lists, names each state in English as PARCEL_STATES
 * does, so the words of the screens and of lib/vocabulary never drift apart.
 */
describe("the state badge's names", () => {
  test("are PARCEL_STATES' names in English", () => {
    expect(en.parcelStates.badge).toEqual(Object.fromEntries(Object.entries(PARCEL_STATES).map(([state, { name }]) => [state, name])));
    expect(en.parcelStates.handedOver).toBe(HANDED_OVER.name);
  });
});
