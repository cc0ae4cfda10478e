import "server-only";
import { z } from "zod";
import { isTimeZone } from "@/lib/time";
import type { FieldKey } from "@/lib/errors";
import { Id, Reason } from "@/lib/validation";
import { formatLayoutText, MAX_ROWS, parseLayoutText, type LayoutError } from "./layout-text";
import { MAX_ROW_HEIGHT_MM } from "@/lib/slots/reach";

/*
 * Input of the admin's site, locker and door verbs. Forms send strings, tests and scripts
 * may send numbers; both parse the same way. Messages name keys of `fields`, worded for the
 * admin in their language at the edge (lib/validation.ts).
 */

const text = (missing: FieldKey, min: number, max: number) =>
  z
    .string({ message: missing })
    .trim()
    .min(1, { message: missing, abort: true })
    .min(min, "tooShort")
    .max(max, "tooLong");

/**
 * A number from a form field: an empty field is "missing", not zero. Each refusal stops the
 * checks after it (zod runs them all otherwise), so "abc" is only "not a number", never also
 * "out of range".
 */
const decimal = (words: { missing: FieldKey; notANumber: FieldKey; outOfRange: FieldKey }, min: number, max: number) =>
  z
    .union([z.number(), z.string().trim()])
    .refine((value) => value !== "", { message: words.missing, abort: true })
    .transform((value) => Number(value))
    .refine((value) => Number.isFinite(value), { message: words.notANumber, abort: true })
    .refine((value) => value >= min && value <= max, words.outOfRange);

const SiteCode = z
  .string({ message: "enterShortCode" })
  .trim()
  .toUpperCase()
  .min(2, "siteCodeLength")
  .max(12, "siteCodeLength")
  .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, "siteCodeCharacters");

const SiteFields = z.object({
  name: text("enterSiteName", 2, 80),
  code: SiteCode,
  address: text("enterAddress", 5, 200),
  latitude: decimal({ missing: "enterLatitude", notANumber: "latitudeNumber", outOfRange: "latitudeRange" }, -90, 90),
  longitude: decimal({ missing: "enterLongitude", notANumber: "longitudeNumber", outOfRange: "longitudeRange" }, -180, 180),
  openingHours: text("enterOpeningHours", 1, 80),
  holdPeriodHours: z
    .union([z.number(), z.string().trim()])
    .refine((value) => value !== "", { message: "enterHoldPeriod", abort: true })
    .transform((value) => Number(value))
    .refine((value) => Number.isInteger(value), { message: "holdPeriodWhole", abort: true })
    .refine((value) => value >= 1 && value <= 720, "holdPeriodRange"),
  // IANA name. Left out, a new site keeps DEFAULT_TIME_ZONE and an edited one its own.
  timeZone: z.string().trim().refine(isTimeZone, "chooseTimeZone").optional(),
});

export const CreateSiteInput = SiteFields;
export type CreateSiteInput = z.input<typeof CreateSiteInput>;

export const UpdateSiteInput = SiteFields.extend({ siteId: Id });
export type UpdateSiteInput = z.input<typeof UpdateSiteInput>;

export const CloseSiteInput = z.object({ siteId: Id, reason: Reason });
export type CloseSiteInput = z.input<typeof CloseSiteInput>;

export const SiteRef = z.object({ siteId: Id });
export type SiteRef = z.input<typeof SiteRef>;

/** The layout's mistakes in the admin's words (the same as the add-locker form's live check). */
const LAYOUT_ERROR_WORDS = {
  empty: "layoutEmpty",
  tooManyRows: "layoutTooManyRows",
  notASize: "layoutNotASize",
  tooManyColumns: "layoutTooManyColumns",
  uneven: "layoutUneven",
} as const satisfies Record<LayoutError["key"], FieldKey>;

const LockerLayoutText = z
  .union([z.string(), z.array(z.array(z.string()))])
  .transform((value) => (typeof value === "string" ? value : formatLayoutText(value as never)))
  .transform((value, context) => {
    const parsed = parseLayoutText(value);
    if (!parsed.ok) {
      context.addIssue({ code: "custom", message: LAYOUT_ERROR_WORDS[parsed.key], params: parsed.params });
      return z.NEVER;
    }
    return parsed.layout;
  });

/**
 * A row's height above the ground in whole mm (its doors' bottom edge, lib/slots/reach.ts);
 * an empty entry is a row nobody measured (null).
 */
const RowHeight = z
  .string()
  .trim()
  .transform((value) => (value === "" ? null : value))
  .pipe(
    z.coerce
      .number<string>({ message: "heightWholeMm" })
      .int("heightWholeMm")
      .min(0, "heightNotNegative")
      .max(MAX_ROW_HEIGHT_MM, "rowHeightMax")
      .nullable(),
  );

export const AddLockerInput = z.object({
  siteId: Id,
  code: z
    .string({ message: "enterLockerCode" })
    .trim()
    .toUpperCase()
    .min(1, "enterLockerCode")
    .max(4, "lockerCodeLength")
    .regex(/^[A-Z0-9]+$/, "lockerCodeCharacters"),
  controllerId: z
    .string()
    .trim()
    .max(64, "tooLong")
    .regex(/^[A-Za-z0-9._:-]*$/, "controllerIdCharacters")
    .optional()
    .transform((value) => (value ? value : undefined)),
  layout: LockerLayoutText,
  /**
   * Each row's height above the ground in mm (its doors' bottom edge, lib/slots/reach.ts), top
   * row first; an empty entry is a row nobody measured. Left out altogether, every row gets
   * the default heights of a standard cabinet (defaultRowBottoms).
   */
  rowHeights: z.array(RowHeight).max(MAX_ROWS).default([]),
}).superRefine((input, context) => {
  if (input.rowHeights.length > 0 && input.rowHeights.length !== input.layout.length) {
    context.addIssue({
      code: "custom",
      path: ["rowHeights"],
      message: "oneHeightPerRow",
      params: { rows: input.layout.length, heights: input.rowHeights.length },
    });
  }
});
export type AddLockerInput = z.input<typeof AddLockerInput>;

/** New heights for an existing cabinet's rows, top row first, one per row (the verb checks the count against the cabinet). */
export const SetRowHeightsInput = z.object({
  lockerId: Id,
  rowHeights: z.array(RowHeight).max(MAX_ROWS),
});
export type SetRowHeightsInput = z.input<typeof SetRowHeightsInput>;

export const LockerRef = z.object({ lockerId: Id });
export type LockerRef = z.input<typeof LockerRef>;
