import "server-only";
import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { announceParcel } from "@/lib/parcels/announce";
import { parcelByTracking } from "@/lib/parcels/by-tracking";
import { cancelParcel } from "@/lib/parcels/cancel";
import { collectParcel, collectParcelByQr } from "@/lib/parcels/collect";
import { confirmDeposit } from "@/lib/parcels/deposit";
import { reportParcelDoesNotFit, reportSlotFault, siteFullRefusal, type Reassigned, type ReassignResult } from "@/lib/parcels/reassign";
import { reserveParcel } from "@/lib/parcels/reserve";
import { retryCollectedDoor, retryTakeBackDoor } from "@/lib/parcels/retry-door";
import { AnnounceInput, CollectByQrInput, CollectInput, ReserveInput } from "@/lib/parcels/schemas";
import { confirmTakeBack, takeBackParcel } from "@/lib/parcels/take-back";
import { attachWaybill, confirmOutboundTaken, openOutboundDoor, waitingOutbound } from "@/lib/outbound/carrier";
import { createReturn } from "@/lib/outbound/create";
import { AttachWaybillInput, CreateReturnInput } from "@/lib/outbound/schemas";
import { listCourierSites } from "@/lib/courier/sites";
import { courierSiteForecast } from "@/lib/forecast/courier";
import { getConsentRequest } from "@/lib/parcels/consent-requests";
import {
  CancelledParcel,
  Collection,
  ConsentRequest,
  DoorRetry,
  OutboundDoor,
  OutboundList,
  OutboundWithReplay,
  ParcelWithDoor,
  ParcelWithReplay,
  ReassignedParcel,
  SiteForecastBody,
  SiteList,
  Timeline,
} from "./responses";

export type RouteScope = "carrier" | "kiosk";

export type RouteArgs = { params: Record<string, string>; body: Record<string, unknown>; query: URLSearchParams };

export type ApiRoute = {
  method: "GET" | "POST";
  /** OpenAPI-style template: "/parcels/{parcelId}/deposit". */
  path: string;
  scope: RouteScope;
  summary: string;
  /** The request body's schema, the verb's own (for the OpenAPI document). */
  body?: z.ZodType;
  query?: Record<string, string>;
  /** The success body's schema (lib/api/responses.ts), for the OpenAPI document. */
  response: z.ZodType;
  /** Status of a success; a replayed retry answers 200. */
  created?: boolean;
  handle(ctx: Ctx, args: RouteArgs): unknown;
};

const Reason = z.object({ reason: z.string() });

/**
 * A reassignment's answer. With no door left the verb has committed the cancellation and
 * returned it; clients get what a first reservation answers (409 SITE_FULL with the
 * alternatives, or 409 NO_DOOR_WITHIN_REACH with the sites that have a free door in the band), raised here at the edge for the one error mapper (handler.ts `run`) —
 * the stored idempotent answer is that 409, and nothing is rolled back or redone.
 */
function reassignAnswer(result: ReassignResult): Omit<Reassigned, "outcome"> {
  if (result.outcome !== "moved") throw siteFullRefusal(result);
  return { parcel: result.parcel, doorOpened: result.doorOpened };
}

