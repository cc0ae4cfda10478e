import "server-only";
import { unstable_rethrow } from "next/navigation";
import { requestContext } from "@/lib/auth/current";
import type { Ctx } from "@/lib/context";
import type { Locale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { errorState } from "./errors";
import { echoValues, type FormState } from "./state";

/*
 * Every form action's one pipeline: the verb is called with this request's context (it
 * parses its own input); a refusal becomes the form's state, with what was typed put back;
 * success hands the verb's result to the action, which revalidates or redirects after this
 * returns, outside any try. Refusals are worded in the language this request resolved to.
 */

export type ActionOutcome<R, S> = { ok: true; result: R } | { ok: false; state: S };

export type ActionOptions<S, C extends Ctx> = {
  /**
   * Field names never put back into the form (default: passwords, codes, a phone's last
   * four digits); "all" puts nothing back.
   */
  secret?: readonly string[] | "all";
  /** The context to call the verb with; this request's user's by default. */
  ctx?: C;
  /** For the few screens that say more than errorState: SITE_FULL alternatives, a kiosk's answers. */
  onError?: (error: unknown, values: Record<string, string>, locale: Locale) => S;
};

export async function runAction<R, S = FormState, C extends Ctx = Ctx>(
  formData: FormData | null,
  verb: (ctx: C) => R | Promise<R>,
  options: ActionOptions<S, C> = {},
): Promise<ActionOutcome<Awaited<R>, S>> {
  const values = submittedValues(formData, options.secret);
  try {
    const ctx = options.ctx ?? ((await requestContext()) as C);
    return { ok: true, result: await verb(ctx) };
  } catch (error) {
    // Next's own signals (a redirect from Auth.js's signIn, notFound) are not refusals.
    unstable_rethrow(error);
    // With no onError, S is FormState (its default): the one cast that says so.
    const locale = await requestLocale();
    return { ok: false, state: options.onError ? options.onError(error, values, locale) : (errorState(error, values, locale) as S) };
  }
}

function submittedValues(formData: FormData | null, secret: ActionOptions<unknown, Ctx>["secret"]): Record<string, string> {
  if (!formData || secret === "all") return {};
  const values = secret ? echoValues(formData, [...secret]) : echoValues(formData);
  // Ticked checkboxes share a name; put them all back, comma-separated.
  for (const name of Object.keys(values)) {
    const all = formData.getAll(name);
    if (all.length > 1) values[name] = all.filter((value) => typeof value === "string").join(",");
  }
  return values;
}

/** The form's fields as the verbs' schemas read them; repeated names become lists. */
export function formInput(formData: FormData, lists: string[] = []): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    input[name] = lists.includes(name) ? formData.getAll(name).filter((v) => typeof v === "string") : value;
  }
  for (const name of lists) input[name] ??= [];
  return input;
}
