import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import {
  CABINET_STATUSES,
  CALENDAR_DAY_KINDS,
  CONSENT_CHOICES,
  CONSENT_REQUEST_STATUSES,
  CONSENT_SOURCES,
  DEFAULT_LOCALE,
  DEFAULT_TIME_ZONE,
  DOOR_EVENT_KINDS,
  DOOR_OPEN_PURPOSES,
  LIVE_STATES_SQL,
  LOCALES,
  OUTBOUND_CODE_STATES_SQL,
  OUTBOUND_KINDS,
  OUTBOUND_LIVE_STATES_SQL,
  OUTBOUND_STATES,
  PARCEL_STATES,
  ROLES,
  SIZES,
  TRACKING_STATES_SQL,
} from "./enums";

/*
 * The whole domain of DESIGN.md in one schema. Times are integer milliseconds since the
 * epoch (UTC): they sort, compare and subtract without parsing, and the domain's clock
 * (ctx.now) is a number too.
 *
 * The invariants live here, not in code:
 *   1. slot_live_parcel_unique      — a slot holds at most one live parcel
 *   2. parcels_slot_fits_* triggers — right site, big enough, in service (migration 0001)
 *   3. pickup_code_live_unique      — a code is unique among the live parcels of a site
 *   4. tracking_live_unique         — a carrier's tracking number names one live parcel
 *   5. same triggers as 2           — an out-of-service slot is never assigned
 */

export {
  SIZES,
  ROLES,
  PARCEL_STATES,
  LIVE_STATES,
  LIVE_STATES_SQL,
  TRACKING_STATES,
  TRACKING_STATES_SQL,
  DOOR_EVENT_KINDS,
  DOOR_OPEN_PURPOSES,
  CABINET_STATUSES,
  DEFAULT_TIME_ZONE,
  OUTBOUND_STATES,
  OUTBOUND_LIVE_STATES,
  OUTBOUND_LIVE_STATES_SQL,
  OUTBOUND_CODE_STATES,
  OUTBOUND_CODE_STATES_SQL,
  OUTBOUND_KINDS,
  CONSENT_CHOICES,
  CONSENT_SOURCES,
  CONSENT_REQUEST_STATUSES,
  CONSENT_ANSWERS,
} from "./enums";
export type {
  SlotSize,
  Role,
  ParcelState,
  DoorEventKind,
  DoorOpenPurpose,
  CabinetStatus,
  OutboundState,
  OutboundKind,
  ConsentChoice,
  ConsentSource,
  ConsentRequestStatus,
  ConsentAnswer,
} from "./enums";

/** `in ${LIVE_STATES_IN}`: the live states as a drizzle SQL fragment. */
export const LIVE_STATES_IN = sql.raw(LIVE_STATES_SQL);
const createdAt = () => integer("created_at").notNull();

export const organizations = sqliteTable("organizations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  // The language of its screens and messages when a person has chosen none and their
  // browser asks for none we speak (lib/i18n/resolve.ts); zh-CN on a Chinese campus.
  defaultLocale: text("default_locale", { enum: LOCALES }).notNull().default(DEFAULT_LOCALE),
  createdAt: createdAt(),
  // What couriers may do for a recipient who recorded no preference (lib/consent/rule.ts).
  // "allow" keeps today's behaviour and is recorded as source operator_default, so the
  // compliance view counts those deposits apart from real standing consent.
  consentDefault: text("consent_default", { enum: CONSENT_CHOICES }).notNull().default("allow"),
}, (t) => [check("organizations_default_locale", sql`${t.defaultLocale} in ('zh-CN', 'en')`)]);

export const slotSizes = sqliteTable(
  "slot_sizes",
  {
    size: text("size", { enum: SIZES }).primaryKey(),
    rank: integer("rank").notNull().unique(),
    widthMm: integer("width_mm").notNull(),
    heightMm: integer("height_mm").notNull(),
    depthMm: integer("depth_mm").notNull(),
  },
  (t) => [check("slot_sizes_rank", sql`${t.rank} between 1 and 4`)],
);

export const sites = sqliteTable(
  "sites",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    address: text("address").notNull(),
    latitude: real("latitude").notNull(),
    longitude: real("longitude").notNull(),
    openingHours: text("opening_hours").notNull(),
    holdPeriodHours: integer("hold_period_hours").notNull().default(72),
    status: text("status", { enum: ["open", "closed"] }).notNull().default("open"),
    // IANA name ("Europe/Berlin"): when the site's days start, how its times read. The
    // names are checked against Intl where sites are created or edited (lib/sites/schemas.ts).
    timeZone: text("time_zone").notNull().default(DEFAULT_TIME_ZONE),
    // The kiosk's language, and that of messages to recipients without an account; null
    // follows the organization's default_locale.
    defaultLocale: text("default_locale", { enum: LOCALES }),
    createdAt: createdAt(),
  },
  (t) => [
    index("sites_organization").on(t.organizationId),
    check("sites_time_zone", sql`${t.timeZone} <> ''`),
    check("sites_default_locale", sql`${t.defaultLocale} is null or ${t.defaultLocale} in ('zh-CN', 'en')`),
    check("sites_status", sql`${t.status} in ('open', 'closed')`),
    check("sites_hold_period", sql`${t.holdPeriodHours} between 1 and 720`),
    check("sites_latitude", sql`${t.latitude} between -90 and 90`),
    check("sites_longitude", sql`${t.longitude} between -180 and 180`),
  ],
);

