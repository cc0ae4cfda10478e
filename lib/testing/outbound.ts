import "server-only";
import type { UserActor } from "@/lib/context";
import { setCarrierOutbound } from "@/lib/outbound/settings";
import { startShipment, type StartedShipment } from "@/lib/outbound/create";
import type { StartShipmentInput } from "@/lib/outbound/schemas";
import { phoneLast4 } from "@/lib/pickup-codes/code";
import { createCustomer, type TestWorld } from "./factories";
import { createStation, recipientPhone, type Station, type StationOptions } from "./parcels";

/*
 * Outbound scenes (decision 0013): a station whose carrier takes outbound parcels, a
 * customer with a verified phone, and the customer's first step.
 */

export type OutboundStation = Station & { customer: UserActor };

let senders = 0;
export function senderPhone(): string {
  return `137${String(++senders).padStart(8, "0")}`;
}

export function createOutboundStation(world: TestWorld, options: StationOptions = {}): OutboundStation {
  const station = createStation(world, options);
  setCarrierOutbound(world.ctx(station.admin), { siteId: station.site.id, carrierId: station.carrier.id, accepts: true });
  return { ...station, customer: createCustomer(world.db, senderPhone()) };
}

export function shipmentInput(station: Station, overrides: Partial<StartShipmentInput> = {}): StartShipmentInput {
  return {
    siteId: station.site.id,
    carrierId: station.carrier.id,
    size: "S",
    recipientName: "Li Hua",
    recipientPhone: recipientPhone(),
    recipientAddress: "18 Wensan Road, Hangzhou",
    declaration: "on",
    ...overrides,
  };
}

/** The customer starts a shipment; returns it with what they would type at the kiosk. */
export function startSending(
  world: TestWorld,
  station: OutboundStation,
  overrides: Partial<StartShipmentInput> = {},
): StartedShipment & { phoneLast4: string } {
  const started = startShipment(world.ctx(station.customer), shipmentInput(station, overrides));
  return { ...started, phoneLast4: phoneLast4(station.customer.verifiedPhone!) };
}
