import { z } from "zod";
import { CALENDAR_DAY_KINDS } from "@/db/enums";
import { Id } from "@/lib/validation";

/** Marking busy days on the forecast's calendar: one site, or "all" the organization's sites. */
export const MarkCalendarInput = z.object({
  place: z.union([z.literal("all"), Id], { error: "Choose a site, or all sites." }),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Give the first day as a date." }),
  days: z.coerce.number<unknown>().int({ error: "Give a whole number of days." }).min(1, { error: "At least one day." }).max(14, { error: "At most 14 days at once." }),
  kind: z.enum(CALENDAR_DAY_KINDS, { error: "Choose sales days or term start." }),
});
export type MarkCalendarInput = z.infer<typeof MarkCalendarInput>;

export const UnmarkCalendarInput = z.object({ markId: Id });
export type UnmarkCalendarInput = z.infer<typeof UnmarkCalendarInput>;
