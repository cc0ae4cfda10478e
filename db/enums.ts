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

/**
 * A recipient's standing choice about lockers (lib/consent/rule.ts): lockers are fine, ask
 * me each time, never a locker (bring it to me).
 */
export const CONSENT_CHOICES = ["allow", "ask", "refuse"] as const;
export type ConsentChoice = (typeof CONSENT_CHOICES)[number];

/**
 * How a deposit's consent was given (parcel_consents.source):
 *   standing          — the recipient's recorded standing preference (or one of its exceptions);
 *   operator_default  — no preference recorded; the organization's default for such recipients allowed it;
 *   per_parcel        — the recipient answered this parcel's request (text link or app);
 *   phone_attested    — the courier attests the recipient agreed on the phone;
 *   carrier_supplied  — the carrier holds it (e.g. the sender chose this locker at checkout), with a reference;
 *   before_recording  — deposited before consent was recorded at all (migration backfill).
 */
export const CONSENT_SOURCES = [
  "standing",
  "operator_default",
  "per_parcel",
  "phone_attested",
  "carrier_supplied",
  "before_recording",
] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/** A consent request's life: waiting, then answered one of three ways, or ran out / withdrawn. */
export const CONSENT_REQUEST_STATUSES = ["pending", "granted", "in_person", "call_me", "expired", "cancelled"] as const;
export type ConsentRequestStatus = (typeof CONSENT_REQUEST_STATUSES)[number];

/** The recipient's one-tap answers to a consent request. */
export const CONSENT_ANSWERS = ["locker", "in_person", "call_me"] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];