export const lockers = sqliteTable(
  "lockers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    code: text("code").notNull(),
    controllerId: text("controller_id").notNull(),
    rows: integer("rows").notNull(),
    columns: integer("columns").notNull(),
    createdAt: createdAt(),
    // Set when the cabinet leaves its site. A cabinet with history is retired rather
    // than deleted, so the parcels and door events that name its doors keep them
    // (docs/decisions/0004-admin-console.md); triggers refuse it while a door holds a parcel.
    retiredAt: integer("retired_at"),
  },
  (t) => [
    uniqueIndex("lockers_site_code").on(t.siteId, t.code),
    check("lockers_shape", sql`${t.rows} between 1 and 20 and ${t.columns} between 1 and 40`),
  ],
);

export const slots = sqliteTable(
  "slots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Denormalised from the locker so that assignment is one index range per site and so
    // that the fit trigger can compare a parcel's site with its slot's without a join.
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    lockerId: integer("locker_id")
      .notNull()
      .references(() => lockers.id),
    label: text("label").notNull(),
    row: integer("row").notNull(),
    column: integer("column").notNull(),
    size: text("size", { enum: SIZES })
      .notNull()
      .references(() => slotSizes.size),
    sizeRank: integer("size_rank").notNull(),
    // How hard the door is to reach: 0 for the rows at chest height, growing towards the
    // floor and the top. Assignment prefers low reach (DESIGN.md: middle rows first).
    reach: integer("reach").notNull(),
    // Height above the ground of the door's bottom edge (the compartment's floor, where the
    // parcel lies), the same for every door of its row; null when nobody measured it. A door
    // is within reach when it lies in the reach band (lib/slots/reach.ts,
    // docs/decisions/0018-doors-within-reach.md); a door of unknown height never is.
    bottomMm: integer("bottom_mm"),
    inService: integer("in_service", { mode: "boolean" }).notNull().default(true),
    outOfServiceReason: text("out_of_service_reason"),
    createdAt: createdAt(),
    // Set when the door is removed for good (or its cabinet is). A retired door is out of
    // service for ever — a trigger refuses putting it back — and counts in no occupancy.
    retiredAt: integer("retired_at"),
    // The locker's code, copied here by triggers (migration 0020) so that best fit's whole
    // order lies in one index (slots_assignment); never written by the app.
    lockerCode: text("locker_code"),
  },
  (t) => [
    uniqueIndex("slots_locker_position").on(t.lockerId, t.row, t.column),
    uniqueIndex("slots_site_label").on(t.siteId, t.label),
    // Best fit's whole order (lib/slots/assignment.ts), so the free-door query walks the
    // doors in order and stops at the first free one instead of sorting every candidate.
    index("slots_assignment").on(t.siteId, t.inService, t.sizeRank, t.reach, t.lockerCode, t.row, t.column),
    check(
      "slots_size_rank",
      sql`${t.sizeRank} = case ${t.size} when 'S' then 1 when 'M' then 2 when 'L' then 3 when 'XL' then 4 end`,
    ),
    check("slots_reason", sql`${t.inService} = 1 or ${t.outOfServiceReason} is not null`),
  ],
);

export const carriers = sqliteTable("carriers", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  contactPhone: text("contact_phone"),
  /** Where the carrier shows a waybill's progress, with {waybill} in place of the number (decision 0013). */
  trackingUrl: text("tracking_url"),
  createdAt: createdAt(),
});

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    email: text("email").unique(),
    // A phone number belongs to an account only once its owner proved it (users_verified_phone):
    // an unconfirmed sign-up holds nothing, so it cannot squat the owner's number.
    phone: text("phone"),
    phoneVerifiedAt: integer("phone_verified_at"),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    organizationId: integer("organization_id").references(() => organizations.id),
    carrierId: integer("carrier_id").references(() => carriers.id),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    preferredSiteId: integer("preferred_site_id").references(() => sites.id),
    // The language the person chose (the switch on every page); null: not chosen yet, so
    // the cookie, the browser or the organization decides, and messages use the site's.
    locale: text("locale", { enum: LOCALES }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_verified_phone")
      .on(t.phone)
      .where(sql`${t.phoneVerifiedAt} is not null`),
    index("users_phone").on(t.phone),
    check("users_role", sql`${t.role} in ('customer', 'courier', 'admin')`),
    check("users_locale", sql`${t.locale} is null or ${t.locale} in ('zh-CN', 'en')`),
    check("users_contact", sql`${t.email} is not null or ${t.phone} is not null`),
    check("users_courier_carrier", sql`(${t.role} = 'courier') = (${t.carrierId} is not null)`),
    check("users_admin_org", sql`${t.role} <> 'admin' or ${t.organizationId} is not null`),
  ],
);

/**
 * One row per sign-in. The session cookie names its row; a request is signed in only while
 * the row is open, so signing out, a password change and a deactivation end a session at
 * once instead of when its cookie expires (a JWT alone cannot be taken back).
 */
