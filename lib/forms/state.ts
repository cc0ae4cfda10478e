// Client-safe: browser code imports this (CLIENT_SAFE_MODULES, eslint.config.mjs); it imports only client-safe modules.
/*
 * The state a form action hands back to its form. Client forms import this file for its
 * types, so it holds no server code.
 */
export type FieldErrors = Record<string, string[]>;

export type FormState<V extends string = string> =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors: FieldErrors; values: Partial<Record<V, string>> }
  | { status: "success"; message: string };

export const IDLE: FormState = { status: "idle" };

/** The submitted text fields, minus secrets, to put back into the form after an error. */
export function echoValues(formData: FormData, secret: string[] = ["password", "code", "phoneLast4"]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && !secret.includes(name) && !name.startsWith("$ACTION")) values[name] = value;
  }
  return values;
}
