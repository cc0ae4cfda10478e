// Client-safe: browser code imports this (CLIENT_SAFE_MODULES, eslint.config.mjs); it imports only client-safe modules.
import type { OutboundState, ParcelState } from "@/db/enums";

/*
 * The one vocabulary of the three sides: a parcel's state and a door's condition each have
 * one name and one colour, and every screen — the customer's list, the courier's Today
 * list, the admin's tables and door grid, the kiosk's map — takes both from here. A door's
 * colour is the colour of the parcel state behind it (a door holding a parcel that is
 * ready for pickup is drawn in "ready for pickup" green), so the grid and the lists read
 * alike. Colour is never the only cue: every door condition also has a mark, and every
 * picture a legend. Text on each fill passes WCAG AA (4.5:1).
 */

export type Tone = {
  /** A pill or a filled cell: background and text. */
  fill: string;
  /** The edge of a door cell or a legend swatch. */
  border: string;
  /** A solid bar segment (occupancy bars), no text on it. */
  bar: string;
};

const TONES = {
  sky: { fill: "bg-sky-100 text-sky-950", border: "border-sky-700", bar: "bg-sky-500" },
  amber: { fill: "bg-amber-200 text-amber-950", border: "border-amber-700 border-dashed", bar: "bg-amber-400" },
  green: { fill: "bg-green-200 text-green-950", border: "border-green-800", bar: "bg-green-600" },
  red: { fill: "bg-red-200 text-red-950", border: "border-red-800", bar: "bg-red-600" },
  grey: { fill: "bg-gray-200 text-gray-900", border: "border-gray-500", bar: "bg-gray-400" },
  free: { fill: "bg-white text-gray-900", border: "border-gray-500", bar: "bg-white ring-1 ring-inset ring-gray-500" },
  hatched: {
    fill: "bg-gray-300 text-gray-950 bg-[repeating-linear-gradient(135deg,transparent_0_6px,rgba(255,255,255,.6)_6px_12px)]",
    border: "border-gray-700",
    bar: "bg-gray-500 bg-[repeating-linear-gradient(135deg,transparent_0_3px,rgba(255,255,255,.55)_3px_6px)]",
  },
  removed: { fill: "bg-slate-700 text-white", border: "border-slate-900 border-dashed", bar: "bg-slate-700" },
} satisfies Record<string, Tone>;

/** A parcel's state: its name on every side, and its colour. */
export const PARCEL_STATES: Record<ParcelState, { name: string; tone: Tone }> = {
  announced: { name: "On its way", tone: TONES.sky },
  reserved: { name: "Being deposited", tone: TONES.amber },
  deposited: { name: "Ready for pickup", tone: TONES.green },
  collected: { name: "Collected", tone: TONES.grey },
  expired: { name: "Expired", tone: TONES.red },
  returned: { name: "Returned to carrier", tone: TONES.grey },
  cancelled: { name: "Cancelled", tone: TONES.grey },
};

/** A cancelled parcel the courier handed to its recipient in person: not a state of its own, but never "cancelled" to the people who read it. */
export const HANDED_OVER = { name: "Handed over in person", tone: TONES.grey };

export const PARCEL_STATE_ORDER: ParcelState[] = ["announced", "reserved", "deposited", "collected", "expired", "returned", "cancelled"];

/** An outbound parcel's states (decision 0013) in the order a filter lists them: its lifecycle's. */
export const OUTBOUND_STATE_ORDER: OutboundState[] = ["created", "dropping_off", "dropped_off", "taken", "cancelled", "expired"];

/** What is behind a door, as the console and the courier see it. */
export type DoorCondition = "free" | "reserved" | "occupied" | "expired" | "out_of_service" | "retired";

/**
 * A door's condition: its name, its colour (that of the parcel state it holds), and a mark
 * drawn on the door so the grid reads without colour too.
 */
export const DOOR_CONDITIONS: Record<DoorCondition, { name: string; tone: Tone; mark: string }> = {
  free: { name: "Free", tone: TONES.free, mark: "" },
  reserved: { name: "Reserved", tone: TONES.amber, mark: "◐" },
  occupied: { name: "Occupied", tone: TONES.green, mark: "■" },
  expired: { name: "Expired", tone: TONES.red, mark: "!" },
  out_of_service: { name: "Out of service", tone: TONES.hatched, mark: "✕" },
  retired: { name: "Removed", tone: TONES.removed, mark: "–" },
};

export const DOOR_CONDITION_ORDER: DoorCondition[] = ["free", "reserved", "occupied", "expired", "out_of_service", "retired"];

/** The door a person is sent to (the kiosk's opened door, the courier's door to fill). */
export const YOUR_DOOR = { name: "Your door", fill: "bg-brand-600 text-white", border: "border-brand-900" };
