import { z } from "zod";
import { DomainError } from "@/lib/errors";

/** A row id as it arrives from a form, a route or a query string: text coerced to a positive integer. */
export const Id = z.coerce.number<unknown>().int().positive();

/** Why an admin closes a site or takes a door out of service, as the history will show it. */
export const Reason = z
  .string({ message: "Give a reason." })
  .trim()
  .min(3, "Give a reason of at least 3 characters.")
  .max(200, "Use at most 200 characters.");

export type FieldErrors = Record<string, string[]>;

/** Parses with a verb's schema; bad input is INVALID with a message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : "form";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new DomainError("INVALID", "Some fields need another look.", { fieldErrors });
}
