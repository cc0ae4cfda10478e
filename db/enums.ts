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

/** States in which a parcel's tracking number is taken (invariant 4): announced parcels count too. */
export const TRACKING_STATES = ["announced", ...LIVE_STATES] as const;

const sqlList = (states: readonly string[]) => `(${states.map((state) => `'${state}'`).join(", ")})`;

/**
 * The same lists as SQL text, `('reserved', 'deposited', 'expired')`, for raw SQL and for
 * prepared statements (cached by their text). The partial unique indexes of db/schema.ts
 * are built from them too, so the text must stay exactly what migration 0000 created.
 */
export const LIVE_STATES_SQL = sqlList(LIVE_STATES);
export const TRACKING_STATES_SQL = sqlList(TRACKING_STATES);

/**
 * The IANA time zone a site keeps when none is set: where the network began. A site's own
 * zone (sites.time_zone) says when its days start and how its times are shown.
 */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/**
 * What a door did: the software commanded it open, the controller did not answer that
 * command (open_failed, written after the fact), or the courier confirmed it closed.
 */
export const DOOR_EVENT_KINDS = ["open_command", "open_failed", "closed"] as const;
export type DoorEventKind = (typeof DOOR_EVENT_KINDS)[number];

/** The languages of screens and messages (lib/i18n/locales.ts); Chinese is the default. */
export const LOCALES = ["zh-CN", "en"] as const;
export const DEFAULT_LOCALE = "zh-CN" as const;
