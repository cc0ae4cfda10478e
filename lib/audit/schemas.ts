import "server-only";
import { z } from "zod";
import { Id } from "@/lib/validation";

export const AUDIT_CATEGORIES = ["site", "locker", "door", "parcel", "people", "carrier"] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const day = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "pickDate");

export const AuditFilter = z
  .object({
    category: optional(z.enum(AUDIT_CATEGORIES, { message: "chooseAuditCategory" })),
    site: optional(Id),
    actor: optional(Id),
    from: optional(day),
    to: optional(day),
    page: optional(Id),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    message: "firstDayAfterLast",
    path: ["to"],
  });
export type AuditFilter = z.input<typeof AuditFilter>;
