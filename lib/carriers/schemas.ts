import "server-only";
import { z } from "zod";

export const CreateCarrierInput = z.object({
  code: z
    .string({ message: "Enter a short code." })
    .trim()
    .toUpperCase()
    .min(2, "A carrier code has 2 to 10 characters, e.g. JD.")
    .max(10, "A carrier code has 2 to 10 characters, e.g. JD.")
    .regex(/^[A-Z0-9]+$/, "Use letters and digits only."),
  name: z.string({ message: "Enter the carrier's name." }).trim().min(2, "Enter the carrier's name.").max(80, "Use at most 80 characters."),
  contactPhone: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z
      .string()
      .trim()
      .max(20, "Use at most 20 characters.")
      .regex(/^\+?[\d\s-]{3,20}$/, "Use digits, spaces and dashes, e.g. 95311 or 400-820-8888.")
      .optional(),
  ),
  trackingUrl: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z
      .string()
      .trim()
      .max(200, "Use at most 200 characters.")
      .regex(/^https:\/\/[^\s]+\{waybill\}[^\s]*$/, "Use an https:// address with {waybill} where the number goes.")
      .optional(),
  ),
});
export type CreateCarrierInput = z.input<typeof CreateCarrierInput>;
