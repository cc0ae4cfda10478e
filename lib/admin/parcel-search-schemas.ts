import "server-only";
import { z } from "zod";
import { Id } from "@/lib/validation";
import { PARCEL_STATES } from "@/db/schema";
import { optionalFilter as optional, PhoneFilter } from "@/lib/search";
import { INCIDENT_KINDS } from "@/lib/parcels/schemas";

/*
 * The admin's parcel search, as it arrives in a URL: every field optional, an empty field
 * is "any". The same schema drives the page, the CSV export and the tests.
 */

const day = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "pickDate");

export const ParcelSearch = z
  .object({
    tracking: optional(
      z
        .string()
        .trim()
        .toUpperCase()
        .max(40, "trackingNumberTooLong")
        .regex(/^[A-Z0-9-]+$/, "lettersDigitsDashes"),
    ),
    phone: optional(PhoneFilter),
    state: optional(z.enum(PARCEL_STATES, { message: "chooseState" })),
    site: optional(Id),
    carrier: optional(Id),
    from: optional(day),
    to: optional(day),
    expiring: optional(z.literal("today", { message: "unknownFilter" })),
    incident: optional(z.enum(["any", ...INCIDENT_KINDS], { message: "chooseIncident" })),
    page: optional(Id),
  })
  .refine((search) => !search.from || !search.to || search.from <= search.to, {
    message: "firstDayAfterLast",
    path: ["to"],
  });
export type ParcelSearch = z.input<typeof ParcelSearch>;
export type ParsedParcelSearch = z.output<typeof ParcelSearch>;
