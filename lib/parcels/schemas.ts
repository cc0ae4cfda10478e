import { z } from "zod";
import { Id } from "@/lib/validation";
import { SIZES } from "@/db/schema";
import { Phone } from "@/lib/phone";
import { CODE_DIGITS, PHONE_DIGITS } from "@/lib/pickup-codes/code";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((value) => (value ? value : undefined));

export const TrackingNumber = z
  .string()
  // A number typed as it is printed in groups ("ZT9100 0002") is the same number: no carrier uses spaces.
  .overwrite((value) => value.replace(/\s+/g, ""))
  .toUpperCase()
  .min(6, "trackingNumberTooShort")
  .max(40, "trackingNumberTooLong")
  .regex(/^[A-Z0-9-]+$/, "lettersDigitsDashes");

export const ParcelSize = z.enum(SIZES, { message: "chooseSize" });

const Recipient = {
  recipientPhone: Phone,
  recipientName: optionalText(80),
  recipientEmail: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value.toLowerCase() : undefined))
    .pipe(z.email("enterEmail").optional()),
};

/**
 * Consent the courier or carrier already holds (lib/consent/settle.ts): the recipient agreed
 * on the phone (the courier attests it), or the carrier has it on record with a reference.
 */
const HeldConsent = {
  consentSource: z
    .enum(["phone_attested", "carrier_supplied"], { message: "sayHowAgreed" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  consentReference: optionalText(120),
  /** Text the recipient a consent request at once when one is needed (a carrier's system cannot tap a button). */
  askRecipient: z
    .union([z.boolean(), z.enum(["true", "on", "false", ""])])
    .optional()
    .transform((value) => value === true || value === "true" || value === "on"),
};

export const ReserveInput = z
  .object({
    siteId: Id,
    trackingNumber: TrackingNumber,
    size: ParcelSize,
    ...Recipient,
    ...HeldConsent,
  })
  .refine((input) => input.consentSource !== "carrier_supplied" || Boolean(input.consentReference), {
    path: ["consentReference"],
    message: "giveCarrierConsentReference",
  });
export type ReserveInput = z.input<typeof ReserveInput>;

export const AnnounceInput = z.object({
  siteId: Id,
  trackingNumber: TrackingNumber,
  size: ParcelSize,
  ...Recipient,
});
export type AnnounceInput = z.input<typeof AnnounceInput>;

export const ParcelRef = z.object({ parcelId: Id });
export type ParcelRef = z.input<typeof ParcelRef>;

export const SlotFaultInput = z.object({
  parcelId: Id,
  reason: z.string().trim().min(3, "sayDoorFault").max(200, "tooLong"),
});
export type SlotFaultInput = z.input<typeof SlotFaultInput>;

export const CancelInput = z.object({
  parcelId: Id,
  reason: z.string().trim().min(3, "giveReason").max(200, "tooLong"),
});
export type CancelInput = z.input<typeof CancelInput>;

export const CollectInput = z.object({
  code: z
    .string()
    .trim()
    .refine((code) => new RegExp(`^\\d{${CODE_DIGITS}}$`).test(code), { message: "pickupCodeDigits", params: { digits: CODE_DIGITS } }),
  phoneLast4: z
    .string()
    .trim()
    .refine((digits) => new RegExp(`^\\d{${PHONE_DIGITS}}$`).test(digits), { message: "phoneLastDigits", params: { digits: PHONE_DIGITS } }),
});
export type CollectInput = z.input<typeof CollectInput>;

/** A scanned pickup QR's token (lib/pickup-codes/qr-token.ts); its shape is checked where it is verified. */
export const CollectByQrInput = z.object({
  qrToken: z.string().trim().min(1, "scanQrAgain").max(80, "notPickupQr"),
});
export type CollectByQrInput = z.input<typeof CollectByQrInput>;

/** What an admin may record as having happened to a parcel. */
export const INCIDENT_KINDS = ["lost", "damaged"] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const IncidentInput = z.object({
  parcelId: Id,
  kind: z.enum(INCIDENT_KINDS, { message: "chooseLostOrDamaged" }),
  note: z.string({ message: "sayWhatHappened" }).trim().min(3, "sayWhatHappenedBriefly").max(300, "tooLong"),
});
export type IncidentInput = z.input<typeof IncidentInput>;
