// Client-safe: browser code imports this (CLIENT_SAFE_MODULES, eslint.config.mjs); it imports only client-safe modules.
/*
 * The domain's fixed vocabularies. Kept apart from the table definitions so that client
 * components can use them (through lib/) without pulling drizzle into the browser.
 */
export const SIZES = ["S", "M", "L", "XL"] as const;
export type SlotSize = (typeof SIZES)[number];

export const ROLES = ["customer", "courier", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PARCEL_STATES = [
  "announced",
  "reserved",
  "deposited",
  "collected",
  "expired",
  "returned",
  "cancelled",
] as const;
export type ParcelState = (typeof PARCEL_STATES)[number];

/** States in which a parcel occupies its slot (DESIGN.md: "live"). */
export const LIVE_STATES = ["reserved", "deposited", "expired"] as const;

/**
 * What a door did: the software commanded it open, the controller did not answer that
 * command (open_failed, written after the fact), or the courier confirmed it closed.
 */
export const DOOR_EVENT_KINDS = ["open_command", "open_failed", "closed"] as const;
export type DoorEventKind = (typeof DOOR_EVENT_KINDS)[number];