export const userSessions = sqliteTable(
  "user_sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: integer("expires_at").notNull(),
    endedAt: integer("ended_at"),
  },
  (t) => [index("user_sessions_user").on(t.userId, t.endedAt), index("user_sessions_expires").on(t.expiresAt)],
);

/** The sites a courier may serve. */
export const courierSites = sqliteTable(
  "courier_sites",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.siteId] }), index("courier_sites_site").on(t.siteId)],
);

export const kiosks = sqliteTable(
  "kiosks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    name: text("name").notNull(),
    createdAt: createdAt(),
    // An admin lifted this kiosk's slow-down (audited): wrong codes before it no longer count.
    attemptsClearedAt: integer("attempts_cleared_at"),
  },
  (t) => [uniqueIndex("kiosks_site_name").on(t.siteId, t.name)],
);

/**
 * A screen waiting to be paired by its code (lib/kiosk/pairing-codes.ts). The screen
 * already holds its device token in a cookie; an admin who types the code it shows turns
 * that token into a kiosk token (`tokenHash` moves to api_tokens) and the row goes.
 */
export const kioskPairingRequests = sqliteTable(
  "kiosk_pairing_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    /** What the screen shows and the admin types; only as secret as the screen is public. */
    code: text("code").notNull().unique(),
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    /** Pushed on while the screen showing the code keeps asking for its page, up to a hard limit. */
    expiresAt: integer("expires_at").notNull(),
    /**
     * A keyed hash of the address the request came from (never the address itself): the
     * page is public, so each address may keep only a few requests waiting at once.
     */
    requestedBy: text("requested_by"),
  },
  (t) => [
    index("kiosk_pairing_requests_site").on(t.siteId, t.expiresAt),
    index("kiosk_pairing_requests_requested_by").on(t.requestedBy, t.expiresAt),
  ],
);

export const parcels = sqliteTable(
  "parcels",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    carrierId: integer("carrier_id")
      .notNull()
      .references(() => carriers.id),
    trackingNumber: text("tracking_number").notNull(),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    slotId: integer("slot_id").references(() => slots.id),
    state: text("state", { enum: PARCEL_STATES }).notNull(),
    // The size the courier declared, and the rank of the slot it got; they differ when
    // the fitting size was full and the parcel was upsized.
    size: text("size", { enum: SIZES }).notNull(),
    sizeRank: integer("size_rank").notNull(),
    upsized: integer("upsized", { mode: "boolean" }).notNull().default(false),
    // The recipient asked for doors within reach and the assignment kept to them; a trigger
    // refuses any door of this parcel outside the reach band (migration 0016).
    withinReach: integer("within_reach", { mode: "boolean" }).notNull().default(false),
    recipientPhone: text("recipient_phone").notNull(),
    recipientName: text("recipient_name"),
    recipientEmail: text("recipient_email"),
    courierId: integer("courier_id").references(() => users.id),
    // HMAC-SHA256(key, site:code): enough to look a code up, useless without the key.
    pickupCodeHash: text("pickup_code_hash"),
    // AES-256-GCM of the code, so the owner can be shown it again.
    pickupCodeCipher: text("pickup_code_cipher"),
    reservedUntil: integer("reserved_until"),
    depositedAt: integer("deposited_at"),
    expiresAt: integer("expires_at"),
    holdExtended: integer("hold_extended", { mode: "boolean" }).notNull().default(false),
    reminderQueuedAt: integer("reminder_queued_at"),
    closedAt: integer("closed_at"),
    // The courier keeps this (announced) parcel to hand over in person: the recipient said
    // "bring it to me", or refuses lockers. It shows as a task in the courier's Today list.
    deliverInPersonAt: integer("deliver_in_person_at"),
    // When the courier handed it to its recipient in person: the parcel is then cancelled (it
    // never went into a locker), and every screen says "handed over" rather than "cancelled".
    handedOverAt: integer("handed_over_at"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    // Invariant 1.
    uniqueIndex("slot_live_parcel_unique")
      .on(t.slotId)
      .where(sql`${t.state} in ${LIVE_STATES_IN}`),
    // Invariant 3.
    uniqueIndex("pickup_code_live_unique")
      .on(t.siteId, t.pickupCodeHash)
      .where(sql`${t.state} in ${LIVE_STATES_IN} and ${t.pickupCodeHash} is not null`),
    // Invariant 4 — announced parcels count too: a pre-advised tracking number is taken.
    uniqueIndex("tracking_live_unique")
      .on(t.carrierId, t.trackingNumber)
      .where(sql`${t.state} in ${sql.raw(TRACKING_STATES_SQL)}`),
    index("parcels_tracking").on(t.trackingNumber),
    index("parcels_recipient_phone").on(t.recipientPhone, t.createdAt),
    index("parcels_site_state").on(t.siteId, t.state, t.expiresAt),
    // The forecast reads a site's last eight weeks of deposits (lib/forecast/load.ts).
    index("parcels_site_deposited").on(t.siteId, t.depositedAt),
    // A site's parcels by when they left their door (live parcels have no closed_at and sort
    // first): the dashboard's median wait, answered by the index alone (collected in the last
    // 14 days, from deposit to collection), and its forecast charts (in a door at some time in
    // the last 24 hours: collected or returned since). Issue 19.
    index("parcels_site_closed").on(t.siteId, t.closedAt, t.state, t.depositedAt),
    index("parcels_carrier_state").on(t.carrierId, t.state),
    // The background round's sweep, every 10 s across every site: reservations past their
    // time, and parcels past or near their deadline. Without these it read every parcel the
    // network ever had, three times a round, on the event loop (16 ms at 47,000 parcels).
    // Partial: they hold the live parcels of one state only, keyed by a time near now, so a
    // group's writes share their last page. Issue 19.
    index("parcels_reserved_until")
      .on(t.reservedUntil)
      .where(sql`${t.state} = 'reserved'`),
    index("parcels_deposited_expires")
      .on(t.expiresAt)
      .where(sql`${t.state} = 'deposited'`),
    check(
      "parcels_state",
      sql`${t.state} in ('announced', 'reserved', 'deposited', 'collected', 'expired', 'returned', 'cancelled')`,
    ),
    check(
      "parcels_size_rank",
      sql`${t.sizeRank} = case ${t.size} when 'S' then 1 when 'M' then 2 when 'L' then 3 when 'XL' then 4 end`,
    ),
    check("parcels_live_has_slot", sql`${t.state} not in ${LIVE_STATES_IN} or ${t.slotId} is not null`),
    check(
      "parcels_code_when_deposited",
      sql`${t.state} not in ('deposited', 'expired') or (${t.pickupCodeHash} is not null and ${t.expiresAt} is not null)`,
    ),
  ],
);

