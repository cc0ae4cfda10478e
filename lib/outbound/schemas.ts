import { z } from "zod";
import { Phone } from "@/lib/phone";
import { ParcelSize, TrackingNumber } from "@/lib/parcels/schemas";
import { CODE_DIGITS, PHONE_DIGITS } from "@/lib/pickup-codes/code";
import type { FieldKey } from "@/lib/errors";
import { Id } from "@/lib/validation";

const text = (min: number, max: number, missing: FieldKey) => z.string().trim().min(min, missing).max(max, "tooLong");

/** A checkbox as a form sends it ("on"), or a boolean from JSON. */
const Declared = z
  .union([z.literal("on"), z.literal("true"), z.literal(true)], {
    message: "confirmDeclaration",
  })
  .transform(() => true as const);

/** The station and carrier, picked together from one list: one wording when neither came. */
const RouteId = z.coerce.number<unknown>({ message: "chooseStationAndCarrier" }).int().positive("chooseStationAndCarrier");

export const StartShipmentInput = z.object({
  siteId: RouteId,
  carrierId: RouteId,
  size: ParcelSize,
  recipientName: text(1, 80, "enterRecipientName"),
  recipientPhone: Phone,
  recipientAddress: text(5, 300, "enterRecipientAddress"),
  declaration: Declared,
});
export type StartShipmentInput = z.input<typeof StartShipmentInput>;

export const CreateReturnInput = z.object({
  siteId: Id,
  size: ParcelSize,
  customerPhone: Phone,
  orderReference: text(1, 60, "enterOrderReference").regex(/^[A-Za-z0-9._/-]+$/, "orderReferenceCharacters"),
});
export type CreateReturnInput = z.input<typeof CreateReturnInput>;

export const OutboundRef = z.object({ outboundParcelId: Id });
export type OutboundRef = z.input<typeof OutboundRef>;

export const DropOffInput = z.object({
  code: z
    .string()
    .trim()
    .refine((code) => new RegExp(`^\\d{${CODE_DIGITS}}$`).test(code), { message: "dropOffCodeDigits", params: { digits: CODE_DIGITS } }),
  phoneLast4: z
    .string()
    .trim()
    .refine((digits) => new RegExp(`^\\d{${PHONE_DIGITS}}$`).test(digits), { message: "phoneLastDigits", params: { digits: PHONE_DIGITS } }),
});
export type DropOffInput = z.input<typeof DropOffInput>;

export const DropOffByQrInput = z.object({
  qrToken: z.string().trim().min(1, "scanQrAgain").max(80, "notDropOffQr"),
});
export type DropOffByQrInput = z.input<typeof DropOffByQrInput>;

export const DropOffDoorProblem = z.object({
  outboundParcelId: Id,
  problem: z.enum(["did_not_open", "does_not_fit"], { message: "sayDoorProblem" }),
});
export type DropOffDoorProblem = z.input<typeof DropOffDoorProblem>;

export const AttachWaybillInput = z.object({
  outboundParcelId: Id,
  waybillNumber: TrackingNumber,
  /** The carrier's quoted price in fen; none when the carrier gives none. */
  quotedPriceCents: z.coerce.number<unknown>().int("A price is a whole number of fen.").min(0).max(100_000_000).optional(),
});
export type AttachWaybillInput = z.input<typeof AttachWaybillInput>;

export const CarrierOutboundSetting = z.object({
  siteId: Id,
  carrierId: Id,
  accepts: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]),
});
export type CarrierOutboundSetting = z.input<typeof CarrierOutboundSetting>;

export const WaitingQuery = z.object({ siteId: Id.optional() });
export type WaitingQuery = z.input<typeof WaitingQuery>;
