import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { normalizePhone } from "@/lib/phone";

/*
 * What the admin's list searches share (parcels, outbound parcels): filters as they arrive
 * in a URL — every field optional, an empty field is "any" — a phone given whole or as its
 * last 4 digits, and pages of the same size.
 */

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A filter that may be left out; an empty field is left out too. */
export const optionalFilter = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** A phone number whole, or its last 4 digits (what a person at the counter says). */
export const PhoneFilter = z
  .string()
  .trim()
  .transform(normalizePhone)
  .refine((value) => /^\d{4}$/.test(value) || /^\+?\d{7,15}$/.test(value), "phoneOrLastFour");

/** Whether a normalized `phone` filter matches `column` (a stored, normalized phone). */
export function phoneMatches(column: SQL, phone: string): SQL {
  return phone.length === 4 ? sql`substr(${column}, -4) = ${phone}` : sql`${column} = ${phone}`;
}

export const SEARCH_PAGE_SIZE = 50;

/** The page to show of `total` rows (the requested one, kept within range) and its offset. */
export function pageWindow(total: number, requested: number | undefined): { page: number; pages: number; offset: number } {
  const pages = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const page = Math.min(requested ?? 1, pages);
  return { page, pages, offset: (page - 1) * SEARCH_PAGE_SIZE };
}