/** The parcel's timeline and audit trail: one row per change, written in the same transaction. */
export const parcelEvents = sqliteTable(
  "parcel_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    parcelId: integer("parcel_id")
      .notNull()
      .references(() => parcels.id),
    at: integer("at").notNull(),
    kind: text("kind").notNull(),
    fromState: text("from_state", { enum: PARCEL_STATES }),
    toState: text("to_state", { enum: PARCEL_STATES }),
    actorUserId: integer("actor_user_id").references(() => users.id),
    actorKind: text("actor_kind", { enum: ["user", "kiosk", "system", "device"] }).notNull(),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    slotId: integer("slot_id").references(() => slots.id),
    detail: text("detail"),
  },
  (t) => [
    index("parcel_events_parcel").on(t.parcelId, t.at),
    // The dashboard's 14 days of deposits and collections per site, without reading a year
    // of events: the index alone answers it (issue 19). Only events that move a parcel: the
    // others (a door opened, an incident) are a quarter of all, and no read asks for them by
    // state. Each entry costs a WAL page per row (keyed by site first), so none is wasted.
    index("parcel_events_site_state_at")
      .on(t.siteId, t.toState, t.at)
      .where(sql`${t.toState} is not null`),
  ],
);

/** Every open command and door-closed confirmation, whoever asked (DESIGN.md: doors). */
export const doorEvents = sqliteTable(
  "door_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slotId: integer("slot_id")
      .notNull()
      .references(() => slots.id),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    parcelId: integer("parcel_id").references(() => parcels.id),
    // The outbound parcel the door was opened or closed for (decision 0013), when it was one.
    outboundParcelId: integer("outbound_parcel_id").references(() => outboundParcels.id),
    kind: text("kind", { enum: DOOR_EVENT_KINDS }).notNull(),
    // Why the software opened the door (open_command, open_failed); admins read it worded.
    purpose: text("purpose", { enum: DOOR_OPEN_PURPOSES }),
    actorUserId: integer("actor_user_id").references(() => users.id),
    actorKind: text("actor_kind", { enum: ["user", "kiosk", "system", "device"] }).notNull(),
    // An admin's own words for a remote open; the software's reasons are the purpose.
    reason: text("reason"),
    // The cabinet's message id of a reported event: QoS 1 may deliver it twice, it is recorded once.
    messageId: text("message_id"),
    at: integer("at").notNull(),
  },
  (t) => [
    index("door_events_slot").on(t.slotId, t.at),
    index("door_events_site").on(t.siteId, t.at),
    uniqueIndex("door_events_message").on(t.messageId),
  ],
);

/**
 * Each cabinet's connection as the server last heard it (lib/fleet/presence.ts): its
 * agent's retained status (the broker publishes "offline", its last will, when the link
 * drops) and its heartbeats. Offline, or silent for three heartbeats, gets no new parcels.
 * A controller never heard from has no row (the simulated controller's cabinets).
 */
export const cabinetPresence = sqliteTable("cabinet_presence", {
  controllerId: text("controller_id").primaryKey(),
  status: text("status", { enum: CABINET_STATUSES }).notNull(),
  // The agent's session at its last "online"; a will from an older session is stale.
  session: text("session"),
  lastSeenAt: integer("last_seen_at").notNull(),
  heartbeatIntervalMs: integer("heartbeat_interval_ms"),
  // When the status last changed: "offline since".
  changedAt: integer("changed_at").notNull(),
});

/** Every code entered at a kiosk, right or wrong: the guessing limits count these. */
export const pickupAttempts = sqliteTable(
  "pickup_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    kioskId: integer("kiosk_id")
      .notNull()
      .references(() => kiosks.id),
    outcome: text("outcome", { enum: ["opened", "wrong", "expired", "locked_out"] }).notNull(),
    parcelId: integer("parcel_id").references(() => parcels.id),
    at: integer("at").notNull(),
  },
  (t) => [
    index("pickup_attempts_kiosk").on(t.kioskId, t.outcome, t.at),
    index("pickup_attempts_site").on(t.siteId, t.outcome, t.at),
  ],
);

