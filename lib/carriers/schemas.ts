import "server-only";
import { z } from "zod";

export const CreateCarrierInput = z.object({
  code: z
    .string({ message: "enterShortCode" })
    .trim()
    .toUpperCase()
    .min(2, "carrierCodeLength")
    .max(10, "carrierCodeLength")
    .regex(/^[A-Z0-9]+$/, "lettersDigits"),
  name: z.string({ message: "enterCarrierName" }).trim().min(2, "enterCarrierName").max(80, "tooLong"),
  contactPhone: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z
      .string()
      .trim()
      .max(20, "tooLong")
      .regex(/^\+?[\d\s-]{3,20}$/, "carrierPhoneCharacters")
      .optional(),
  ),
  trackingUrl: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z
      .string()
      .trim()
      .max(200, "tooLong")
      .refine((url) => /^https:\/\/[^\s]+\{waybill\}[^\s]*$/.test(url), { message: "trackingUrlPattern", params: { placeholder: "{waybill}" } })
      .optional(),
  ),
});
export type CreateCarrierInput = z.input<typeof CreateCarrierInput>;
