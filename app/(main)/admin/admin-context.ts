import "server-only";
import { requestContext, requirePageUser } from "@/lib/auth/current";
import type { Ctx } from "@/lib/context";
import { errorState } from "@/lib/forms/errors";
import { echoValues, type FormState } from "@/lib/forms/state";

/*
 * The admin console's two edges. Pages: send anyone but an admin to their own home, then
 * hand the verbs a context (the verbs authorize again — this only picks the screen).
 * Actions: one verb per call, its DomainError turned into form state.
 */

export async function adminPageContext(): Promise<Ctx> {
  await requirePageUser("admin");
  return requestContext();
}

export type VerbOutcome<R> = { ok: true; result: R } | { ok: false; state: FormState };

/**
 * Calls one verb for a form action with this request's context. A refusal becomes error
 * state with the submitted values to put back (never a password); the caller revalidates
 * or redirects after this returns, outside any try.
 */
export async function runVerb<R>(formData: FormData, verb: (ctx: Ctx) => R | Promise<R>): Promise<VerbOutcome<R>> {
  const values = echoValues(formData, ["password"]);
  // Ticked checkboxes share a name; put them all back, comma-separated.
  for (const name of Object.keys(values)) {
    const all = formData.getAll(name);
    if (all.length > 1) values[name] = all.filter((value) => typeof value === "string").join(",");
  }
  try {
    return { ok: true, result: await verb(await requestContext()) };
  } catch (error) {
    return { ok: false, state: errorState(error, values) };
  }
}

/**
 * The form's fields as the verbs' schemas read them; repeated names become lists. Typed
 * as the verb's input only to make the call: the verb's zod schema is what checks it.
 */
export function formInput<T = Record<string, unknown>>(formData: FormData, lists: string[] = []): T {
  const input: Record<string, unknown> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    input[name] = lists.includes(name) ? formData.getAll(name).filter((v) => typeof v === "string") : value;
  }
  for (const name of lists) input[name] ??= [];
  return input as T;
}