/**
 * The outbox. A message is rendered when it is sent, not when it is queued, so the table
 * never holds a working pickup code in clear text.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").notNull(),
    parcelId: integer("parcel_id").references(() => parcels.id),
    userId: integer("user_id").references(() => users.id),
    channel: text("channel", { enum: ["sms", "email"] }).notNull(),
    recipient: text("recipient").notNull(),
    payload: text("payload").notNull().default("{}"),
    // skipped: the worker found the message no longer true (a pickup notice for a parcel
    // collected meanwhile) and sent nothing.
    status: text("status", { enum: ["queued", "sent", "failed", "skipped"] }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    lastError: text("last_error"),
    sentAt: integer("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_due").on(t.status, t.nextAttemptAt),
    index("notifications_parcel").on(t.parcelId),
    // At most one "collect today, a crunch is coming" reminder per parcel and channel
    // (lib/forecast/reminders.ts), whatever the rounds that look for one do.
    uniqueIndex("notifications_crunch_reminder_once")
      .on(t.parcelId, t.channel)
      .where(sql`${t.kind} = 'crunch_reminder'`),
  ],
);

/**
 * The development mailbox: what the built-in transport "delivered" (every SMS, and email
 * when no SMTP server is configured), so the demo works without a gateway. The body is
 * AES-GCM encrypted with the pickup-code key, like the code itself: a deposit message
 * carries a working code, and a copy of the database alone must not give one.
 */
export const mailboxMessages = sqliteTable(
  "mailbox_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    notificationId: integer("notification_id")
      .notNull()
      .references(() => notifications.id),
    channel: text("channel", { enum: ["sms", "email"] }).notNull(),
    recipient: text("recipient").notNull(),
    parcelId: integer("parcel_id").references(() => parcels.id),
    userId: integer("user_id").references(() => users.id),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    bodyCipher: text("body_cipher").notNull(),
    deliveredAt: integer("delivered_at").notNull(),
  },
  (t) => [
    // A worker that crashed between delivering and marking sent delivers again; the
    // mailbox keeps one copy.
    uniqueIndex("mailbox_messages_notification").on(t.notificationId),
    index("mailbox_messages_recipient").on(t.recipient, t.deliveredAt),
    index("mailbox_messages_parcel").on(t.parcelId),
  ],
);

/**
 * One-time codes that prove a customer holds their phone. The code is kept as an HMAC to
 * check it and as an AES-GCM copy for the outbox to render at send time; the copy is
 * erased once the code is used or replaced.
 */
export const phoneVerifications = sqliteTable(
  "phone_verifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    phone: text("phone").notNull(),
    codeHash: text("code_hash").notNull(),
    codeCipher: text("code_cipher"),
    expiresAt: integer("expires_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    verifiedAt: integer("verified_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("phone_verifications_user").on(t.userId, t.createdAt),
    check("phone_verifications_attempts", sql`${t.attempts} >= 0`),
  ],
);

/** Admin actions that are not parcel transitions (site edits, slot repairs, remote opens). */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    actorUserId: integer("actor_user_id").references(() => users.id),
    action: text("action").notNull(),
    subject: text("subject").notNull(),
    detail: text("detail"),
    at: integer("at").notNull(),
  },
  (t) => [
    index("audit_log_org").on(t.organizationId, t.at),
    // A door's page reads the changes of that door (and of its locker) among all of the
    // organization's audit rows (lib/slots/admin-slots.ts getSlotDetail).
    index("audit_log_subject").on(t.subject, t.at),
  ],
);

/**
 * Credentials of devices and carriers' systems for /api/v1, separate from browser
 * sessions. A carrier token acts as one courier account (its carrier and the sites it
 * serves); a kiosk token as one kiosk. Only a SHA-256 of the token is kept: tokens are
 * 256-bit random, so a slow hash adds nothing.
 */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    scope: text("scope", { enum: ["carrier", "kiosk"] }).notNull(),
    courierId: integer("courier_id").references(() => users.id),
    kioskId: integer("kiosk_id").references(() => kiosks.id),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters, so an admin can tell tokens apart without seeing them. */
    prefix: text("prefix").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [
    index("api_tokens_org").on(t.organizationId, t.createdAt),
    check(
      "api_tokens_scope",
      sql`(${t.scope} = 'carrier' and ${t.courierId} is not null and ${t.kioskId} is null) or (${t.scope} = 'kiosk' and ${t.kioskId} is not null and ${t.courierId} is null)`,
    ),
  ],
);

/**
 * The first answer to each Idempotency-Key of a token, errors included, so a retried write
 * gets the same answer and never a second effect.
 */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenId: integer("token_id")
      .notNull()
      .references(() => apiTokens.id),
    key: text("key").notNull(),
    /** Method, path and body hash: the same key with another request is refused. */
    fingerprint: text("fingerprint").notNull(),
    status: integer("status").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("idempotency_keys_token_key").on(t.tokenId, t.key), index("idempotency_keys_created").on(t.createdAt)],
);

