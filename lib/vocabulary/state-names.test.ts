import { describe, expect, test } from "vitest";
import en from "@/messages/en.json";
import { PARCEL_STATES } from "./states";

/*
 * The admin's state badge speaks both languages (components/admin/parcel-state-badge.tsx);
 * its English must stay the one name PARCEL_STATES gives each state, which the customer's
 * card shows, until that badge is worded through the message files as well.
 */
describe("the admin's state names", () => {
  test("are PARCEL_STATES' names in English", () => {
    expect(en.admin.parcels.states).toEqual(Object.fromEntries(Object.entries(PARCEL_STATES).map(([state, { name }]) => [state, name])));
  });
});
