import "server-only";
import { z } from "zod";
import { Id } from "@/lib/validation";
import { PARCEL_STATES } from "@/db/schema";
import { normalizePhone } from "@/lib/phone";
import { INCIDENT_KINDS } from "@/lib/parcels/schemas";

/*
 * The admin's parcel search, as it arrives in a URL: every field optional, an empty field
 * is "any". The same schema drives the page, the CSV export and the tests.
 */

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const day = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a date (YYYY-MM-DD).");


export const ParcelSearch = z
  .object({
    tracking: optional(
      z
        .string()
        .trim()
        .toUpperCase()
        .max(40, "A tracking number has at most 40 characters.")
        .regex(/^[A-Z0-9-]+$/, "Use letters, digits and dashes only."),
    ),
    phone: optional(
      z
        .string()
        .trim()
        .transform(normalizePhone)
        .refine((value) => /^\d{4}$/.test(value) || /^\+?\d{7,15}$/.test(value), "Enter the whole phone number or its last 4 digits."),
    ),
    state: optional(z.enum(PARCEL_STATES, { message: "Choose a state from the list." })),
    site: optional(Id),
    carrier: optional(Id),
    from: optional(day),
    to: optional(day),
    expiring: optional(z.literal("today", { message: "Unknown filter." })),
    incident: optional(z.enum(["any", ...INCIDENT_KINDS], { message: "Choose lost, damaged or any incident." })),
    page: optional(Id),
  })
  .refine((search) => !search.from || !search.to || search.from <= search.to, {
    message: "The first day must not be after the last.",
    path: ["to"],
  });
export type ParcelSearch = z.input<typeof ParcelSearch>;
export type ParsedParcelSearch = z.output<typeof ParcelSearch>;
