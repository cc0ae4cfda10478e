import "server-only";
import { z } from "zod";
import { OUTBOUND_KINDS, OUTBOUND_STATES } from "@/db/schema";
import { optionalFilter } from "@/lib/search";
import { Id } from "@/lib/validation";

/*
 * The admin's search of outbound parcels (sent and returned), as it arrives in a URL:
 * every field optional, an empty field is "any". `q` is what a customer at the counter
 * can tell: their phone (whole or its last 4 digits), a return's order reference, or the
 * carrier's waybill number.
 */
export const OutboundSearch = z.object({
  q: optionalFilter(
    z
      .string()
      .trim()
      .max(60, "tooLong")
      .regex(/^[A-Za-z0-9+._/() -]+$/, "outboundQueryCharacters"),
  ),
  state: optionalFilter(z.enum(OUTBOUND_STATES, { message: "chooseState" })),
  site: optionalFilter(Id),
  kind: optionalFilter(z.enum(OUTBOUND_KINDS, { message: "chooseOutboundKind" })),
  page: optionalFilter(Id),
});
export type OutboundSearch = z.input<typeof OutboundSearch>;
export type ParsedOutboundSearch = z.output<typeof OutboundSearch>;
