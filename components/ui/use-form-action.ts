import { useActionState } from "react";
import { IDLE, type FieldErrors, type FormState } from "@/lib/forms/state";

/** A server action a form posts to, answering with the form's next state. */
export type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * A form's server action with its answer, plus what goes back into the fields and the
 * errors beside them after a refusal (empty otherwise).
 */
export function useFormAction(action: FormAction) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const values: Partial<Record<string, string>> = state.status === "error" ? state.values : {};
  const errors: FieldErrors = state.status === "error" ? state.fieldErrors : {};
  return { state, formAction, pending, values, errors };
}
