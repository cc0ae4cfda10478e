import "server-only";
import { z } from "zod";
import { CONSENT_REQUEST_STATUSES, DOOR_OPEN_PURPOSES, OUTBOUND_KINDS, OUTBOUND_STATES, PARCEL_STATES, SIZES } from "@/db/enums";
import type { WaitingOutbound } from "@/lib/outbound/carrier";
import type { CreatedReturn } from "@/lib/outbound/create";
import type { OutboundView } from "@/lib/outbound/view";
import type { CollectResult } from "@/lib/parcels/collect";
import type { DepositResult } from "@/lib/parcels/deposit";
import type { Reassigned } from "@/lib/parcels/reassign";
import type { RetryDoorResult } from "@/lib/parcels/retry-door";
import type { ReserveResult } from "@/lib/parcels/reserve";
import type { ParcelTimeline } from "@/lib/parcels/timeline";
import type { ParcelView } from "@/lib/parcels/view";
import type { SiteSummary } from "@/lib/courier/sites";
import type { CourierForecast } from "@/lib/forecast/courier";
import type { ConsentRequestView } from "@/lib/parcels/consent-requests";

/*
 * The bodies /api/v1 answers with, for the OpenAPI document. Objects are strict (no
 * additional properties): a field a verb starts returning is documented first, and a
 * test (lib/api/handler.test.ts) validates every real answer against the document — so
 * nothing, a code or a hash least of all, leaves the API undocumented. The type checks at
 * the bottom keep each schema equal to its verb's result type.
 */

const Size = z.enum(SIZES);
const ParcelState = z.enum(PARCEL_STATES);
/** The named bodies, the document's components.schemas (openapi.ts). */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

/** Epoch milliseconds. */
const Time = z.number().int();

const ParcelViewBody = z
  .strictObject({
    id: z.number().int(),
    trackingNumber: z.string(),
    state: ParcelState,
    size: Size,
    upsized: z.boolean().describe("The parcel is in a door larger than its size (the fitting size was full)"),
    withinReach: z
      .boolean()
      .describe("The recipient asked for doors within reach, and the parcel's door is one: its bottom edge is 380-1220 mm above the ground"),
    carrier: z.strictObject({ id: z.number().int(), code: z.string(), name: z.string(), contactPhone: z.string().nullable() }),
    site: z.strictObject({ id: z.number().int(), code: z.string(), name: z.string(), address: z.string(), openingHours: z.string(), timeZone: z.string().describe("The IANA time zone the site keeps, e.g. Asia/Shanghai") }),
    slot: z
      .strictObject({ id: z.number().int(), label: z.string(), lockerCode: z.string(), row: z.number().int(), column: z.number().int(), size: Size })
      .nullable(),
    recipientPhone: z.string(),
    recipientName: z.string().nullable(),
    reservedUntil: Time.nullable(),
    depositedAt: Time.nullable(),
    expiresAt: Time.nullable(),
    holdExtended: z.boolean(),
    closedAt: Time.nullable(),
    handedOverAt: Time.nullable().describe("When the courier handed the parcel to its recipient in person; its state is then cancelled (it never went into a locker)"),
    createdAt: Time,
  })
  .register(apiSchemas, { id: "Parcel" });

const Replayed = z.boolean().describe("true when the same operation had already happened: the first result, nothing done again");
const DoorOpened = z.boolean().describe("Whether the controller accepted the open command; false means ask the person and offer a retry");

export const SiteList = z.strictObject({
  sites: z.array(
    z
      .strictObject({
        id: z.number().int(),
        code: z.string(),
        name: z.string(),
        address: z.string(),
        latitude: z.number(),
        longitude: z.number(),
        openingHours: z.string(),
        status: z.enum(["open", "closed"]),
        free: z.strictObject({ S: z.number().int(), M: z.number().int(), L: z.number().int(), XL: z.number().int() }).describe("Free doors per size now"),
      })
      .register(apiSchemas, { id: "Site" }),
  ),
});

export const SiteForecastBody = z.strictObject({
  siteId: z.number().int(),
  timeZone: z.string().describe("The site's IANA time zone: its hours are these"),
  computedAt: Time,
  likelyFullBy: z
    .strictObject({ at: Time, size: Size })
    .nullable()
    .describe("The first hour within the next 24 that a door size is more likely full than not; null when none is"),
  sizes: z.array(
    z.strictObject({
      size: Size,
      doors: z.number().int().describe("Doors of this size in service"),
      occupiedNow: z.number().int(),
      hours: z
        .array(
          z
            .strictObject({
              at: Time,
              mean: z.number().describe("Expected occupied doors"),
              low: z.number().describe("80 % band, lower edge"),
              high: z.number().describe("80 % band, upper edge"),
              pFull: z.number().describe("Chance that every door of this size is taken, 0–1"),
            })
            .register(apiSchemas, { id: "ForecastHour" }),
        )
        .describe("Now, then the start of each of the next 48 hours on the site's clock"),
    }),
  ),
});

export const ParcelWithReplay = z.strictObject({ parcel: ParcelViewBody, replayed: Replayed });
export const ParcelWithDoor = z.strictObject({ parcel: ParcelViewBody, replayed: Replayed, doorOpened: DoorOpened });
export const ReassignedParcel = z.strictObject({ parcel: ParcelViewBody, doorOpened: DoorOpened });
export const CancelledParcel = z.strictObject({ parcel: ParcelViewBody });

export const DoorRetry = z
  .strictObject({
    slot: z.strictObject({ label: z.string(), lockerCode: z.string() }),
    doorOpened: DoorOpened,
    canRetry: z.boolean().describe("Whether one more try of this door is allowed"),
  })
  .register(apiSchemas, { id: "DoorRetry" });

