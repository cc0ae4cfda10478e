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
 * What a door did. The software commanded it open (open_command), the controller did not
 * confirm that command (open_failed, written after the fact), or a person confirmed it
 * closed (closed). A cabinet over MQTT reports the rest (lib/fleet/recorder.ts): a door
 * read back open (opened) or shut (closed), opened with no command (forced_open), open too
 * long (left_open), its sensor silent (sensor_unknown), the cabinet's tamper switch (tamper).
 */
export const DOOR_EVENT_KINDS = ["open_command", "open_failed", "closed", "opened", "forced_open", "left_open", "tamper", "sensor_unknown"] as const;
export type DoorEventKind = (typeof DOOR_EVENT_KINDS)[number];

/**
 * Why the software opened a door, on each open_command (and its open_failed): what an
 * admin's door history words, so it never shows a raw string. An admin's own words for a
 * remote open stay in door_events.reason beside "remote".
 */
export const DOOR_OPEN_PURPOSES = ["deposit", "pickup", "take_back", "pickup_retry", "take_back_retry", "remote", "drop_off", "outbound_pickup"] as const;
export type DoorOpenPurpose = (typeof DOOR_OPEN_PURPOSES)[number];

/** A cabinet's connection as its agent's retained status (and last will) says. */
export const CABINET_STATUSES = ["online", "offline"] as const;
export type CabinetStatus = (typeof CABINET_STATUSES)[number];

/** What an admin may mark on the forecast's calendar: days busier than their weekday. */
export const CALENDAR_DAY_KINDS = ["sales", "term_start"] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/*
 * The outbound direction (docs/decisions/0013-outbound-parcels.md): a parcel a customer drops
 * off for a carrier to take away — one they send, or a return a merchant or carrier set up.
 *
 *   created ──door opened at kiosk──▶ dropping_off ──door closed──▶ dropped_off ──carrier takes──▶ taken
 *      │ code not used in time            │ door window lapsed: back to created
 *      ▼                                  ▼
 *   expired / cancelled (by the customer, before drop-off)
 */
export const OUTBOUND_STATES = ["created", "dropping_off", "dropped_off", "taken", "cancelled", "expired"] as const;
export type OutboundState = (typeof OUTBOUND_STATES)[number];

/** States in which an outbound parcel holds its door: with LIVE_STATES, one live parcel per door. */
export const OUTBOUND_LIVE_STATES = ["dropping_off", "dropped_off"] as const;
/** States in which the drop-off code still opens something: single use, gone once the door is closed on it. */
export const OUTBOUND_CODE_STATES = ["created", "dropping_off"] as const;

export const OUTBOUND_KINDS = ["send", "return"] as const;
export type OutboundKind = (typeof OUTBOUND_KINDS)[number];

export const OUTBOUND_LIVE_STATES_SQL = sqlList(OUTBOUND_LIVE_STATES);
export const OUTBOUND_CODE_STATES_SQL = sqlList(OUTBOUND_CODE_STATES);

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

/** The languages of screens and messages (lib/i18n/locales.ts); Chinese is the default. */
export const LOCALES = ["zh-CN", "en"] as const;
export const DEFAULT_LOCALE = "zh-CN" as const;