/**
 * Days an admin marked as busier than their weekday (a sales festival, term start), for one
 * site or, with no site, every site of the organization. The forecast lifts the expected
 * arrivals of a marked day by the lift it measured on earlier marked days of the same kind
 * (docs/decisions/0014-occupancy-forecast.md).
 */
export const forecastCalendarDays = sqliteTable(
  "forecast_calendar_days",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: integer("organization_id")
      .notNull()
      .references(() => organizations.id),
    siteId: integer("site_id").references(() => sites.id, { onDelete: "cascade" }),
    /** "2026-11-11", read in the site's time zone. */
    day: text("day").notNull(),
    kind: text("kind", { enum: CALENDAR_DAY_KINDS }).notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    // One mark per day and place; an organization-wide mark has no site, and SQLite's unique
    // indexes let NULLs repeat, so it has an index of its own.
    uniqueIndex("forecast_calendar_days_site_day").on(t.siteId, t.day).where(sql`${t.siteId} is not null`),
    uniqueIndex("forecast_calendar_days_org_day").on(t.organizationId, t.day).where(sql`${t.siteId} is null`),
    check("forecast_calendar_days_kind", sql`${t.kind} in ('sales', 'term_start')`),
    check("forecast_calendar_days_day", sql`${t.day} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`),
  ],
);

/**
 * Each site's latest forecast, as the background round computed it: hour by hour for the
 * next 48 hours, per door size (lib/forecast). One row per site, replaced whole.
 */
export const siteForecasts = sqliteTable("site_forecasts", {
  siteId: integer("site_id")
    .primaryKey()
    .references(() => sites.id, { onDelete: "cascade" }),
  computedAt: integer("computed_at").notNull(),
  /** The SiteForecast of lib/forecast/model.ts as JSON. */
  body: text("body").notNull(),
});

/**
 * The outbound direction (docs/decisions/0013-outbound-parcels.md): a parcel a customer drops
 * off for a carrier to take away. A table of its own — its lifecycle, people and code are not
 * an inbound parcel's — that shares the doors with `parcels`: each table has its own partial
 * unique index on the doors its live rows hold, and hand-written triggers (migration 0012)
 * refuse a live row in either table for a door the other holds, so a door holds one live
 * parcel whichever the direction.
 */
export const outboundParcels = sqliteTable(
  "outbound_parcels",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: OUTBOUND_KINDS }).notNull(),
    carrierId: integer("carrier_id")
      .notNull()
      .references(() => carriers.id),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    slotId: integer("slot_id").references(() => slots.id),
    state: text("state", { enum: OUTBOUND_STATES }).notNull(),
    size: text("size", { enum: SIZES }).notNull(),
    sizeRank: integer("size_rank").notNull(),
    upsized: integer("upsized", { mode: "boolean" }).notNull().default(false),
    /** Who drops it off: their phone's last 4 digits go with the code, as for a pickup. */
    senderPhone: text("sender_phone").notNull(),
    senderUserId: integer("sender_user_id").references(() => users.id),
    /** Where a sent parcel goes; a return goes back to its merchant, whom the carrier knows. */
    recipientName: text("recipient_name"),
    recipientPhone: text("recipient_phone"),
    recipientAddress: text("recipient_address"),
    /** The sender declared the contents are not on the prohibited list, at this time. */
    declaredAt: integer("declared_at"),
    /** A return's order reference, as the merchant knows it. */
    orderReference: text("order_reference"),
    /** The courier (or carrier system) that created a return. */
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    // As a pickup code (decision 0001): a keyed hash to look up, an encrypted copy to show.
    dropOffCodeHash: text("drop_off_code_hash"),
    dropOffCodeCipher: text("drop_off_code_cipher"),
    codeExpiresAt: integer("code_expires_at").notNull(),
    /** While dropping off: when the open door lapses back to "created". */
    doorOpenUntil: integer("door_open_until"),
    waybillNumber: text("waybill_number"),
    /** The carrier's quoted price in the smallest unit of the currency (fen); no payment runs here. */
    quotedPriceCents: integer("quoted_price_cents"),
    droppedOffAt: integer("dropped_off_at"),
    takenAt: integer("taken_at"),
    takenByUserId: integer("taken_by_user_id").references(() => users.id),
    /** Set once an admin was alerted that the carrier has not taken it in time. */
    overdueAlertedAt: integer("overdue_alerted_at"),
    closedAt: integer("closed_at"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    // Invariant 1 within the direction; the triggers of migration 0012 across directions.
    uniqueIndex("outbound_slot_live_unique")
      .on(t.slotId)
      .where(sql`${t.state} in ${sql.raw(OUTBOUND_LIVE_STATES_SQL)}`),
    // Invariant 3 for drop-off codes.
    uniqueIndex("outbound_code_live_unique")
      .on(t.siteId, t.dropOffCodeHash)
      .where(sql`${t.state} in ${sql.raw(OUTBOUND_CODE_STATES_SQL)}`),
    uniqueIndex("outbound_waybill_unique")
      .on(t.carrierId, t.waybillNumber)
      .where(sql`${t.waybillNumber} is not null`),
    index("outbound_carrier_state").on(t.carrierId, t.state, t.siteId),
    index("outbound_sender").on(t.senderPhone, t.createdAt),
    index("outbound_site_state").on(t.siteId, t.state),
    // The background round's outbound sweep, as parcels_reserved_until is the parcels' one:
    // each holds the shipments of one state only, so the sweep reads those, not every one.
    index("outbound_dropping_off_until")
      .on(t.doorOpenUntil)
      .where(sql`${t.state} = 'dropping_off'`),
    index("outbound_created_code_expires")
      .on(t.codeExpiresAt)
      .where(sql`${t.state} = 'created'`),
    index("outbound_dropped_off_unalerted")
      .on(t.droppedOffAt)
      .where(sql`${t.state} = 'dropped_off' and ${t.overdueAlertedAt} is null`),
    check(
      "outbound_state",
      sql`${t.state} in ('created', 'dropping_off', 'dropped_off', 'taken', 'cancelled', 'expired')`,
    ),
    check("outbound_kind", sql`${t.kind} in ('send', 'return')`),
    check(
      "outbound_size_rank",
      sql`${t.sizeRank} = case ${t.size} when 'S' then 1 when 'M' then 2 when 'L' then 3 when 'XL' then 4 end`,
    ),
    check(
      "outbound_live_has_slot",
      sql`${t.state} not in ${sql.raw(OUTBOUND_LIVE_STATES_SQL)} or ${t.slotId} is not null`,
    ),
    check(
      "outbound_code_when_open",
      sql`${t.state} not in ${sql.raw(OUTBOUND_CODE_STATES_SQL)} or ${t.dropOffCodeHash} is not null`,
    ),
    check(
      "outbound_send_has_recipient",
      sql`${t.kind} <> 'send' or (${t.recipientName} is not null and ${t.recipientPhone} is not null and ${t.recipientAddress} is not null and ${t.declaredAt} is not null)`,
    ),
    check("outbound_return_has_order", sql`${t.kind} <> 'return' or ${t.orderReference} is not null`),
    check("outbound_price", sql`${t.quotedPriceCents} is null or ${t.quotedPriceCents} >= 0`),
  ],
);

