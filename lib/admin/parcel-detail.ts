import "server-only";
import { consentRecordOf, type ConsentRecordView } from "@/lib/consent/record";
import { desc, eq, sql } from "drizzle-orm";
import { notifications } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { describeActor, describeParcelEvent, historyEntry, parseDetail, type HistoryRow } from "@/lib/history/describe";
import { idOrNotFound } from "@/lib/auth/organization-scope";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { loadVisibleParcel } from "@/lib/parcels/access";
import { pickupDoorNotOpened, type DoorNotOpened } from "@/lib/parcels/door-status";
import { takeBackProgress } from "@/lib/parcels/take-back";
import type { IncidentKind } from "@/lib/parcels/schemas";
import { toParcelView, type ParcelView } from "@/lib/parcels/view";
import { collectedByTrustedPerson } from "@/lib/trusted/trusted-persons";
import { storedPickupCode } from "@/lib/pickup-codes/stored";

export type TimelineEntry = {
  key: string;
  at: number;
  source: "parcel" | "door";
  kind: string;
  summary: string;
  actor: string;
  slot: string | null;
  /** For lifecycle steps: the state the parcel moved into. */
  toState: string | null;
};

/** A message to the recipient about this parcel, and what became of it. */
export type ParcelMessageStatus = {
  id: number;
  kind: string;
  channel: "sms" | "email";
  recipient: string;
  status: "queued" | "sent" | "failed" | "skipped";
  attempts: number;
  lastError: string | null;
  queuedAt: number;
  sentAt: number | null;
};

export type AdminParcelDetail = ParcelView & {
  recipientEmail: string | null;
  courier: string | null;
  incidents: { kind: IncidentKind; note: string; at: number; by: string }[];
  timeline: TimelineEntry[];
  /** Newest first. */
  messages: ParcelMessageStatus[];
  can: { extendHold: boolean; cancel: boolean; reportIncident: boolean; resendCode: boolean };
  /** Waiting, but its code cannot be read with this server's keys: sending it again issues a new one. */
  codeLost: boolean;
  /** Marked collected, but its door did not open: the parcel is still inside. */
  doorNotOpened: DoorNotOpened | null;
  /** How the recipient's consent to the locker was given (issue 16); null when it never got a door. */
  consent: ConsentRecordView | null;
  /** A take-back whose door was opened and that its courier has not confirmed yet. */
  takeBack: { courier: string | null; startedAt: number; doorOpened: boolean } | null;
  /** The trusted person (代收人) who collected it with their own code, if one did. */
  collectedBy: { name: string | null; maskedPhone: string } | null;
};

/**
 * A parcel of the admin's organization with its whole timeline — every lifecycle event,
 * note and door event, oldest first, in `locale` (English by default, as the tests read
 * it) — the messages sent to its recipient, and which actions apply now. Admins only;
 * another organization's parcel is NOT_FOUND.
 */
export function getParcelDetail(ctx: Ctx, parcelIdParam: unknown, locale: Locale = "en"): AdminParcelDetail {
  requireAdmin(ctx);
  const parcel = loadVisibleParcel(ctx, idOrNotFound(parcelIdParam, "That parcel"));
  const view = toParcelView(ctx, parcel);
  const rows = ctx.db.all<HistoryRow>(sql`
    select * from (
      select 'parcel' as source, e.id, e.at, e.kind, e.actor_kind as actorKind, u.name as actorName,
             s.label as slot, e.detail, e.to_state as toState, null as purpose
      from parcel_events e left join users u on u.id = e.actor_user_id left join slots s on s.id = e.slot_id
      where e.parcel_id = ${parcel.id}
      union all
      select 'door', d.id, d.at, d.kind, d.actor_kind, u.name, s.label, d.reason, null, d.purpose
      from door_events d left join users u on u.id = d.actor_user_id join slots s on s.id = d.slot_id
      where d.parcel_id = ${parcel.id}
    )
    -- Steps written in one commit share a millisecond; put them in the order they happen.
    order by at, case kind when 'announced' then 0 when 'reserved' then 1 when 'reassigned' then 1
                           when 'open_command' then 2 when 'open_failed' then 2 when 'closed' then 3 else 4 end, id`);
  const timeline: TimelineEntry[] = rows.map((row) => historyEntry(locale, row, () => describeParcelEvent(locale, row.kind, parseDetail(row.detail))));
  const incidents = rows
    .filter((row) => row.source === "parcel" && (row.kind === "incident_lost" || row.kind === "incident_damaged"))
    .map((row) => ({
      kind: row.kind.replace("incident_", "") as IncidentKind,
      note: String(parseDetail(row.detail).note ?? ""),
      at: row.at,
      by: describeActor(locale, row.actorKind, row.actorName),
    }));
  const courier = parcel.courierId
    ? (ctx.db.get<{ name: string }>(sql`select name from users where id = ${parcel.courierId}`)?.name ?? null)
    : null;
  const messages = ctx.db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      channel: notifications.channel,
      recipient: notifications.recipient,
      status: notifications.status,
      attempts: notifications.attempts,
      lastError: notifications.lastError,
      queuedAt: notifications.createdAt,
      sentAt: notifications.sentAt,
    })
    .from(notifications)
    .where(eq(notifications.parcelId, parcel.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .all();
  const now = ctx.now();
  const waiting = parcel.state === "deposited" && parcel.expiresAt! > now;
  const progress = takeBackProgress(ctx, parcel);
  return {
    ...view,
    recipientEmail: parcel.recipientEmail,
    courier,
    consent: consentRecordOf(ctx, parcel.id, locale),
    incidents,
    timeline,
    messages,
    can: {
      resendCode: waiting,
      extendHold: waiting && !parcel.holdExtended,
      cancel: parcel.state === "announced" || parcel.state === "reserved",
      reportIncident: parcel.state !== "announced" && parcel.state !== "cancelled",
    },
    codeLost: waiting && storedPickupCode(ctx.keys, parcel) === null,
    doorNotOpened: pickupDoorNotOpened(ctx, parcel),
    collectedBy: collectedByTrustedPerson(ctx, parcel.id),
    takeBack: progress
      ? {
          courier:
            progress.courierId === null
              ? null
              : (ctx.db.get<{ name: string }>(sql`select name from users where id = ${progress.courierId}`)?.name ?? null),
          startedAt: progress.startedAt,
          doorOpened: progress.doorOpened,
        }
      : null,
  };
}
