import { useActionState } from "react";
import { IDLE, type FieldErrors, type FormState } from "@/lib/forms/state";

/** A server action a form posts to, answering with the form's next state. */
export type FormAction<S = FormState> = (previous: S, formData: FormData) => Promise<S>;

type Refusal = { status: "error"; fieldErrors: FieldErrors; values: Partial<Record<string, string>> };

function isRefusal(state: { status: string }): state is Refusal {
  return state.status === "error" && "fieldErrors" in state;
}

/**
 * Every form's server action with its answer, plus what goes back into the fields and the
 * errors beside them after a refusal (empty otherwise). Forms whose state says more than
 * FormState (a deposit's full site, a token shown once) pass their own idle state.
 */
export function useFormAction<S extends { status: string } = FormState>(action: FormAction<S>, initial: S = IDLE as S) {
  // A state is never a promise; React types it Awaited<S> all the same.
  const [state, formAction, pending] = useActionState<S, FormData>(action, initial as Awaited<S>);
  const values: Partial<Record<string, string>> = isRefusal(state) ? state.values : {};
  const errors: FieldErrors = isRefusal(state) ? state.fieldErrors : {};
  return { state, formAction, pending, values, errors };
}