export const Collection = z.strictObject({
  parcelId: z.number().int(),
  slot: z.strictObject({ id: z.number().int(), label: z.string(), lockerCode: z.string(), row: z.number().int(), column: z.number().int() }),
  doorOpened: DoorOpened,
});

export const Timeline = z.strictObject({
  parcel: ParcelViewBody,
  entries: z.array(
    z
      .strictObject({
        key: z.string(),
        at: Time,
        source: z.enum(["parcel", "door"]),
        kind: z.string(),
        fromState: ParcelState.nullable(),
        toState: ParcelState.nullable(),
        slotLabel: z.string().nullable(),
        previousSlotLabel: z.string().nullable(),
        reason: z.string().nullable(),
        purpose: z.enum(DOOR_OPEN_PURPOSES).nullable().describe("Why the software opened the door (door commands only)"),
        size: Size.nullable(),
        upsized: z.boolean(),
        inPerson: z.boolean().describe("A cancellation because the courier handed the parcel to its recipient in person"),
        actor: z.enum(["you", "customer", "courier", "admin", "kiosk", "system", "device"]),
      })
      .register(apiSchemas, { id: "TimelineEntry" }),
  ),
});

/** A consent request as a carrier polls it (GET /consent-requests/{requestId}). */
export const ConsentRequest = z.strictObject({
  id: z.number().int(),
  status: z.enum(CONSENT_REQUEST_STATUSES).describe("pending; granted (reserve again: the door is assigned); in_person or call_me (the recipient's answer); expired; cancelled"),
  reason: z.string().describe('Why consent was needed: "ask:standing", "refuse:away", …'),
  sentAt: Time.nullable(),
  answeredAt: Time.nullable(),
  expiresAt: Time,
  parcel: z.strictObject({
    id: z.number().int(),
    state: z.string(),
    trackingNumber: z.string(),
    size: z.string(),
    siteId: z.number().int(),
    siteName: z.string(),
    carrierName: z.string(),
    recipientPhone: z.string(),
    recipientName: z.string().nullable(),
    recipientEmail: z.string().nullable(),
    deliverInPerson: z.boolean(),
  }),
});

/** An outbound parcel (decision 0013) as the carrier's systems see it: never its drop-off code. */
const OutboundBody = z
  .strictObject({
    id: z.number().int(),
    kind: z.enum(OUTBOUND_KINDS).describe("send: a customer's own shipment; return: one a merchant set up through the carrier"),
    state: z.enum(OUTBOUND_STATES),
    stateLabel: z.string(),
    carrierId: z.number().int(),
    carrierName: z.string(),
    siteId: z.number().int(),
    siteName: z.string(),
    size: Size,
    slotLabel: z.string().nullable().describe("The door it is in (or being put in); null before drop-off and after"),
    recipientName: z.string().nullable(),
    recipientAddress: z.string().nullable(),
    orderReference: z.string().nullable(),
    waybillNumber: z.string().nullable(),
    trackingLink: z.string().nullable(),
    quotedPriceCents: z.number().int().nullable().describe("The carrier's quoted price in fen, if it gave one; no payment runs here"),
    codeExpiresAt: Time,
    droppedOffAt: Time.nullable(),
    takenAt: Time.nullable(),
    createdAt: Time,
  })
  .register(apiSchemas, { id: "OutboundParcel" });

export const OutboundList = z.strictObject({
  outbound: z.array(
    z
      .strictObject({ ...OutboundBody.shape, overdue: z.boolean().describe("In the locker longer than the time a carrier is given to take it") })
      .register(apiSchemas, { id: "WaitingOutboundParcel" }),
  ),
});
export const OutboundWithReplay = z.strictObject({ shipment: OutboundBody, replayed: Replayed });
export const OutboundDoor = z.strictObject({ shipment: OutboundBody, doorOpened: DoorOpened });

// Typed as any schema: a union of nine schemas' own `register` methods cost the type check
// 32 s of its 66 (tsc --generateTrace, @typescript/analyze-trace).
for (const [id, schema] of Object.entries<z.ZodType>({ OutboundList, OutboundWithReplay, OutboundDoor })) {
  schema.register(apiSchemas, { id });
}

for (const [id, schema] of Object.entries<z.ZodType>({ ConsentRequest, SiteList, SiteForecastBody, ParcelWithReplay, ParcelWithDoor, ReassignedParcel, CancelledParcel, Collection, Timeline })) {
  schema.register(apiSchemas, { id });
}

// Each schema is its verb's result type, both ways: a changed verb fails the type check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTypes: [
  Same<z.output<typeof ParcelViewBody>, ParcelView>,
  Same<z.output<typeof SiteList>["sites"][number], SiteSummary>,
  Same<z.output<typeof ParcelWithReplay>, DepositResult>,
  Same<z.output<typeof ParcelWithDoor>, ReserveResult>,
  Same<z.output<typeof ReassignedParcel>, Omit<Reassigned, "outcome">>,
  Same<z.output<typeof DoorRetry>, RetryDoorResult>,
  Same<z.output<typeof Collection>, CollectResult>,
  Same<z.output<typeof Timeline>, ParcelTimeline>,
  Same<z.output<typeof SiteForecastBody>, CourierForecast>,
  Same<z.output<typeof OutboundBody>, OutboundView>,
  Same<z.output<typeof OutboundList>["outbound"][number], WaitingOutbound>,
  Same<z.output<typeof OutboundWithReplay>, CreatedReturn>,
  Same<z.output<typeof ConsentRequest>, ConsentRequestView>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true];
void sameTypes;
