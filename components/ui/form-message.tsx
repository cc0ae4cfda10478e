import type { FormState } from "@/lib/forms/state";
import { Alert } from "./alert";

/** The form-level message of a form state, if any. Always rendered, so it is announced. */
export function FormMessage({ state }: { state: FormState }) {
  return (
    <div aria-live="polite">
      {state.status === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {state.status === "success" ? <Alert tone="success">{state.message}</Alert> : null}
    </div>
  );
}
