import { z } from "zod";
import { DomainError, type FieldKey, type FieldWordings } from "@/lib/errors";
import { MESSAGES } from "@/lib/i18n/messages";

/** A row id as it arrives from a form, a route or a query string: text coerced to a positive integer. */
export const Id = z.coerce.number<unknown>().int().positive();

/** Why an admin closes a site or takes a door out of service, as the history will show it. */
export const Reason = z
  .string({ message: "Give a reason." })
  .trim()
  .min(3, "Give a reason of at least 3 characters.")
  .max(200, "Use at most 200 characters.");

export type FieldErrors = Record<string, string[]>;

/**
 * Parses with a verb's schema; bad input is INVALID with words per field. A schema's
 * message that names a key of the `fields` namespace ("enterName") is worded in the
 * caller's language at the edge, with the issue's limits as parameters ({minimum},
 * {maximum}); any other message is shown as written (schemas not converted yet).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldWordings = {};
  for (const issue of result.error.issues) {
    const name = issue.path.length > 0 ? issue.path.join(".") : "form";
    (fields[name] ??= []).push(isFieldKey(issue.message) ? { key: issue.message, params: limits(issue) } : { text: issue.message });
  }
  throw new DomainError("INVALID", "fieldsNeedLook", { fields });
}

function isFieldKey(message: string): message is FieldKey {
  return Object.hasOwn(MESSAGES.en.fields, message);
}

function limits(issue: z.core.$ZodIssue): Record<string, number> {
  const params: Record<string, number> = {};
  if ("minimum" in issue && (typeof issue.minimum === "number" || typeof issue.minimum === "bigint")) params.minimum = Number(issue.minimum);
  if ("maximum" in issue && (typeof issue.maximum === "number" || typeof issue.maximum === "bigint")) params.maximum = Number(issue.maximum);
  return params;
}
