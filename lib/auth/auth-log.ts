import "server-only";
// next-auth re-exports this class from here; importing next-auth itself pulls in next/server.
import { CredentialsSignin } from "@auth/core/errors";

/**
 * Whether Auth.js's logger is handed a refused sign-in (a wrong password, or one of ours
 * thrown from `authorize`, like a rate limit) rather than a fault. Those are answers the
 * sign-in form gives; logging each with its stack trace floods the log and hides real
 * errors. Compared by class and by Auth.js's `type` tag, never by `error.name`: the
 * production build minifies class names, so `name` is "a" or "t" there.
 */
function isRefusedSignIn(error: unknown): boolean {
  if (error instanceof CredentialsSignin) return true;
  // `type` is a string literal Auth.js sets on each error class, which minifying leaves alone;
  // it also holds when a second copy of @auth/core is bundled and `instanceof` says no.
  return error instanceof Error && (error as { type?: unknown }).type === "CredentialsSignin";
}

/** Auth.js's `logger.error`: everything but a refused sign-in goes to the log. */
export function logAuthError(error: Error, log: (error: Error) => void = console.error): void {
  if (isRefusedSignIn(error)) return;
  log(error);
}