/** Everything /api/v1 can do. The OpenAPI document is generated from this list. */
export const API_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    path: "/sites",
    scope: "carrier",
    summary: "The sites this courier serves, with free doors per size now",
    response: SiteList,
    handle: (ctx) => ({ sites: listCourierSites(ctx) }),
  },
  {
    method: "GET",
    path: "/sites/{siteId}/forecast",
    scope: "carrier",
    summary: "A served site's forecast occupancy per door size, hour by hour for 48 hours, with its 80 % band and when it is likely full",
    response: SiteForecastBody,
    handle: (ctx, { params }) => courierSiteForecast(ctx, params),
  },
  {
    method: "POST",
    path: "/parcels/announcements",
    scope: "carrier",
    summary: "Pre-advise a parcel for a site (no door held yet)",
    response: ParcelWithReplay,
    body: AnnounceInput,
    created: true,
    handle: (ctx, { body }) => announceParcel(ctx, body),
  },
  {
    method: "POST",
    path: "/parcels",
    scope: "carrier",
    summary:
      "Assign a door to a parcel and open it (step 1 of a deposit). Without the recipient's consent to a locker it answers " +
      "409 CONSENT_REQUIRED with details.requestId to poll, and texts the recipient a one-tap question (askRecipient: false " +
      "to leave that to you). Consent the carrier already holds is sent as consentSource carrier_supplied with consentReference.",
    response: ParcelWithDoor,
    body: ReserveInput,
    created: true,
    handle: (ctx, { body }) => reserveParcel(ctx, { askRecipient: true, ...body }),
  },
  {
    method: "GET",
    path: "/consent-requests/{requestId}",
    scope: "carrier",
    summary: "A consent request's answer so far; on granted, POST /parcels again with the same parcel to get its door",
    response: ConsentRequest,
    handle: (ctx, { params }) => getConsentRequest(ctx, { requestId: params.requestId }),
  },
  {
    method: "POST",
    path: "/parcels/{parcelId}/deposit",
    scope: "carrier",
    summary: "Confirm the door is closed: the parcel is deposited and the recipient notified",
    response: ParcelWithReplay,
    handle: (ctx, { params }) => confirmDeposit(ctx, { parcelId: params.parcelId }),
  },
  {
    method: "POST",
    path: "/parcels/{parcelId}/slot-fault",
    scope: "carrier",
    summary:
      "Report that the door did not open or is damaged; the parcel gets another door. With none left the reservation is cancelled: 409 SITE_FULL, or NO_DOOR_WITHIN_REACH when the recipient needs a door within reach",
    response: ReassignedParcel,
    body: Reason,
    handle: async (ctx, { params, body }) => reassignAnswer(await reportSlotFault(ctx, { parcelId: params.parcelId, reason: body.reason })),
  },
  {
    method: "POST",
    path: "/parcels/{parcelId}/does-not-fit",
    scope: "carrier",
    summary:
      "Report that the parcel does not fit; it gets a door one size up. With none left the reservation is cancelled: 409 SITE_FULL, or NO_DOOR_WITHIN_REACH when the recipient needs a door within reach",
    response: ReassignedParcel,
    handle: async (ctx, { params }) => reassignAnswer(await reportParcelDoesNotFit(ctx, { parcelId: params.parcelId })),
  },
  {
    method: "POST",
    path: "/parcels/{parcelId}/take-back",
    scope: "carrier",
    summary: "Open an expired parcel's door to take it back (step 1: the parcel stays expired and its door taken until confirmed)",
    response: ParcelWithDoor,
    handle: (ctx, { params }) => takeBackParcel(ctx, { parcelId: params.parcelId }),
  },
  {
    method: "POST",
    path: "/parcels/{parcelId}/take-back/confirm",
    scope: "carrier",
    summary: "Confirm the parcel was taken out of its opened door (step 2): it is returned and its door free",
    response: ParcelWithReplay,
    handle: (ctx, { params }) => confirmTakeBack(ctx, { parcelId: params.parcelId }),
  },
  {
    method: "POST",
    path: "/parcels/{parcelId}/take-back/door",
    scope: "carrier",
    summary: "Try the door again when it did not open at the take-back (soon after, a few times)",
    response: DoorRetry,
    handle: (ctx, { params }) => retryTakeBackDoor(ctx, { parcelId: params.parcelId }),
  },
  {
    method: "POST",
    path: "/parcels/{parcelId}/cancel",
    scope: "carrier",
    summary: "Cancel an announced parcel or an open reservation",
    response: CancelledParcel,
    body: Reason,
    handle: (ctx, { params, body }) => ({ parcel: cancelParcel(ctx, { parcelId: params.parcelId, reason: body.reason as string }) }),
  },
  {
    method: "GET",
    path: "/parcels",
    scope: "carrier",
    summary: "A parcel's status and events by tracking number (this carrier's parcels only)",
    response: Timeline,
    query: { trackingNumber: "The carrier's tracking number (waybill)" },
    handle: (ctx, { query }) => parcelByTracking(ctx, { trackingNumber: query.get("trackingNumber") ?? "" }),
  },
  {
    method: "POST",
    path: "/kiosk/collections",
    scope: "kiosk",
    summary: "Collect with a pickup code and the last 4 digits of the recipient's phone",
    response: Collection,
    body: CollectInput,
    handle: (ctx, { body }) => collectParcel(ctx, body),
  },
  {
    method: "POST",
    path: "/kiosk/collections/qr",
    scope: "kiosk",
    summary: "Collect with the token of the pickup QR the customer's app shows (signed, 15 minutes; never slowed down by wrong codes)",
    response: Collection,
    body: CollectByQrInput,
    handle: (ctx, { body }) => collectParcelByQr(ctx, body),
  },
  {
    method: "POST",
    path: "/kiosk/collections/{parcelId}/door",
    scope: "kiosk",
    summary: "Try the door again when it did not open at the collection (soon after, a few times)",
    response: DoorRetry,
    handle: (ctx, { params }) => retryCollectedDoor(ctx, { parcelId: params.parcelId }),
  },
  {
    method: "GET",
    path: "/outbound",
    scope: "carrier",
    summary: "Outbound parcels (sent or returned) waiting for this carrier at the sites this courier serves: poll this list",
    response: OutboundList,
    handle: (ctx) => ({ outbound: waitingOutbound(ctx) }),
  },
  {
    method: "POST",
    path: "/outbound/{outboundParcelId}/waybill",
    scope: "carrier",
    summary: "Attach the carrier's waybill number (and its quoted price in fen, if any); the sender sees both and the tracking link",
    response: OutboundWithReplay,
    body: AttachWaybillInput.omit({ outboundParcelId: true }),
    handle: (ctx, { params, body }) => attachWaybill(ctx, { ...body, outboundParcelId: params.outboundParcelId }),
  },
  {
    method: "POST",
    path: "/outbound/{outboundParcelId}/door",
    scope: "carrier",
    summary: "Open the door of a dropped-off outbound parcel for the courier (its state does not change until taken)",
    response: OutboundDoor,
    handle: (ctx, { params }) => openOutboundDoor(ctx, { outboundParcelId: params.outboundParcelId }),
  },
  {
    method: "POST",
    path: "/outbound/{outboundParcelId}/taken",
    scope: "carrier",
    summary: "The courier has the parcel: it is handed to the carrier and its door is free",
    response: OutboundWithReplay,
    handle: (ctx, { params }) => confirmOutboundTaken(ctx, { outboundParcelId: params.outboundParcelId }),
  },
  {
    method: "POST",
    path: "/returns",
    scope: "carrier",
    summary: "Set up a return for a customer (order reference, station, size): they get a drop-off code by text and in the app",
    response: OutboundWithReplay,
    body: CreateReturnInput,
    created: true,
    handle: (ctx, { body }) => createReturn(ctx, body),
  },
];

/** Matches "/parcels/12/deposit" against "/parcels/{parcelId}/deposit". */
export function matchPath(template: string, path: string): Record<string, string> | null {
  return pathMatcher(template)(path.split("/"));
}

/**
 * A template split once, for matching many paths (the handler's table of routes): the
 * path's segments against the template's, each `{name}` taking its segment as a parameter.
 */
export function pathMatcher(template: string): (segments: readonly string[]) => Record<string, string> | null {
  const want = template.split("/").map((segment) => ({ segment, param: /^\{(\w+)\}$/.exec(segment)?.[1] }));
  return (got) => {
    if (want.length !== got.length) return null;
    const params: Record<string, string> = {};
    for (let i = 0; i < want.length; i++) {
      const { segment, param } = want[i];
      if (param) {
        // A segment that is not valid percent-encoding names nothing: no route, not a 500.
        const value = decodeSegment(got[i]);
        if (value === null) return null;
        params[param] = value;
      } else if (segment !== got[i]) return null;
    }
    return params;
  };
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
