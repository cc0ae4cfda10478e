import "server-only";
import { DomainError, type ErrorCode } from "@/lib/errors";

/**
 * Runs `work` (sync or async) and returns the DomainError it raised. Anything else — a
 * success or another kind of error — fails the test with a message that says which.
 */
export async function domainErrorOf<D = unknown>(work: () => unknown): Promise<DomainError<D>> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DomainError) return error as DomainError<D>;
    throw new Error(`expected a DomainError, got: ${error instanceof Error ? error.stack : String(error)}`);
  }
  throw new Error("expected a DomainError, but the call succeeded");
}

/** The same, asserting the code; returns the error for further checks. */
export async function expectDomainError<D = unknown>(work: () => unknown, code: ErrorCode): Promise<DomainError<D>> {
  const error = await domainErrorOf<D>(work);
  if (error.code !== code) {
    throw new Error(`expected DomainError ${code}, got ${error.code}: ${error.message}`);
  }
  return error;
}