/** An outbound parcel's timeline: one row per change, written in the same transaction. */
export const outboundEvents = sqliteTable(
  "outbound_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    outboundParcelId: integer("outbound_parcel_id")
      .notNull()
      .references(() => outboundParcels.id),
    at: integer("at").notNull(),
    kind: text("kind").notNull(),
    fromState: text("from_state", { enum: OUTBOUND_STATES }),
    toState: text("to_state", { enum: OUTBOUND_STATES }),
    actorUserId: integer("actor_user_id").references(() => users.id),
    actorKind: text("actor_kind", { enum: ["user", "kiosk", "system", "device"] }).notNull(),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    slotId: integer("slot_id").references(() => slots.id),
    detail: text("detail"),
  },
  (t) => [index("outbound_events_parcel").on(t.outboundParcelId, t.at)],
);

/**
 * The carriers that take outbound parcels at a site: the admin's per-carrier, per-site
 * setting. A row is "accepts"; no row is "does not".
 */
export const outboundCarrierSites = sqliteTable(
  "outbound_carrier_sites",
  {
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    carrierId: integer("carrier_id")
      .notNull()
      .references(() => carriers.id, { onDelete: "cascade" }),
    enabledBy: integer("enabled_by").references(() => users.id),
    enabledAt: integer("enabled_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.carrierId] })],
);

/**
 * A recipient's standing choice about lockers, by phone (recipients are known by phone and
 * may have no account). `exceptions` is a JSON list checked by lib/consent/preferences.ts;
 * `awayUntil` is the last local day ("2026-12-10") couriers should hold parcels.
 */
export const consentPreferences = sqliteTable(
  "consent_preferences",
  {
    phone: text("phone").primaryKey(),
    standing: text("standing", { enum: CONSENT_CHOICES }).notNull(),
    exceptions: text("exceptions").notNull().default("[]"),
    awayUntil: text("away_until"),
    updatedAt: integer("updated_at").notNull(),
    updatedByUserId: integer("updated_by_user_id").references(() => users.id),
  },
  (t) => [
    check("consent_preferences_standing", sql`${t.standing} in ('allow', 'ask', 'refuse')`),
  ],
);

/**
 * Recipients who asked for doors within reach (wheelchair users and others who cannot reach
 * high or low doors), by phone as couriers know them. A row means yes; turning it off deletes
 * the row, so the assignment of everyone else looks up an absent key and nothing more.
 */
export const reachNeeds = sqliteTable("reach_needs", {
  phone: text("phone").primaryKey(),
  updatedAt: integer("updated_at").notNull(),
  updatedByUserId: integer("updated_by_user_id").references(() => users.id),
});

/**
 * A courier's question to a recipient about one parcel. Answered once, by a signed link or
 * in the app; the token is derived from this row, so nothing secret is stored.
 */
export const consentRequests = sqliteTable(
  "consent_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    parcelId: integer("parcel_id")
      .notNull()
      .references(() => parcels.id),
    recipientPhone: text("recipient_phone").notNull(),
    status: text("status", { enum: CONSENT_REQUEST_STATUSES }).notNull().default("pending"),
    /** Why the rule did not allow the locker: "ask" or "refuse" and its reason. */
    reason: text("reason").notNull(),
    requestedByUserId: integer("requested_by_user_id").references(() => users.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at").notNull(),
    sentAt: integer("sent_at"),
    answeredAt: integer("answered_at"),
    answeredByUserId: integer("answered_by_user_id").references(() => users.id),
  },
  (t) => [
    // One open question per parcel: a courier's retry finds it instead of texting twice.
    uniqueIndex("consent_requests_one_pending").on(t.parcelId).where(sql`${t.status} = 'pending'`),
    index("consent_requests_phone").on(t.recipientPhone, t.createdAt),
    check(
      "consent_requests_status",
      sql`${t.status} in ('pending', 'granted', 'in_person', 'call_me', 'expired', 'cancelled')`,
    ),
  ],
);

/**
 * How the recipient's consent to a locker was given, one row per parcel that got a door.
 * Written in the reservation's transaction; a trigger refuses any deposit without one, and
 * rows are never changed or deleted (migration 0010, hand-written part).
 */
export const parcelConsents = sqliteTable(
  "parcel_consents",
  {
    parcelId: integer("parcel_id")
      .primaryKey()
      .references(() => parcels.id),
    source: text("source", { enum: CONSENT_SOURCES }).notNull(),
    requestId: integer("request_id").references(() => consentRequests.id),
    /** The courier who attested a phone call, or who reserved under standing consent. */
    attestedByUserId: integer("attested_by_user_id").references(() => users.id),
    /** The carrier's own reference for consent it holds; what the rule matched otherwise. */
    reference: text("reference"),
    recordedAt: integer("recorded_at").notNull(),
  },
  (t) => [
    index("parcel_consents_source").on(t.source),
    check(
      "parcel_consents_source",
      sql`${t.source} in ('standing', 'operator_default', 'per_parcel', 'phone_attested', 'carrier_supplied', 'before_recording')`,
    ),
    check("parcel_consents_attested", sql`${t.source} <> 'phone_attested' or ${t.attestedByUserId} is not null`),
    check("parcel_consents_reference", sql`${t.source} <> 'carrier_supplied' or ${t.reference} is not null`),
    check("parcel_consents_request", sql`${t.source} <> 'per_parcel' or ${t.requestId} is not null`),
  ],
);

/**
 * A recipient's standing trusted person (代收人), by the recipient's phone like their consent
 * preferences: every parcel deposited for that phone gets a second pickup code for them
 * (lib/trusted/*). One per recipient; removing it revokes the codes it gave.
 */
export const trustedPersons = sqliteTable(
  "trusted_persons",
  {
    recipientPhone: text("recipient_phone").primaryKey(),
    phone: text("phone").notNull(),
    name: text("name"),
    updatedAt: integer("updated_at").notNull(),
    updatedByUserId: integer("updated_by_user_id").references(() => users.id),
  },
  (t) => [check("trusted_persons_not_self", sql`${t.phone} <> ${t.recipientPhone}`)],
);

export const TRUSTED_PICKUP_STATUSES = ["active", "revoked", "used", "ended"] as const;
export type TrustedPickupStatus = (typeof TRUSTED_PICKUP_STATUSES)[number];

/**
 * A trusted person named for one parcel — for that parcel alone, or from the standing one
 * at deposit — with their own pickup code (decision 0001: keyed hash to look up, cipher to
 * text it). The code exists once the parcel is deposited; it opens the door only while the
 * row is active, and the row stops being active for good when revoked, used, or when its
 * parcel leaves the locker (triggers in migration 0015).
 */
export const trustedPickups = sqliteTable(
  "trusted_pickups",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    parcelId: integer("parcel_id")
      .notNull()
      .references(() => parcels.id),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    phone: text("phone").notNull(),
    name: text("name"),
    source: text("source", { enum: ["standing", "parcel"] }).notNull(),
    status: text("status", { enum: TRUSTED_PICKUP_STATUSES }).notNull().default("active"),
    codeHash: text("code_hash"),
    codeCipher: text("code_cipher"),
    createdAt: integer("created_at").notNull(),
    createdByUserId: integer("created_by_user_id").references(() => users.id),
    /** When it stopped being active (revoked, used or ended), and who revoked it. */
    closedAt: integer("closed_at"),
    revokedBy: text("revoked_by", { enum: ["recipient", "trusted_person"] }),
  },
  (t) => [
    // One trusted person per parcel at a time.
    uniqueIndex("trusted_pickups_one_active").on(t.parcelId).where(sql`${t.status} = 'active'`),
    // Invariant 3 for the second code: unique among the site's working trusted codes (and,
    // by trigger, never equal to a live parcel's own code).
    uniqueIndex("trusted_pickups_code_active_unique")
      .on(t.siteId, t.codeHash)
      .where(sql`${t.status} = 'active' and ${t.codeHash} is not null`),
    index("trusted_pickups_phone").on(t.phone, t.createdAt),
    check("trusted_pickups_status", sql`${t.status} in ('active', 'revoked', 'used', 'ended')`),
    check("trusted_pickups_source", sql`${t.source} in ('standing', 'parcel')`),
    check("trusted_pickups_code_pair", sql`(${t.codeHash} is null) = (${t.codeCipher} is null)`),
    check("trusted_pickups_closed", sql`(${t.status} = 'active') = (${t.closedAt} is null)`),
    check("trusted_pickups_revoked_by", sql`(${t.status} = 'revoked') = (${t.revokedBy} is not null)`),
  ],
);
