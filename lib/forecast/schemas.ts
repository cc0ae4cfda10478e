import { z } from "zod";
import { CALENDAR_DAY_KINDS } from "@/db/enums";
import { Id } from "@/lib/validation";

/** Marking busy days on the forecast's calendar: one site, or "all" the organization's sites. */
export const MarkCalendarInput = z.object({
  place: z.union([z.literal("all"), Id], { error: "chooseSiteOrAll" }),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "firstDayDate" }),
  days: z.coerce.number<unknown>().int({ error: "wholeDays" }).min(1, { error: "atLeastOneDay" }).max(14, { error: "atMostDays" }),
  kind: z.enum(CALENDAR_DAY_KINDS, { error: "chooseCalendarKind" }),
});
export type MarkCalendarInput = z.infer<typeof MarkCalendarInput>;

export const UnmarkCalendarInput = z.object({ markId: Id });
export type UnmarkCalendarInput = z.infer<typeof UnmarkCalendarInput>;
