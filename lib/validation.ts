import { z } from "zod";
import { DomainError, type FieldKey, type FieldWordings, type MessageParams } from "@/lib/errors";
import { MESSAGES } from "@/lib/i18n/messages";

/** A row id as it arrives from a form, a route or a query string: text coerced to a positive integer. */
export const Id = z.coerce.number<unknown>().int().positive();

/** Why an admin closes a site or takes a door out of service, as the history will show it. */
export const Reason = z
  .string({ message: "giveReason" })
  .trim()
  .min(3, "reasonTooShort")
  .max(200, "tooLong");

export type FieldErrors = Record<string, string[]>;

/**
 * Parses with a verb's schema; bad input is INVALID with words per field. A schema's
 * message names a key of the `fields` namespace ("enterName"), worded in the caller's
 * language at the edge with the issue's limits ({minimum}, {maximum}) and a refinement's
 * own params as parameters; where a schema names none, zod's own English gives way to
 * fields' generic words (FALLBACK_WORDS). Any other message is shown as written.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { error: fallbackWords });
  if (result.success) return result.data;
  const fields: FieldWordings = {};
  for (const issue of result.error.issues) {
    const name = issue.path.length > 0 ? issue.path.join(".") : "form";
    (fields[name] ??= []).push(isFieldKey(issue.message) ? { key: issue.message, params: paramsOf(issue) } : { text: issue.message });
  }
  throw new DomainError("INVALID", "fieldsNeedLook", { fields });
}

function isFieldKey(message: string): message is FieldKey {
  return Object.hasOwn(MESSAGES.en.fields, message);
}

/** The words of an issue whose schema named none: too short or long, missing, or not valid. */
function fallbackWords(issue: z.core.$ZodRawIssue): FieldKey {
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" ? "tooShort" : issue.origin === "number" ? "tooSmallNumber" : "invalid";
    case "too_big":
      return issue.origin === "string" ? "tooLong" : issue.origin === "number" ? "tooBigNumber" : "invalid";
    case "invalid_type":
      return issue.input === undefined || issue.input === null || issue.input === "" ? "required" : "invalid";
    default:
      return "invalid";
  }
}

function paramsOf(issue: z.core.$ZodIssue): MessageParams {
  const params: MessageParams = {};
  if ("minimum" in issue && (typeof issue.minimum === "number" || typeof issue.minimum === "bigint")) params.minimum = Number(issue.minimum);
  if ("maximum" in issue && (typeof issue.maximum === "number" || typeof issue.maximum === "bigint")) params.maximum = Number(issue.maximum);
  // A refinement's own parameters (refine(check, { message, params })): numbers and words only.
  if (issue.code === "custom" && issue.params) {
    for (const [key, value] of Object.entries(issue.params)) if (typeof value === "number" || typeof value === "string") params[key] = value;
  }
  return params;
}
