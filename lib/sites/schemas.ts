import "server-only";
import { z } from "zod";
import { isTimeZone } from "@/lib/time";
import { Id, Reason } from "@/lib/validation";
import { formatLayoutText, MAX_ROWS, parseLayoutText } from "./layout-text";
import { MAX_ROW_HEIGHT_MM } from "@/lib/slots/reach";

/*
 * Input of the admin's site, locker and door verbs. Forms send strings, tests and scripts
 * may send numbers; both parse the same way. Messages are written for the admin.
 */

const text = (label: string, min: number, max: number) =>
  z
    .string({ message: `Enter the ${label}.` })
    .trim()
    .min(1, { message: `Enter the ${label}.`, abort: true })
    .min(min, `The ${label} needs at least ${min} characters.`)
    .max(max, `Use at most ${max} characters.`);

/** A number from a form field: an empty field is "missing", not zero. */
const decimal = (label: string, min: number, max: number) =>
  z
    .union([z.number(), z.string().trim()])
    .refine((value) => value !== "", `Enter the ${label}.`)
    .transform((value) => Number(value))
    .refine((value) => Number.isFinite(value), `The ${label} is a number, e.g. 30.3057.`)
    .refine((value) => value >= min && value <= max, `The ${label} lies between ${min} and ${max}.`);

const SiteCode = z
  .string({ message: "Enter a short code." })
  .trim()
  .toUpperCase()
  .min(2, "A short code has 2 to 12 characters.")
  .max(12, "A short code has 2 to 12 characters.")
  .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, "Use letters, digits and single dashes, e.g. ZJG-N.");

const SiteFields = z.object({
  name: text("site name", 2, 80),
  code: SiteCode,
  address: text("address", 5, 200),
  latitude: decimal("latitude", -90, 90),
  longitude: decimal("longitude", -180, 180),
  openingHours: text("opening hours", 1, 80),
  holdPeriodHours: z
    .union([z.number(), z.string().trim()])
    .refine((value) => value !== "", "Enter the hold period in hours.")
    .transform((value) => Number(value))
    .refine((value) => Number.isInteger(value), "The hold period is a whole number of hours.")
    .refine((value) => value >= 1 && value <= 720, "The hold period is between 1 hour and 720 hours (30 days)."),
  // IANA name. Left out, a new site keeps DEFAULT_TIME_ZONE and an edited one its own.
  timeZone: z.string().trim().refine(isTimeZone, "Choose a time zone from the list, e.g. Asia/Shanghai.").optional(),
});

export const CreateSiteInput = SiteFields;
export type CreateSiteInput = z.input<typeof CreateSiteInput>;

export const UpdateSiteInput = SiteFields.extend({ siteId: Id });
export type UpdateSiteInput = z.input<typeof UpdateSiteInput>;

export const CloseSiteInput = z.object({ siteId: Id, reason: Reason });
export type CloseSiteInput = z.input<typeof CloseSiteInput>;

export const SiteRef = z.object({ siteId: Id });
export type SiteRef = z.input<typeof SiteRef>;

const LockerLayoutText = z
  .union([z.string(), z.array(z.array(z.string()))])
  .transform((value) => (typeof value === "string" ? value : formatLayoutText(value as never)))
  .transform((value, context) => {
    const parsed = parseLayoutText(value);
    if (!parsed.ok) {
      context.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return parsed.layout;
  });

export const AddLockerInput = z.object({
  siteId: Id,
  code: z
    .string({ message: "Enter the locker's code." })
    .trim()
    .toUpperCase()
    .min(1, "Enter the locker's code, e.g. D.")
    .max(4, "A locker code has at most 4 characters.")
    .regex(/^[A-Z0-9]+$/, "Use letters and digits only, e.g. D or A2."),
  controllerId: z
    .string()
    .trim()
    .max(64, "Use at most 64 characters.")
    .regex(/^[A-Za-z0-9._:-]*$/, "Use letters, digits, dots, colons and dashes only.")
    .optional()
    .transform((value) => (value ? value : undefined)),
  layout: LockerLayoutText,
  /**
   * Each row's height above the ground in mm (its doors' bottom edge, lib/slots/reach.ts), top
   * row first; an empty entry is a row nobody measured. Left out altogether, every row gets
   * the default heights of a standard cabinet (defaultRowBottoms).
   */
  rowHeights: z
    .array(
      z
        .string()
        .trim()
        .transform((value) => (value === "" ? null : value))
        .pipe(
          z.coerce
            .number<string>({ message: "Give the height in whole millimetres, e.g. 850." })
            .int("Give the height in whole millimetres, e.g. 850.")
            .min(0, "A height is 0 mm or more.")
            .max(MAX_ROW_HEIGHT_MM, `A locker's row is at most ${MAX_ROW_HEIGHT_MM} mm above the ground.`)
            .nullable(),
        ),
    )
    .max(MAX_ROWS)
    .default([]),
}).superRefine((input, context) => {
  if (input.rowHeights.length > 0 && input.rowHeights.length !== input.layout.length) {
    context.addIssue({
      code: "custom",
      path: ["rowHeights"],
      message: `Give one height per row: the layout has ${input.layout.length} rows, the heights ${input.rowHeights.length}.`,
    });
  }
});
export type AddLockerInput = z.input<typeof AddLockerInput>;

export const LockerRef = z.object({ lockerId: Id });
export type LockerRef = z.input<typeof LockerRef>;
